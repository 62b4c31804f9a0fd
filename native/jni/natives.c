/* What every mio4j library (the Unix .so, the Windows .dll) does with its tables of
 * natives: bind them at load, describe them for NativeTableTest, look up constants.
 * Each library's JNI_OnLoad names its own tables. Plain C: no POSIX here. */
#include "mio4j.h"

#include <stdlib.h>
#include <string.h>

jlong mio4j_constant_lookup(JNIEnv *env, jstring name,
                            const struct mio4j_constant *table, int count) {
    return mio4j_constant_lookup_entries(env, name, table, count, sizeof(*table));
}

jlong mio4j_constant_lookup_entries(JNIEnv *env, jstring name, const struct mio4j_constant *first,
                                    int count, size_t entry_size) {
    if (name == NULL) {
        return MIO4J_NO_CONSTANT;
    }
    const char *chars = (*env)->GetStringUTFChars(env, name, NULL);
    if (chars == NULL) {
        return MIO4J_NO_CONSTANT;
    }
    jlong value = MIO4J_NO_CONSTANT;
    for (int i = 0; i < count; i++) {
        const struct mio4j_constant *c =
                (const struct mio4j_constant *) ((const char *) first + (size_t) i * entry_size);
        if (strcmp(c->name, chars) == 0) {
            value = c->value;
            break;
        }
    }
    (*env)->ReleaseStringUTFChars(env, name, chars);
    return value;
}

jint mio4j_register_natives(JNIEnv *env, const struct mio4j_natives *const *tables, int count) {
    for (int t = 0; t < count; t++) {
        /* FindClass only here, at load: RegisterNatives needs the class. It
         * resolves through the loader of the class that called System.load. */
        jclass clazz = (*env)->FindClass(env, tables[t]->class_name);
        if (clazz == NULL) {
            return JNI_ERR;   /* NoClassDefFoundError is pending: the load fails */
        }
        jint rc = (*env)->RegisterNatives(env, clazz, tables[t]->methods, tables[t]->count);
        (*env)->DeleteLocalRef(env, clazz);
        if (rc != JNI_OK) {
            return JNI_ERR;   /* NoSuchMethodError is pending: Java and C disagree */
        }
    }
    return JNI_OK;
}

jstring mio4j_describe_natives(JNIEnv *env, const struct mio4j_natives *const *tables, int count) {
    size_t size = 1;
    for (int t = 0; t < count; t++) {
        for (int m = 0; m < tables[t]->count; m++) {
            const JNINativeMethod *method = &tables[t]->methods[m];
            size += strlen(tables[t]->class_name) + strlen(method->name)
                    + strlen(method->signature) + 3;
        }
    }
    char *text = malloc(size);
    if (text == NULL) {
        return NULL;
    }
    char *end = text;
    for (int t = 0; t < count; t++) {
        for (int m = 0; m < tables[t]->count; m++) {
            const JNINativeMethod *method = &tables[t]->methods[m];
            /* Pieces are copied, not formatted: msvcrt's sprintf is not C99's. */
            const char *parts[3] = { tables[t]->class_name, method->name, method->signature };
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
