/* JNI_OnLoad of mio4j.dll: the Windows twin of native/common/onload.c (binds every
 * table of natives, describes them for the table test) plus the two helpers of
 * native/common that every glue file uses, which on Unix live beside POSIX code. */
#include <stdlib.h>
#include <string.h>

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

void *mio4j_buffer_range(JNIEnv *env, jobject buf, jint pos, jint len) {
    if (buf == NULL || pos < 0 || len < 0) {
        return NULL;
    }
    char *base = (*env)->GetDirectBufferAddress(env, buf);
    jlong capacity = (*env)->GetDirectBufferCapacity(env, buf);
    if (base == NULL || capacity < 0 || (jlong) pos + (jlong) len > capacity) {
        return NULL;
    }
    return base + pos;
}

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
            /* Pieces are copied, not formatted: msvcrt's sprintf is not C99's. */
            const char *parts[3] = { all_natives[t]->class_name, method->name, method->signature };
            for (int p = 0; p < 3; p++) {
                size_t n = strlen(parts[p]);
                memcpy(end, parts[p], n);
                end += n;
                *end++ = p < 2 ? ' ' : '\n';
            }
        }
    }
    *end = '\0';
    jstring result = (*env)->NewStringUTF(env, text);
    free(text);
    return result;
}

JNIEXPORT jint JNICALL JNI_OnLoad(JavaVM *vm, void *reserved) {
    (void) reserved;
    JNIEnv *env;
    if ((*vm)->GetEnv(vm, (void **) &env, JNI_VERSION_1_8) != JNI_OK) {
        return JNI_ERR;
    }
    for (int t = 0; t < MIO4J_COUNT(all_natives); t++) {
        /* The one FindClass of the library: RegisterNatives needs the class. */
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

JNIEXPORT void JNICALL JNI_OnUnload(JavaVM *vm, void *reserved) {
    (void) vm;
    (void) reserved;
}
