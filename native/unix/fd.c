/* Descriptor calls shared by every Unix shim: close, read/write (plain and
 * vectored, on direct buffers), pipes and the blocking flag. (eventfd, Linux's, is
 * in native/epoll/eventfd.c.) */
#include "checks.h"
#include "compat.h"
#include "iovec.h"

#include <unistd.h>

static jint fd_close(JNIEnv *env, jclass clazz, jint fd) {
    (void) env; (void) clazz;
    if (fd < 0) {
        return -EBADF;
    }
    /* Unmarked first: once closed, the number may come back as anything. */
    mio4j_fd_unmark(fd);
    /* No retry on EINTR: on Linux the descriptor is gone whatever close returns. */
    return close(fd) == 0 ? 0 : mio4j_neg_errno();
}

static jint fd_read(JNIEnv *env, jclass clazz, jint fd, jobject buf, jint pos, jint len) {
    (void) clazz;
    if (fd < 0) {
        return -EBADF;
    }
    void *at = mio4j_buffer_range(env, buf, pos, len);
    if (at == NULL) {
        return -EINVAL;
    }
    ssize_t n = read(fd, at, (size_t) len);
    return n >= 0 ? (jint) n : mio4j_neg_errno();
}

static jint fd_write(JNIEnv *env, jclass clazz, jint fd, jobject buf, jint pos, jint len) {
    (void) clazz;
    if (fd < 0) {
        return -EBADF;
    }
    const void *at = mio4j_buffer_range(env, buf, pos, len);
    if (at == NULL) {
        return -EINVAL;
    }
    ssize_t n = write(fd, at, (size_t) len);
    return n >= 0 ? (jint) n : mio4j_neg_errno();
}

static jlong fd_readv(JNIEnv *env, jclass clazz, jint fd, jobjectArray buffers,
                      jintArray positions, jintArray lengths, jint count) {
    (void) clazz;
    if (fd < 0) {
        return -EBADF;
    }
    struct iovec iov[MIO4J_IOV_MAX];
    int filled = mio4j_fill_iovec(env, iov, buffers, positions, lengths, count);
    if (filled < 0) {
        return filled;
    }
    ssize_t n = readv(fd, iov, filled);
    return n >= 0 ? (jlong) n : mio4j_neg_errno();
}

static jlong fd_writev(JNIEnv *env, jclass clazz, jint fd, jobjectArray buffers,
                       jintArray positions, jintArray lengths, jint count) {
    (void) clazz;
    if (fd < 0) {
        return -EBADF;
    }
    struct iovec iov[MIO4J_IOV_MAX];
    int filled = mio4j_fill_iovec(env, iov, buffers, positions, lengths, count);
    if (filled < 0) {
        return filled;
    }
    ssize_t n = writev(fd, iov, filled);
    return n >= 0 ? (jlong) n : mio4j_neg_errno();
}

static jint fd_set_nonblocking(JNIEnv *env, jclass clazz, jint fd, jboolean on) {
    (void) env; (void) clazz;
    if (fd < 0) {
        return -EBADF;
    }
    return mio4j_unix_set_nonblocking(fd, on) == 0 ? 0 : mio4j_neg_errno();
}

static jint fd_pipe(JNIEnv *env, jclass clazz, jintArray out) {
    (void) clazz;
    if (out == NULL || (*env)->GetArrayLength(env, out) < 2) {
        return -EINVAL;
    }
    int fds[2];
    if (mio4j_unix_pipe(fds) != 0) {
        return mio4j_neg_errno();
    }
    jint values[2] = { fds[0], fds[1] };
    (*env)->SetIntArrayRegion(env, out, 0, 2, values);
    return 0;
}

static const JNINativeMethod fd_methods[] = {
    MIO4J_NATIVE("close", "(I)I", fd_close),
    MIO4J_NATIVE("read", "(ILjava/nio/ByteBuffer;II)I", fd_read),
    MIO4J_NATIVE("write", "(ILjava/nio/ByteBuffer;II)I", fd_write),
    MIO4J_NATIVE("readv", "(I[Ljava/nio/ByteBuffer;[I[II)J", fd_readv),
    MIO4J_NATIVE("writev", "(I[Ljava/nio/ByteBuffer;[I[II)J", fd_writev),
    MIO4J_NATIVE("setNonBlocking", "(IZ)I", fd_set_nonblocking),
    MIO4J_NATIVE("pipe", "([I)I", fd_pipe),
};

const struct mio4j_natives mio4j_fd_natives = {
    "io/mio4j/internal/unix/PosixCallsJni", fd_methods, MIO4J_COUNT(fd_methods)
};
