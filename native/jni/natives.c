/* What every mio4j library (the Unix .so, the Windows .dll) does with its tables of
 * natives: bind them at load, describe them for NativeTableTest, look up constants.
 * Each library's JNI_OnLoad names its own tables. Plain C: no POSIX here. */
#include "mio4j.h"

#include <stdlib.h>
#include <string.h>

/* The tables name classes under this package; a copy of our classes relocated by a
 * shading tool lives under another one, which Java names in a system property while
 * System.load runs (NativeLoader). Only these names depend on the package: natives are
 * bound by RegisterNatives, not found by their mangled names. */
#define MIO4J_PACKAGE "io/mio4j"
#define MIO4J_PACKAGE_PROPERTY "mio4j.jni.package"
/* The package this library bound its tables under (one per loaded copy of the file). */
static char bound_package[256] = MIO4J_PACKAGE;

/* Reads the package from the system property into bound_package; MIO4J_PACKAGE when it
 * is not set (a library loaded by something other than our loader). The one call into
 * Java, at load, like FindClass. JNI_ERR for a name that is not a class path prefix. */
static jint read_package(JNIEnv *env) {
    strcpy(bound_package, MIO4J_PACKAGE);
    jclass system = (*env)->FindClass(env, "java/lang/System");
    if (system == NULL) {
        return JNI_ERR;
    }
    jmethodID get = (*env)->GetStaticMethodID(env, system, "getProperty",
                                              "(Ljava/lang/String;)Ljava/lang/String;");
    jstring key = get != NULL ? (*env)->NewStringUTF(env, MIO4J_PACKAGE_PROPERTY) : NULL;
    if (key == NULL) {
        return JNI_ERR;
    }
    jvalue argument;
    argument.l = key;
    jstring value = (jstring) (*env)->CallStaticObjectMethodA(env, system, get, &argument);
    (*env)->DeleteLocalRef(env, key);
    (*env)->DeleteLocalRef(env, system);
    if ((*env)->ExceptionCheck(env)) {
        return JNI_ERR;
    }
    if (value == NULL) {
        return JNI_OK;
    }
    const char *chars = (*env)->GetStringUTFChars(env, value, NULL);
    if (chars == NULL) {
        return JNI_ERR;
    }
    size_t n = strlen(chars);
    jint rc = n > 0 && n < sizeof(bound_package) && chars[0] != '/' && chars[n - 1] != '/'
            && strspn(chars, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_$/") == n
            ? JNI_OK : JNI_ERR;
    if (rc == JNI_OK) {
        memcpy(bound_package, chars, n + 1);
    }
    (*env)->ReleaseStringUTFChars(env, value, chars);
    (*env)->DeleteLocalRef(env, value);
    return rc;
}

/* A table's class name under bound_package, in name[size]; NULL if it does not fit or
 * the table names a class outside MIO4J_PACKAGE. */
static const char *bound_name(const char *class_name, char *name, size_t size) {
    size_t prefix = strlen(MIO4J_PACKAGE);
    if (strncmp(class_name, MIO4J_PACKAGE "/", prefix + 1) != 0) {
        return NULL;
    }
    size_t head = strlen(bound_package), tail = strlen(class_name + prefix);
    if (head + tail >= size) {
        return NULL;
    }
    memcpy(name, bound_package, head);
    memcpy(name + head, class_name + prefix, tail + 1);
    return name;
}

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
    if (read_package(env) != JNI_OK) {
        return JNI_ERR;
    }
    for (int t = 0; t < count; t++) {
        char name[512];
        if (bound_name(tables[t]->class_name, name, sizeof(name)) == NULL) {
            return JNI_ERR;
        }
        /* FindClass only here, at load: RegisterNatives needs the class. It
         * resolves through the loader of the class that called System.load. */
        jclass clazz = (*env)->FindClass(env, name);
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
            size += strlen(bound_package) + strlen(tables[t]->class_name) + strlen(method->name)
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
            char name[512];
            const char *class_name = bound_name(tables[t]->class_name, name, sizeof(name));
            /* Pieces are copied, not formatted: msvcrt's sprintf is not C99's. */
            const char *parts[3] = { class_name != NULL ? class_name : tables[t]->class_name,
                                     method->name, method->signature };
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
