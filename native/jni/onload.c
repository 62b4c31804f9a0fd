/* JNI_OnLoad of the Unix library: binds every table of natives (natives.c does the
 * work) and provides LibraryNative. */
#include "mio4j.h"

#include <stdio.h>

static jstring describe_natives(JNIEnv *env, jclass clazz);
static jstring library_version(JNIEnv *env, jclass clazz);
static jstring library_libc(JNIEnv *env, jclass clazz);

static const JNINativeMethod library_methods[] = {
    MIO4J_NATIVE("describeNatives", "()Ljava/lang/String;", describe_natives),
    MIO4J_NATIVE("version", "()Ljava/lang/String;", library_version),
    MIO4J_NATIVE("libc", "()Ljava/lang/String;", library_libc),
};

static const struct mio4j_natives library_natives = {
    "io/mio4j/internal/LibraryNative", library_methods, MIO4J_COUNT(library_methods)
};

static const struct mio4j_natives *const all_natives[] = {
    &library_natives,
    &mio4j_errno_natives,
    &mio4j_fd_natives,
    &mio4j_socket_natives,
    &mio4j_datagram_natives,
#ifdef MIO4J_BACKEND_EPOLL
    &mio4j_epoll_natives,
#endif
};

static jstring library_version(JNIEnv *env, jclass clazz) {
    (void) clazz;
    return (*env)->NewStringUTF(env, MIO4J_VERSION);
}

/* glibc's own call, declared weak: on musl it is absent and the library must still load. */
extern const char *gnu_get_libc_version(void) __attribute__((weak));

static jstring library_libc(JNIEnv *env, jclass clazz) {
    (void) clazz;
    if (gnu_get_libc_version == NULL) {
        return NULL;
    }
    char text[64];
    snprintf(text, sizeof text, "glibc %s", gnu_get_libc_version());
    return (*env)->NewStringUTF(env, text);
}

/* "class name signature" lines, one per native, for NativeTableTest. */
static jstring describe_natives(JNIEnv *env, jclass clazz) {
    (void) clazz;
    return mio4j_describe_natives(env, all_natives, MIO4J_COUNT(all_natives));
}

__attribute__((visibility("default")))
JNIEXPORT jint JNICALL JNI_OnLoad(JavaVM *vm, void *reserved) {
    (void) reserved;
    JNIEnv *env;
    if ((*vm)->GetEnv(vm, (void **) &env, JNI_VERSION_1_8) != JNI_OK) {
        return JNI_ERR;
    }
    mio4j_buffers_init(env);
    if (mio4j_register_natives(env, all_natives, MIO4J_COUNT(all_natives)) != JNI_OK) {
        return JNI_ERR;
    }
    return JNI_VERSION_1_8;
}

__attribute__((visibility("default")))
JNIEXPORT void JNICALL JNI_OnUnload(JavaVM *vm, void *reserved) {
    (void) vm;
    (void) reserved;
}
