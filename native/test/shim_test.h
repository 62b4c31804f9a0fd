/* What the cases of unix_shim_test share: the natives as JNI_OnLoad registered them
 * (resolved through the fake JNIEnv by class, name and signature, so a native is
 * called exactly as the JVM calls it), descriptors that are closed after each case,
 * and checks of the usual hostile arguments. */
#ifndef MIO4J_SHIM_TEST_H
#define MIO4J_SHIM_TEST_H

#include "check.h"
#include "fake_jni.h"

#include <stdint.h>

#define ENV fake_env, NULL

/* Every native of PosixCallsJni, ErrnoCallsJni and LibraryJni. */
struct posix_natives {
    jlong (*constant)(JNIEnv *, jobject, jstring);
    jint (*close)(JNIEnv *, jobject, jint);
    jint (*read)(JNIEnv *, jobject, jint, jobject, jint, jint);
    jint (*write)(JNIEnv *, jobject, jint, jobject, jint, jint);
    jlong (*readv)(JNIEnv *, jobject, jint, jobjectArray, jintArray, jintArray, jint);
    jlong (*writev)(JNIEnv *, jobject, jint, jobjectArray, jintArray, jintArray, jint);
    jint (*set_nonblocking)(JNIEnv *, jobject, jint, jboolean);
    jint (*pipe)(JNIEnv *, jobject, jintArray);
    jint (*socket)(JNIEnv *, jobject, jint, jint, jint);
    jint (*socketpair)(JNIEnv *, jobject, jint, jint, jintArray);
    jint (*bind)(JNIEnv *, jobject, jint, jbyteArray);
    jint (*connect)(JNIEnv *, jobject, jint, jbyteArray);
    jint (*listen)(JNIEnv *, jobject, jint, jint);
    jint (*accept)(JNIEnv *, jobject, jint, jbyteArray);
    jint (*local_address)(JNIEnv *, jobject, jint, jbyteArray);
    jint (*peer_address)(JNIEnv *, jobject, jint, jbyteArray);
    jint (*shutdown)(JNIEnv *, jobject, jint, jint);
    jint (*get_int_option)(JNIEnv *, jobject, jint, jint, jint, jintArray);
    jint (*set_int_option)(JNIEnv *, jobject, jint, jint, jint, jint);
    jint (*send)(JNIEnv *, jobject, jint, jobject, jint, jint, jint);
    jint (*recv)(JNIEnv *, jobject, jint, jobject, jint, jint, jint);
    jlong (*sendv)(JNIEnv *, jobject, jint, jobjectArray, jintArray, jintArray, jint);
    jint (*get_linger)(JNIEnv *, jobject, jint, jintArray);
    jint (*set_linger)(JNIEnv *, jobject, jint, jboolean, jint);
    jint (*family)(JNIEnv *, jobject, jint);
    jint (*pre_close)(JNIEnv *, jobject, jint);
    jint (*thread_enter)(JNIEnv *, jobject);
    jint (*thread_exit)(JNIEnv *, jobject, jint);
    jint (*thread_signal)(JNIEnv *, jobject, jint);
    jint (*send_to)(JNIEnv *, jobject, jint, jobject, jint, jint, jbyteArray);
    jint (*recv_from)(JNIEnv *, jobject, jint, jobject, jint, jint, jint, jbyteArray);
    jint (*membership_v4)(JNIEnv *, jobject, jint, jint, jbyteArray, jbyteArray);
    jint (*membership_v6)(JNIEnv *, jobject, jint, jint, jbyteArray, jint);
    jlong (*errno_constant)(JNIEnv *, jobject, jstring);
    jstring (*strerror)(JNIEnv *, jobject, jint);
    jstring (*describe)(JNIEnv *, jobject);
    jstring (*version)(JNIEnv *, jobject);
    jstring (*libc)(JNIEnv *, jobject);
};
extern struct posix_natives P;

/* The natives a native is looked up by; NULL when no table bound it. */
void *shim_native(const char *class_name, const char *name, const char *signature);

/* fd, closed through P.close after the case (so its mark goes too); fd < 0 is kept out. */
jint track(jint fd);
/* A pipe: out[0] reads, out[1] writes, both tracked. 1, or 0 on failure. */
int tracked_pipe(jint out[2]);
/* A connected pair of Unix sockets of type, both tracked. */
int tracked_unix_pair(int type, jint out[2]);

/* A direct buffer of capacity bytes over memory of exactly that size (malloc'ed and
 * freed after the case), so AddressSanitizer sees any access past its end. */
jobject direct_buffer(jlong capacity, unsigned char **memory);

/* A call on (buffer, position, length) of one native, with its other arguments fixed. */
typedef jlong (*range_call)(jint fd, jobject buffer, jint pos, jint len);
/* Null, non-direct, negative, overflowing and out-of-capacity ranges: all -EINVAL. */
int refuses_bad_ranges(range_call call, jint fd);

/* The cases of the poller's folder (epoll_cases.c for native/epoll). */
struct test_case {
    const char *name;
    int (*run)(void);
};
extern const struct test_case poller_cases[];
extern const int poller_case_count;

#endif
