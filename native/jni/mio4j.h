/* Shared by every mio4j shim. The rules (see STYLE.md): a native checks its
 * arguments, makes one system call (or a short fixed sequence) and returns a
 * primitive: a count, a descriptor, or -errno. Java owns every decision. */
#ifndef MIO4J_H
#define MIO4J_H

#include <jni.h>
#include <errno.h>
#include <stddef.h>
#include <stdint.h>

/* One class's natives, bound with RegisterNatives from JNI_OnLoad. */
struct mio4j_natives {
    const char *class_name;            /* e.g. "io/mio4j/internal/unix/PosixCallsJni" */
    const JNINativeMethod *methods;
    int count;
};

#define MIO4J_NATIVE(name, sig, fn) { (char *) (name), (char *) (sig), (void *) (fn) }
#define MIO4J_COUNT(array) ((int) (sizeof(array) / sizeof((array)[0])))

/* A named integer for Java (errno values, option names, struct sizes). */
struct mio4j_constant {
    const char *name;
    jint value;
};
#define MIO4J_CONSTANT(c) { #c, (jint) (c) }
/* Returned by the constant lookups for a name the table does not have. */
#define MIO4J_NO_CONSTANT ((jlong) INT64_MIN)

jlong mio4j_constant_lookup(JNIEnv *env, jstring name,
                            const struct mio4j_constant *table, int count);

/* The same over a table whose entries carry more than a constant: each entry begins
 * with its struct mio4j_constant, and entries lie entry_size bytes apart. */
jlong mio4j_constant_lookup_entries(JNIEnv *env, jstring name, const struct mio4j_constant *first,
                                    int count, size_t entry_size);

/* Binds each table's natives to its class (JNI_OnLoad), under the package of the copy
 * of our classes that loads the library (io/mio4j unless relocated, see natives.c);
 * JNI_OK or JNI_ERR, with the JVM's exception pending when the JVM raised one. */
jint mio4j_register_natives(JNIEnv *env, const struct mio4j_natives *const *tables, int count);

/* "class name signature" lines, one per native of the tables, for NativeTableTest. */
jstring mio4j_describe_natives(JNIEnv *env, const struct mio4j_natives *const *tables, int count);

/* Returns the address of [pos, pos + len) inside a direct buffer, or NULL when
 * buf is not direct or the range does not lie inside its capacity. */
void *mio4j_buffer_range(JNIEnv *env, jobject buf, jint pos, jint len);

/* Looks up what mio4j_buffer_range needs; called once from JNI_OnLoad. */
void mio4j_buffers_init(JNIEnv *env);

/* The C library's name and version for LibraryNative.libc() ("glibc 2.36") in text,
 * or NULL where it cannot tell. Not JNI: the platform's folder provides it for
 * onload.c (native/unix: compat.c; mio4j.dll's jni_onload_win.c answers on its own). */
const char *mio4j_libc(char *text, size_t size);

/* -errno of the last failed call, never 0 (a failure that left errno unset is EIO). */
static inline jint mio4j_neg_errno(void) {
    return errno > 0 ? -errno : -EIO;
}

#endif
