/* JNI_OnLoad: binds every table of natives, and describes them for the test that
 * checks each entry against its Java declaration. */
#include "mio4j.h"

#include <stdio.h>
#include <string.h>
#include <stdlib.h>

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

jlong mio4j_constant_lookup(JNIEnv *env, jstring name,
                           const struct mio4j_constant *table, int count) {
    if (name == NULL) {
        return MIO4J_NO_CONSTANT;
    }
    const char *chars = (*env)->GetStringUTFChars(env, name, NULL);
    if (chars == NULL) {
        return MIO4J_NO_CONSTANT;
    }
    jlong value = MIO4J_NO_CONSTANT;
    for (int i = 0; i < count; i++) {
        if (strcmp(table[i].name, chars) == 0) {
            value = table[i].value;
            break;
        }
    }
    (*env)->ReleaseStringUTFChars(env, name, chars);
    return value;
}

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
    size_t size = 1;
    for (int t = 0; t < MIO4J_COUNT(all_natives); t++) {
        for (int m = 0; m < all_natives[t]->count; m++) {
            const JNINativeMethod *method = &all_natives[t]->methods[m];
            size += strlen(all_natives[t]->class_name) + strlen(method->name)
                    + strlen(method->signature) + 3;
        }
    }
    char *text = malloc(size);
    if (text == NULL) {
        return NULL;
    }
    char *end = text;
    for (int t = 0; t < MIO4J_COUNT(all_natives); t++) {
        for (int m = 0; m < all_natives[t]->count; m++) {
            const JNINativeMethod *method = &all_natives[t]->methods[m];
            end += sprintf(end, "%s %s %s\n", all_natives[t]->class_name,
                           method->name, method->signature);
        }
    }
    *end = '\0';
    jstring result = (*env)->NewStringUTF(env, text);
    free(text);
    return result;
}

__attribute__((visibility("default")))
JNIEXPORT jint JNICALL JNI_OnLoad(JavaVM *vm, void *reserved) {
    (void) reserved;
    JNIEnv *env;
    if ((*vm)->GetEnv(vm, (void **) &env, JNI_VERSION_1_8) != JNI_OK) {
        return JNI_ERR;
    }
    mio4j_buffers_init(env);
    for (int t = 0; t < MIO4J_COUNT(all_natives); t++) {
        /* FindClass only here, at load: RegisterNatives needs the class. It
         * resolves through the loader of the class that called System.load. */
        jclass clazz = (*env)->FindClass(env, all_natives[t]->class_name);
        if (clazz == NULL) {
            return JNI_ERR;   /* NoClassDefFoundError is pending: the load fails */
        }
        jint rc = (*env)->RegisterNatives(env, clazz, all_natives[t]->methods,
                                          all_natives[t]->count);
        (*env)->DeleteLocalRef(env, clazz);
        if (rc != JNI_OK) {
            return JNI_ERR;   /* NoSuchMethodError is pending: Java and C disagree */
        }
    }
    return JNI_VERSION_1_8;
}

__attribute__((visibility("default")))
JNIEXPORT void JNICALL JNI_OnUnload(JavaVM *vm, void *reserved) {
    (void) vm;
    (void) reserved;
}
