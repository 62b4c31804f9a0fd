/* See fake_jni.h. Objects live in a fixed pool, emptied between test cases. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fake_jni.h"

#define POOL 4096
#define STRINGS 64
#define MAX_TABLES 16

static struct fake_object pool[POOL];
static int pool_used;
static char strings[STRINGS][8192];
static int string_next;
int fake_exceptions;

static struct {
    char class_name[128];
    const JNINativeMethod *methods;
    jint count;
} tables[MAX_TABLES];
static int table_count;

static struct fake_object *new_object(enum fake_kind kind, void *data, jlong length) {
    if (pool_used == POOL) {
        printf("fake_jni: object pool exhausted\n");
        abort();
    }
    struct fake_object *o = &pool[pool_used++];
    o->kind = kind;
    o->data = data;
    o->length = length;
    return o;
}

static struct fake_object *as(jobject o) {
    return (struct fake_object *) o;
}

/* Whether [start, start + len) lies in an array of o's kind; else "throws". */
static int region_ok(jarray array, enum fake_kind kind, jsize start, jsize len) {
    struct fake_object *o = as(array);
    if (o == NULL || o->kind != kind || start < 0 || len < 0 || (jlong) start + len > o->length) {
        fake_exceptions++;
        return 0;
    }
    return 1;
}

static void JNICALL unexpected(void) {
    printf("fake_jni: the glue called a JNI function the fake does not provide\n");
    abort();
}

static void *JNICALL get_direct_buffer_address(JNIEnv *env, jobject buf) {
    (void) env;
    return buf != NULL && as(buf)->kind == FAKE_DIRECT_BUFFER ? as(buf)->data : NULL;
}

static jlong JNICALL get_direct_buffer_capacity(JNIEnv *env, jobject buf) {
    (void) env;
    return buf != NULL && as(buf)->kind == FAKE_DIRECT_BUFFER ? as(buf)->length : -1;
}

/* A JVM crashes on GetArrayLength of null or of a non-array: so does the fake, loudly. */
static jsize JNICALL get_array_length(JNIEnv *env, jarray array) {
    (void) env;
    struct fake_object *o = as(array);
    if (o == NULL || (o->kind != FAKE_BYTE_ARRAY && o->kind != FAKE_INT_ARRAY
                      && o->kind != FAKE_OBJECT_ARRAY)) {
        printf("fake_jni: GetArrayLength of %s\n", o == NULL ? "null" : "something not an array");
        abort();
    }
    return (jsize) o->length;
}

static void JNICALL get_byte_array_region(JNIEnv *env, jbyteArray array, jsize start, jsize len,
                                          jbyte *buf) {
    (void) env;
    if (region_ok(array, FAKE_BYTE_ARRAY, start, len))
        memcpy(buf, (jbyte *) as(array)->data + start, (size_t) len);
}

static void JNICALL set_byte_array_region(JNIEnv *env, jbyteArray array, jsize start, jsize len,
                                          const jbyte *buf) {
    (void) env;
    if (region_ok(array, FAKE_BYTE_ARRAY, start, len))
        memcpy((jbyte *) as(array)->data + start, buf, (size_t) len);
}

static void JNICALL get_int_array_region(JNIEnv *env, jintArray array, jsize start, jsize len,
                                         jint *buf) {
    (void) env;
    if (region_ok(array, FAKE_INT_ARRAY, start, len))
        memcpy(buf, (jint *) as(array)->data + start, (size_t) len * sizeof(jint));
}

static void JNICALL set_int_array_region(JNIEnv *env, jintArray array, jsize start, jsize len,
                                         const jint *buf) {
    (void) env;
    if (region_ok(array, FAKE_INT_ARRAY, start, len))
        memcpy((jint *) as(array)->data + start, buf, (size_t) len * sizeof(jint));
}

static jobject JNICALL get_object_array_element(JNIEnv *env, jobjectArray array, jsize index) {
    (void) env;
    if (!region_ok(array, FAKE_OBJECT_ARRAY, index, 1)) return NULL;
    return ((jobject *) as(array)->data)[index];
}

static void JNICALL delete_local_ref(JNIEnv *env, jobject o) {
    (void) env;
    (void) o;
}

static const char *JNICALL get_string_utf_chars(JNIEnv *env, jstring s, jboolean *copy) {
    (void) env;
    if (copy != NULL) *copy = JNI_FALSE;
    return s != NULL && as(s)->kind == FAKE_STRING ? (const char *) as(s)->data : NULL;
}

static void JNICALL release_string_utf_chars(JNIEnv *env, jstring s, const char *chars) {
    (void) env;
    (void) s;
    (void) chars;
}

static jstring JNICALL new_string_utf(JNIEnv *env, const char *text) {
    (void) env;
    char *copy = strings[string_next++ % STRINGS];
    size_t n = strlen(text);
    if (n >= sizeof(strings[0])) n = sizeof(strings[0]) - 1;
    memcpy(copy, text, n);
    copy[n] = '\0';
    return (jstring) new_object(FAKE_STRING, copy, (jlong) n);
}

static jclass JNICALL find_class(JNIEnv *env, const char *name) {
    (void) env;
    char *copy = strings[string_next++ % STRINGS];
    strncpy(copy, name, sizeof(strings[0]) - 1);
    return (jclass) new_object(FAKE_CLASS, copy, 0);
}

/* The one field the glue reads: java.nio.Buffer's capacity (native/jni/buffers.c). */
static int capacity_field;

static jfieldID JNICALL get_field_id(JNIEnv *env, jclass clazz, const char *name, const char *sig) {
    (void) env;
    if (clazz != NULL && as(clazz)->kind == FAKE_CLASS
            && strcmp((const char *) as(clazz)->data, "java/nio/Buffer") == 0
            && strcmp(name, "capacity") == 0 && strcmp(sig, "I") == 0) {
        return (jfieldID) &capacity_field;
    }
    fake_exceptions++;   /* NoSuchFieldError */
    return NULL;
}

static jint JNICALL get_int_field(JNIEnv *env, jobject obj, jfieldID field) {
    (void) env;
    if (field != (jfieldID) &capacity_field || obj == NULL || as(obj)->kind != FAKE_DIRECT_BUFFER) {
        printf("fake_jni: GetIntField on something that is not a direct buffer's capacity\n");
        abort();
    }
    return (jint) as(obj)->length;
}

/* System.getProperty, which JNI_OnLoad calls once for the package to bind under
 * (native/jni/natives.c): one property, set by fake_jni_set_property. */
static int get_property_method;
static char property_name[128], property_value[512];
static int property_set;

void fake_jni_set_property(const char *name, const char *value) {
    property_set = value != NULL;
    snprintf(property_name, sizeof(property_name), "%s", name);
    snprintf(property_value, sizeof(property_value), "%s", value != NULL ? value : "");
}

static jmethodID JNICALL get_static_method_id(JNIEnv *env, jclass clazz, const char *name, const char *sig) {
    (void) env;
    if (clazz != NULL && as(clazz)->kind == FAKE_CLASS
            && strcmp((const char *) as(clazz)->data, "java/lang/System") == 0
            && strcmp(name, "getProperty") == 0 && strcmp(sig, "(Ljava/lang/String;)Ljava/lang/String;") == 0) {
        return (jmethodID) &get_property_method;
    }
    fake_exceptions++;   /* NoSuchMethodError */
    return NULL;
}

static jobject JNICALL call_static_object_method_a(JNIEnv *env, jclass clazz, jmethodID method,
                                                   const jvalue *args) {
    (void) clazz;
    if (method != (jmethodID) &get_property_method || args == NULL) {
        printf("fake_jni: CallStaticObjectMethodA of something other than System.getProperty\n");
        abort();
    }
    const char *key = fake_chars((jstring) args[0].l);
    if (key == NULL || !property_set || strcmp(key, property_name) != 0) return NULL;
    return (jobject) new_string_utf(env, property_value);
}

static jboolean JNICALL exception_check(JNIEnv *env) {
    (void) env;
    return fake_exceptions > 0 ? JNI_TRUE : JNI_FALSE;
}

static void JNICALL exception_clear(JNIEnv *env) {
    (void) env;
    fake_exceptions = 0;
}

static jint JNICALL register_natives(JNIEnv *env, jclass clazz, const JNINativeMethod *methods,
                                     jint count) {
    (void) env;
    if (table_count == MAX_TABLES || clazz == NULL || as(clazz)->kind != FAKE_CLASS) return JNI_ERR;
    strncpy(tables[table_count].class_name, (const char *) as(clazz)->data,
            sizeof(tables[0].class_name) - 1);
    tables[table_count].methods = methods;
    tables[table_count].count = count;
    table_count++;
    return JNI_OK;
}

static struct JNINativeInterface_ functions;
static JNIEnv env_value = &functions;
JNIEnv *fake_env = &env_value;

static jint JNICALL get_env(JavaVM *vm, void **penv, jint version) {
    (void) vm;
    if (version > JNI_VERSION_1_8) return JNI_EVERSION;
    *penv = fake_env;
    return JNI_OK;
}

static struct JNIInvokeInterface_ invoke;
static JavaVM vm_value = &invoke;
JavaVM *fake_vm = &vm_value;

void fake_jni_init(void) {
    /* Every slot of both tables is a function pointer (or reserved): trap them all. */
    void (JNICALL **slot)(void) = (void (JNICALL **)(void)) &functions;
    for (size_t i = 0; i < sizeof(functions) / sizeof(*slot); i++) slot[i] = unexpected;
    slot = (void (JNICALL **)(void)) &invoke;
    for (size_t i = 0; i < sizeof(invoke) / sizeof(*slot); i++) slot[i] = unexpected;

    functions.GetDirectBufferAddress = get_direct_buffer_address;
    functions.GetDirectBufferCapacity = get_direct_buffer_capacity;
    functions.GetArrayLength = get_array_length;
    functions.GetByteArrayRegion = get_byte_array_region;
    functions.SetByteArrayRegion = set_byte_array_region;
    functions.GetIntArrayRegion = get_int_array_region;
    functions.SetIntArrayRegion = set_int_array_region;
    functions.GetObjectArrayElement = get_object_array_element;
    functions.DeleteLocalRef = delete_local_ref;
    functions.GetStringUTFChars = get_string_utf_chars;
    functions.ReleaseStringUTFChars = release_string_utf_chars;
    functions.NewStringUTF = new_string_utf;
    functions.FindClass = find_class;
    functions.RegisterNatives = register_natives;
    functions.GetFieldID = get_field_id;
    functions.GetIntField = get_int_field;
    functions.ExceptionClear = exception_clear;
    functions.ExceptionCheck = exception_check;
    functions.GetStaticMethodID = get_static_method_id;
    functions.CallStaticObjectMethodA = call_static_object_method_a;
    invoke.GetEnv = get_env;

    table_count = 0;
    fake_jni_release_objects();
}

void fake_jni_release_objects(void) {
    pool_used = 0;
    fake_exceptions = 0;
}

void *fake_native(const char *class_name, const char *name, const char *signature) {
    for (int t = 0; t < table_count; t++) {
        if (strcmp(tables[t].class_name, class_name) != 0) continue;
        for (jint m = 0; m < tables[t].count; m++) {
            if (strcmp(tables[t].methods[m].name, name) == 0
                    && strcmp(tables[t].methods[m].signature, signature) == 0)
                return tables[t].methods[m].fnPtr;
        }
    }
    return NULL;
}

int fake_registered_count(void) {
    int n = 0;
    for (int t = 0; t < table_count; t++) n += tables[t].count;
    return n;
}

int fake_registered_classes(void) {
    return table_count;
}

jobject fake_direct(void *memory, jlong capacity) {
    return (jobject) new_object(FAKE_DIRECT_BUFFER, memory, capacity);
}

jobject fake_heap_buffer(void) {
    return (jobject) new_object(FAKE_HEAP_BUFFER, NULL, 0);
}

jbyteArray fake_bytes(jbyte *memory, jlong length) {
    return (jbyteArray) new_object(FAKE_BYTE_ARRAY, memory, length);
}

jintArray fake_ints(jint *memory, jlong length) {
    return (jintArray) new_object(FAKE_INT_ARRAY, memory, length);
}

jobjectArray fake_objects(jobject *memory, jlong length) {
    return (jobjectArray) new_object(FAKE_OBJECT_ARRAY, memory, length);
}

jstring fake_string(const char *text) {
    return (jstring) new_object(FAKE_STRING, (void *) text, (jlong) strlen(text));
}

const char *fake_chars(jstring s) {
    return s != NULL && as(s)->kind == FAKE_STRING ? (const char *) as(s)->data : NULL;
}
