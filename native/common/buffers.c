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

#include <sys/uio.h>

int mio4j_fill_iovec(JNIEnv *env, struct iovec *iov, jobjectArray buffers,
                     jintArray positions, jintArray lengths, jint count) {
    if (buffers == NULL || positions == NULL || lengths == NULL || count < 1
            || count > MIO4J_IOV_MAX
            || (*env)->GetArrayLength(env, buffers) < count
            || (*env)->GetArrayLength(env, positions) < count
            || (*env)->GetArrayLength(env, lengths) < count) {
        return -EINVAL;
    }
    jint pos[MIO4J_IOV_MAX];
    jint len[MIO4J_IOV_MAX];
    (*env)->GetIntArrayRegion(env, positions, 0, count, pos);
    (*env)->GetIntArrayRegion(env, lengths, 0, count, len);
    for (jint i = 0; i < count; i++) {
        jobject buf = (*env)->GetObjectArrayElement(env, buffers, i);
        void *at = mio4j_buffer_range(env, buf, pos[i], len[i]);
        (*env)->DeleteLocalRef(env, buf);
        if (at == NULL) {
            return -EINVAL;
        }
        iov[i].iov_base = at;
        iov[i].iov_len = (size_t) len[i];
    }
    return count;
}
