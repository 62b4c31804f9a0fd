/* eventfd (Linux, Android): the counter that wakes the epoll selector (EventFdWaker).
 * Bound to io.mio4j.internal.unix.FdNative for now, beside native/unix/fd.c's table:
 * RegisterNatives adds these three methods to the ones that table binds. */
#include "mio4j.h"

#include <sys/eventfd.h>
#include <unistd.h>

static jint eventfd_open(JNIEnv *env, jclass clazz) {
    (void) env; (void) clazz;
    int fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    return fd >= 0 ? fd : mio4j_neg_errno();
}

/* Adds value to an eventfd counter; -EAGAIN when it would overflow. */
static jint eventfd_add(JNIEnv *env, jclass clazz, jint fd, jlong value) {
    (void) env; (void) clazz;
    uint64_t v = (uint64_t) value;
    ssize_t n = write(fd, &v, sizeof(v));
    return n == (ssize_t) sizeof(v) ? 0 : (n < 0 ? mio4j_neg_errno() : -EIO);
}

/* Reads and resets an eventfd counter: 0 when it was read, -EAGAIN when it was 0. */
static jint eventfd_take(JNIEnv *env, jclass clazz, jint fd) {
    (void) env; (void) clazz;
    uint64_t v;
    ssize_t n = read(fd, &v, sizeof(v));
    return n == (ssize_t) sizeof(v) ? 0 : (n < 0 ? mio4j_neg_errno() : -EIO);
}

static const JNINativeMethod eventfd_methods[] = {
    MIO4J_NATIVE("eventfd", "()I", eventfd_open),
    MIO4J_NATIVE("eventfdWrite", "(IJ)I", eventfd_add),
    MIO4J_NATIVE("eventfdRead", "(I)I", eventfd_take),
};

const struct mio4j_natives mio4j_eventfd_natives = {
    "io/mio4j/internal/epoll/EpollCallsJni", eventfd_methods, MIO4J_COUNT(eventfd_methods)
};
