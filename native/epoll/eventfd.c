/* eventfd (Linux, Android): the counter that wakes the epoll selector (EventFdWaker).
 * Bound to EpollCallsJni beside epoll.c's table.
 *
 * eventfdWrite/eventfdRead take only an eventfd that eventfd() opened: each one is
 * marked (native/unix/checks.h) until fd.c's close. A probe of the descriptor could not
 * tell: fstat reports one shared anonymous inode for eventfd, epoll, timerfd, signalfd
 * and inotify descriptors alike, and /proc/self/fd costs a path walk on the waker's
 * path (and may not be mounted). Testing the mark is one atomic load. */
#include "checks.h"

#include <fcntl.h>
#include <sys/eventfd.h>
#include <sys/syscall.h>
#include <unistd.h>

static jint eventfd_open(JNIEnv *env, jclass clazz) {
    (void) env; (void) clazz;
    int fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (fd < 0) {
        return mio4j_neg_errno();
    }
    if (mio4j_fd_mark(fd) != 0) {
        /* Beyond the marks: Java's TokenTable could not register such a number either. */
        close(fd);
        return -EMFILE;
    }
    return fd;
}

/* 0 for an eventfd of ours; else -EBADF for a number that is not open, -EINVAL for
 * any other descriptor. */
static int check_eventfd(jint fd) {
    if (fd < 0) {
        return -EBADF;
    }
    if (mio4j_fd_is_marked(fd)) {
        return 0;
    }
    /* Only on a refusal. fcntl through syscall(): newer glibc headers bind fcntl to
     * fcntl64 (GLIBC_2.28), past what the library may need (check-native-symbols.sh). */
    return syscall(SYS_fcntl, fd, F_GETFD) < 0 ? -EBADF : -EINVAL;
}

/* Adds value (1 to UINT64_MAX - 1, as the counter's steps go) to an eventfd counter;
 * -EAGAIN when it would overflow. */
static jint eventfd_add(JNIEnv *env, jclass clazz, jint fd, jlong value) {
    (void) env; (void) clazz;
    uint64_t v = (uint64_t) value;
    int rc = check_eventfd(fd);
    if (rc < 0) {
        return rc;
    }
    if (v == 0 || v == UINT64_MAX) {
        return -EINVAL;
    }
    ssize_t n = write(fd, &v, sizeof(v));
    return n == (ssize_t) sizeof(v) ? 0 : (n < 0 ? mio4j_neg_errno() : -EIO);
}

/* Reads and resets an eventfd counter: 0 when it was read, -EAGAIN when it was 0. */
static jint eventfd_take(JNIEnv *env, jclass clazz, jint fd) {
    (void) env; (void) clazz;
    int rc = check_eventfd(fd);
    if (rc < 0) {
        return rc;
    }
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
