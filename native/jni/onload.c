/* JNI_OnLoad of the library: binds LibraryNative's natives (here) and every table the
 * build's source folders contribute (natives.c does the work). The list of tables is
 * not written here: the root CMakeLists.txt writes it into mio4j_tables.h from what
 * each folder's CMakeLists.txt names with mio4j_natives(). */
#include "mio4j.h"
#include "mio4j_tables.h"

#ifndef MIO4J_POLLER
#error "mio4j_tables.h names no poller: the root CMakeLists.txt chooses one per OS"
#endif

#define MIO4J_DECLARE_TABLE(table) extern const struct mio4j_natives table;
MIO4J_TABLES(MIO4J_DECLARE_TABLE)

static jstring describe_natives(JNIEnv *env, jclass clazz);
static jstring library_version(JNIEnv *env, jclass clazz);
static jstring library_libc(JNIEnv *env, jclass clazz);

static const JNINativeMethod library_methods[] = {
    MIO4J_NATIVE("describeNatives", "()Ljava/lang/String;", describe_natives),
    MIO4J_NATIVE("version", "()Ljava/lang/String;", library_version),
    MIO4J_NATIVE("libc", "()Ljava/lang/String;", library_libc),
};

static const struct mio4j_natives library_natives = {
    "io/mio4j/internal/loader/LibraryJni", library_methods, MIO4J_COUNT(library_methods)
};

#define MIO4J_TABLE_ENTRY(table) &table,
static const struct mio4j_natives *const all_natives[] = {
    &library_natives,
    MIO4J_TABLES(MIO4J_TABLE_ENTRY)
};

static jstring library_version(JNIEnv *env, jclass clazz) {
    (void) clazz;
    return (*env)->NewStringUTF(env, MIO4J_VERSION);
}

/* null where the platform cannot tell (Diagnostics prints what it gets). */
static jstring library_libc(JNIEnv *env, jclass clazz) {
    (void) clazz;
    char text[64];
    const char *libc = mio4j_libc(text, sizeof text);
    return libc != NULL ? (*env)->NewStringUTF(env, libc) : NULL;
}

/* "class name signature" lines, one per native, for NativeTableTest. */
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
