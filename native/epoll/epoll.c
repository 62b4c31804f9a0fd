/* The epoll shim (Linux, Android): create, ctl, wait. Java decides everything else
 * and reads struct epoll_event by the size and offsets reported here. */
#include "mio4j.h"

#include <string.h>
#include <sys/epoll.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

/* epoll_pwait2 (Linux 5.11) takes a timespec; glibc wraps it only since 2.35, so it
 * is called through syscall() and probed once (seccomp may also refuse it). */
#ifndef SYS_epoll_pwait2
#define SYS_epoll_pwait2 441
#endif

static jint epoll_open(JNIEnv *env, jclass clazz) {
    (void) env; (void) clazz;
    int fd = epoll_create1(EPOLL_CLOEXEC);
    return fd >= 0 ? fd : mio4j_neg_errno();
}

/* The flags EpollPoller asks for (the constants table's): no EPOLLONESHOT,
 * EPOLLEXCLUSIVE or EPOLLWAKEUP, whose rules Java does not follow. */
/* EPOLLONESHOT: the test stand-in of illumos's one-shot event ports builds on it. */
#define OUR_EVENTS (EPOLLIN | EPOLLOUT | EPOLLPRI | EPOLLERR | EPOLLHUP | EPOLLRDHUP | EPOLLET | EPOLLONESHOT)

static jint epoll_control(JNIEnv *env, jclass clazz, jint epfd, jint op, jint fd,
                          jint events, jlong data) {
    (void) env; (void) clazz;
    if (epfd < 0 || fd < 0) {
        return -EBADF;
    }
    if ((op != EPOLL_CTL_ADD && op != EPOLL_CTL_MOD && op != EPOLL_CTL_DEL)
            || ((uint32_t) events & ~(uint32_t) OUR_EVENTS) != 0) {
        return -EINVAL;
    }
    struct epoll_event event;
    memset(&event, 0, sizeof(event));
    event.events = (uint32_t) events;
    event.data.u64 = (uint64_t) data;
    return epoll_ctl(epfd, op, fd, &event) == 0 ? 0 : mio4j_neg_errno();
}

static struct epoll_event *event_array(JNIEnv *env, jobject buffer, jint max_events) {
    if (max_events < 1 || max_events > INT32_MAX / (jint) sizeof(struct epoll_event)) {
        return NULL;
    }
    return mio4j_buffer_range(env, buffer, 0, max_events * (jint) sizeof(struct epoll_event));
}

/* timeout_ms: -1 waits forever. Returns the count or -errno (-EINTR included). */
static jint epoll_wait_ms(JNIEnv *env, jclass clazz, jint epfd, jobject buffer,
                          jint max_events, jint timeout_ms) {
    (void) clazz;
    if (epfd < 0) {
        return -EBADF;
    }
    struct epoll_event *events = event_array(env, buffer, max_events);
    if (events == NULL || timeout_ms < -1) {
        return -EINVAL;
    }
    int n = epoll_wait(epfd, events, max_events, timeout_ms);
    return n >= 0 ? n : mio4j_neg_errno();
}

/* timeout_ns: negative waits forever. */
static jint epoll_wait_ns(JNIEnv *env, jclass clazz, jint epfd, jobject buffer,
                          jint max_events, jlong timeout_ns) {
    (void) clazz;
    if (epfd < 0) {
        return -EBADF;
    }
    struct epoll_event *events = event_array(env, buffer, max_events);
    if (events == NULL) {
        return -EINVAL;
    }
    struct timespec ts;
    struct timespec *timeout = NULL;
    if (timeout_ns >= 0) {
        ts.tv_sec = (time_t) (timeout_ns / 1000000000);
        ts.tv_nsec = (long) (timeout_ns % 1000000000);
        timeout = &ts;
    }
    long n = syscall(SYS_epoll_pwait2, epfd, events, max_events, timeout, NULL, 0);
    return n >= 0 ? (jint) n : mio4j_neg_errno();
}

/* 0 when epoll_pwait2 works here, else -errno (-ENOSYS: old kernel, -EPERM: seccomp). */
static jint epoll_probe_pwait2(JNIEnv *env, jclass clazz) {
    (void) env; (void) clazz;
    int epfd = epoll_create1(EPOLL_CLOEXEC);
    if (epfd < 0) {
        return mio4j_neg_errno();
    }
    struct epoll_event event;
    struct timespec zero = { 0, 0 };
    long n = syscall(SYS_epoll_pwait2, epfd, &event, 1, &zero, NULL, 0);
    int rc = n >= 0 ? 0 : mio4j_neg_errno();
    close(epfd);
    return rc;
}

static const struct mio4j_constant epoll_constants[] = {
    MIO4J_CONSTANT(EPOLLIN), MIO4J_CONSTANT(EPOLLOUT), MIO4J_CONSTANT(EPOLLPRI),
    MIO4J_CONSTANT(EPOLLERR), MIO4J_CONSTANT(EPOLLHUP), MIO4J_CONSTANT(EPOLLRDHUP),
    MIO4J_CONSTANT(EPOLLET), MIO4J_CONSTANT(EPOLLONESHOT),
    MIO4J_CONSTANT(EPOLL_CTL_ADD), MIO4J_CONSTANT(EPOLL_CTL_MOD), MIO4J_CONSTANT(EPOLL_CTL_DEL),
    { "SIZEOF_EPOLL_EVENT", (jint) sizeof(struct epoll_event) },
    { "OFFSETOF_EVENTS", (jint) offsetof(struct epoll_event, events) },
    { "OFFSETOF_DATA", (jint) offsetof(struct epoll_event, data) },
};

static jlong epoll_constant(JNIEnv *env, jclass clazz, jstring name) {
    (void) clazz;
    return mio4j_constant_lookup(env, name, epoll_constants, MIO4J_COUNT(epoll_constants));
}

static const JNINativeMethod epoll_methods[] = {
    MIO4J_NATIVE("constant", "(Ljava/lang/String;)J", epoll_constant),
    MIO4J_NATIVE("create", "()I", epoll_open),
    MIO4J_NATIVE("ctl", "(IIIIJ)I", epoll_control),
    MIO4J_NATIVE("waitMillis", "(ILjava/nio/ByteBuffer;II)I", epoll_wait_ms),
    MIO4J_NATIVE("waitNanos", "(ILjava/nio/ByteBuffer;IJ)I", epoll_wait_ns),
    MIO4J_NATIVE("probePwait2", "()I", epoll_probe_pwait2),
};

const struct mio4j_natives mio4j_epoll_natives = {
    "io/mio4j/internal/epoll/EpollCallsJni", epoll_methods, MIO4J_COUNT(epoll_methods)
};
