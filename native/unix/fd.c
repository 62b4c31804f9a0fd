/* Descriptor calls shared by every Unix shim: close, read/write (plain and
 * vectored, on direct buffers), eventfd, pipes and the blocking flag. */
#include "mio4j.h"

#include <limits.h>
#include <sys/ioctl.h>
#include <sys/uio.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/eventfd.h>
#endif
#include <fcntl.h>


static jint fd_close(JNIEnv *env, jclass clazz, jint fd) {
    (void) env; (void) clazz;
    if (fd < 0) {
        return -EBADF;
    }
    /* No retry on EINTR: on Linux the descriptor is gone whatever close returns. */
    return close(fd) == 0 ? 0 : mio4j_neg_errno();
}

static jint fd_read(JNIEnv *env, jclass clazz, jint fd, jobject buf, jint pos, jint len) {
    (void) clazz;
    void *at = mio4j_buffer_range(env, buf, pos, len);
    if (at == NULL) {
        return -EINVAL;
    }
    ssize_t n = read(fd, at, (size_t) len);
    return n >= 0 ? (jint) n : mio4j_neg_errno();
}

static jint fd_write(JNIEnv *env, jclass clazz, jint fd, jobject buf, jint pos, jint len) {
    (void) clazz;
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
    /* ioctl rather than fcntl: newer glibc headers bind fcntl to fcntl64 (2.28). */
    int value = on ? 1 : 0;
    return ioctl(fd, FIONBIO, &value) == 0 ? 0 : mio4j_neg_errno();
}

static jint fd_pipe(JNIEnv *env, jclass clazz, jintArray out) {
    (void) clazz;
    if (out == NULL || (*env)->GetArrayLength(env, out) < 2) {
        return -EINVAL;
    }
    int fds[2];
    if (pipe2(fds, O_NONBLOCK | O_CLOEXEC) != 0) {
        return mio4j_neg_errno();
    }
    jint values[2] = { fds[0], fds[1] };
    (*env)->SetIntArrayRegion(env, out, 0, 2, values);
    return 0;
}

#ifdef __linux__
static jint fd_eventfd(JNIEnv *env, jclass clazz) {
    (void) env; (void) clazz;
    int fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    return fd >= 0 ? fd : mio4j_neg_errno();
}

/* Adds value to an eventfd counter; -EAGAIN when it would overflow. */
static jint fd_eventfd_write(JNIEnv *env, jclass clazz, jint fd, jlong value) {
    (void) env; (void) clazz;
    uint64_t v = (uint64_t) value;
    ssize_t n = write(fd, &v, sizeof(v));
    return n == (ssize_t) sizeof(v) ? 0 : (n < 0 ? mio4j_neg_errno() : -EIO);
}

/* Reads and resets an eventfd counter: 0 when it was read, -EAGAIN when it was 0. */
static jint fd_eventfd_read(JNIEnv *env, jclass clazz, jint fd) {
    (void) env; (void) clazz;
    uint64_t v;
    ssize_t n = read(fd, &v, sizeof(v));
    return n == (ssize_t) sizeof(v) ? 0 : (n < 0 ? mio4j_neg_errno() : -EIO);
}
#endif

static const struct mio4j_constant fd_constants[] = {
    { "IOV_MAX", MIO4J_IOV_MAX },
};

static jlong fd_constant(JNIEnv *env, jclass clazz, jstring name) {
    (void) clazz;
    return mio4j_constant_lookup(env, name, fd_constants, MIO4J_COUNT(fd_constants));
}

static const JNINativeMethod fd_methods[] = {
    MIO4J_NATIVE("constant", "(Ljava/lang/String;)J", fd_constant),
    MIO4J_NATIVE("close", "(I)I", fd_close),
    MIO4J_NATIVE("read", "(ILjava/nio/ByteBuffer;II)I", fd_read),
    MIO4J_NATIVE("write", "(ILjava/nio/ByteBuffer;II)I", fd_write),
    MIO4J_NATIVE("readv", "(I[Ljava/nio/ByteBuffer;[I[II)J", fd_readv),
    MIO4J_NATIVE("writev", "(I[Ljava/nio/ByteBuffer;[I[II)J", fd_writev),
    MIO4J_NATIVE("setNonBlocking", "(IZ)I", fd_set_nonblocking),
    MIO4J_NATIVE("pipe", "([I)I", fd_pipe),
#ifdef __linux__
    MIO4J_NATIVE("eventfd", "()I", fd_eventfd),
    MIO4J_NATIVE("eventfdWrite", "(IJ)I", fd_eventfd_write),
    MIO4J_NATIVE("eventfdRead", "(I)I", fd_eventfd_read),
#endif
};

const struct mio4j_natives mio4j_fd_natives = {
    "io/mio4j/internal/unix/FdNative", fd_methods, MIO4J_COUNT(fd_methods)
};
