/* JNI_OnLoad of mio4j.dll: the Windows twin of native/jni/onload.c. Binding,
 * describing and constant lookup are native/jni/natives.c's, and direct-buffer
 * checks native/jni/buffers.c's, shared with the Unix library. Its table list is
 * written here, not generated: afd.WindowsNativeTablesTest reads all_natives[] below. */
#include "jni_win.h"

#ifndef MIO4J_VERSION
#define MIO4J_VERSION "0.0.0"
#endif

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
    &mio4j_afd_natives,
    &mio4j_win_socket_natives,
};

static jstring library_version(JNIEnv *env, jclass clazz) {
    (void) clazz;
    return (*env)->NewStringUTF(env, MIO4J_VERSION);
}

/* null: the version is glibc's, and Windows has none. */
static jstring library_libc(JNIEnv *env, jclass clazz) {
    (void) env;
    (void) clazz;
    return NULL;
}

/* "class name signature" lines, one per native. */
static jstring describe_natives(JNIEnv *env, jclass clazz) {
    (void) clazz;
    return mio4j_describe_natives(env, all_natives, MIO4J_COUNT(all_natives));
}

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

JNIEXPORT void JNICALL JNI_OnUnload(JavaVM *vm, void *reserved) {
    (void) vm;
    (void) reserved;
}
