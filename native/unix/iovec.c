/* Vectored I/O over direct buffers (Unix: struct iovec). */
#include "iovec.h"

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
