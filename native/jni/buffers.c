#include "mio4j.h"

/* java.nio.Buffer's capacity field, when this JVM has it. Reading it is a fast field
 * access, where GetDirectBufferCapacity repeats the instance check that
 * GetDirectBufferAddress has just made: that check showed in profiles of the I/O path. */
static jfieldID buffer_capacity;

void mio4j_buffers_init(JNIEnv *env) {
    jclass buffer = (*env)->FindClass(env, "java/nio/Buffer");
    if (buffer != NULL) {
        buffer_capacity = (*env)->GetFieldID(env, buffer, "capacity", "I");
        (*env)->DeleteLocalRef(env, buffer);
    }
    if (buffer_capacity == NULL) {
        (*env)->ExceptionClear(env);   /* fall back to GetDirectBufferCapacity */
    }
}

void *mio4j_buffer_range(JNIEnv *env, jobject buf, jint pos, jint len) {
    if (buf == NULL || pos < 0 || len < 0) {
        return NULL;
    }
    /* NULL unless buf is a direct buffer (the JVM checks its class). */
    char *base = (*env)->GetDirectBufferAddress(env, buf);
    if (base == NULL) {
        return NULL;
    }
    jlong capacity = buffer_capacity != NULL
            ? (jlong) (*env)->GetIntField(env, buf, buffer_capacity)
            : (*env)->GetDirectBufferCapacity(env, buf);
    if (capacity < 0 || (jlong) pos + (jlong) len > capacity) {
        return NULL;
    }
    return base + pos;
}
