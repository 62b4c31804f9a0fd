/* A minimal fake JNIEnv and JavaVM for calling the JNI glue without a JVM. Objects
 * are struct fake_object pointers passed as jobject; only the JNI functions the glue
 * uses are implemented, every other slot aborts with a message. An out-of-range
 * array access is counted as a pending exception (fake_exceptions), as a JVM would
 * raise one; GetArrayLength of null aborts, as a JVM would crash. Shared by the
 * Windows glue's test (native/afd/test) and the Unix harness (native/test). */
#ifndef MIO4J_FAKE_JNI_H
#define MIO4J_FAKE_JNI_H

#include <jni.h>

enum fake_kind {
    FAKE_DIRECT_BUFFER, FAKE_HEAP_BUFFER, FAKE_BYTE_ARRAY, FAKE_INT_ARRAY,
    FAKE_OBJECT_ARRAY, FAKE_STRING, FAKE_CLASS
};

struct fake_object {
    enum fake_kind kind;
    void *data;     /* bytes, jints, jobjects or a NUL-terminated string */
    jlong length;   /* capacity in bytes for buffers, element count for arrays */
};

extern JNIEnv *fake_env;
extern JavaVM *fake_vm;
extern int fake_exceptions;

void fake_jni_init(void);
/* Forgets every object made so far (between test cases) and the exception count. */
void fake_jni_release_objects(void);

/* The system property System.getProperty answers for name (none when value is NULL). */
void fake_jni_set_property(const char *name, const char *value);

/* The function RegisterNatives bound for class/name/signature, or NULL. */
void *fake_native(const char *class_name, const char *name, const char *signature);
int fake_registered_count(void);   /* methods registered in all */
int fake_registered_classes(void); /* RegisterNatives calls */

/* Wrap test memory as Java objects (nothing is copied). */
jobject fake_direct(void *memory, jlong capacity);
jobject fake_heap_buffer(void);
jbyteArray fake_bytes(jbyte *memory, jlong length);
jintArray fake_ints(jint *memory, jlong length);
jobjectArray fake_objects(jobject *memory, jlong length);
jstring fake_string(const char *text);
/* The text of a jstring the glue created (NewStringUTF). */
const char *fake_chars(jstring s);

#endif
