/* unix_shim_test's cases for native/epoll: epoll_create1/ctl/wait/pwait2 and eventfd,
 * through EpollCallsJni's natives, with valid and hostile arguments. */
#include "shim_test.h"

#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <unistd.h>

#include "checks.h"

#define EPOLL "io/mio4j/internal/epoll/EpollCallsJni"
#define BUF "Ljava/nio/ByteBuffer;"

static struct {
    jlong (*constant)(JNIEnv *, jobject, jstring);
    jint (*create)(JNIEnv *, jobject);
    jint (*ctl)(JNIEnv *, jobject, jint, jint, jint, jint, jlong);
    jint (*wait_ms)(JNIEnv *, jobject, jint, jobject, jint, jint);
    jint (*wait_ns)(JNIEnv *, jobject, jint, jobject, jint, jlong);
    jint (*probe_pwait2)(JNIEnv *, jobject);
    jint (*eventfd)(JNIEnv *, jobject);
    jint (*eventfd_write)(JNIEnv *, jobject, jint, jlong);
    jint (*eventfd_read)(JNIEnv *, jobject, jint);
} E;

#define RESOLVE(field, name, sig) \
    CHECK((E.field = (__typeof__(E.field)) shim_native(EPOLL, name, sig)) != NULL)

static int epoll_natives_are_registered(void) {
    RESOLVE(constant, "constant", "(Ljava/lang/String;)J");
    RESOLVE(create, "create", "()I");
    RESOLVE(ctl, "ctl", "(IIIIJ)I");
    RESOLVE(wait_ms, "waitMillis", "(I" BUF "II)I");
    RESOLVE(wait_ns, "waitNanos", "(I" BUF "IJ)I");
    RESOLVE(probe_pwait2, "probePwait2", "()I");
    RESOLVE(eventfd, "eventfd", "()I");
    RESOLVE(eventfd_write, "eventfdWrite", "(IJ)I");
    RESOLVE(eventfd_read, "eventfdRead", "(I)I");
    CHECK_RC(E.constant(ENV, fake_string("EPOLLRDHUP")), EPOLLRDHUP);
    CHECK_RC(E.constant(ENV, fake_string("EPOLL_CTL_DEL")), EPOLL_CTL_DEL);
    CHECK_RC(E.constant(ENV, fake_string("SIZEOF_EPOLL_EVENT")), sizeof(struct epoll_event));
    CHECK_RC(E.constant(ENV, fake_string("OFFSETOF_DATA")), offsetof(struct epoll_event, data));
    CHECK_RC(E.constant(ENV, fake_string("EPOLLONESHOT")), EPOLLONESHOT);   /* the ports poller's test stand-in builds on it */
    CHECK_RC(E.constant(ENV, NULL), MIO4J_NO_CONSTANT);
    return 1;
}

static int ctl_takes_our_operations_and_flags_only(void) {
    CHECK(E.create != NULL);
    jint ep = track(E.create(ENV));
    CHECK(ep >= 0);
    jint p[2];
    CHECK(tracked_pipe(p));
    const jint ours = EPOLLIN | EPOLLOUT | EPOLLPRI | EPOLLERR | EPOLLHUP | EPOLLRDHUP | EPOLLET;
    const jint bad_events[] = { EPOLLIN | EPOLLEXCLUSIVE,
                                EPOLLIN | EPOLLWAKEUP, EPOLLIN | (1 << 20), -1, INT32_MAX };
    for (size_t i = 0; i < sizeof(bad_events) / sizeof(bad_events[0]); i++) {
        CHECK_RC(E.ctl(ENV, ep, EPOLL_CTL_ADD, p[0], bad_events[i], 1), -EINVAL);
    }
    const jint bad_ops[] = { 0, 4, -1, INT32_MAX, INT32_MIN };
    for (size_t i = 0; i < sizeof(bad_ops) / sizeof(bad_ops[0]); i++) {
        CHECK_RC(E.ctl(ENV, ep, bad_ops[i], p[0], EPOLLIN, 1), -EINVAL);
    }
    CHECK_RC(E.ctl(ENV, ep, EPOLL_CTL_ADD, -1, EPOLLIN, 1), -EBADF);
    CHECK_RC(E.ctl(ENV, -1, EPOLL_CTL_ADD, p[0], EPOLLIN, 1), -EBADF);
    CHECK_RC(E.ctl(ENV, INT32_MIN, EPOLL_CTL_ADD, INT32_MIN, EPOLLIN, 1), -EBADF);
    CHECK_RC(E.ctl(ENV, p[0], EPOLL_CTL_ADD, p[1], EPOLLIN, 1), -EINVAL);   /* the kernel's */
    CHECK_RC(E.ctl(ENV, ep, EPOLL_CTL_ADD, ep, EPOLLIN, 1), -EINVAL);      /* the kernel's */
    CHECK_RC(E.ctl(ENV, ep, EPOLL_CTL_ADD, p[0], ours, 1), 0);
    CHECK_RC(E.ctl(ENV, ep, EPOLL_CTL_MOD, p[0], EPOLLIN | EPOLLET, 2), 0);
    CHECK_RC(E.ctl(ENV, ep, EPOLL_CTL_DEL, p[0], 0, 0), 0);
    CHECK_RC(E.ctl(ENV, ep, EPOLL_CTL_DEL, p[0], 0, 0), -ENOENT);
    return 1;
}

static int wait_checks_its_event_buffer(void) {
    CHECK(E.create != NULL);
    jint ep = track(E.create(ENV));
    jint p[2];
    CHECK(tracked_pipe(p));
    const jint size = (jint) sizeof(struct epoll_event);
    unsigned char *raw;
    jobject events = direct_buffer(4 * size, &raw);
    jobject short_one = direct_buffer(4 * size - 1, NULL);
    /* max events: at least one, and the buffer must hold them all. */
    const jint bad_max[] = { 0, -1, INT32_MIN, 5, INT32_MAX, INT32_MAX / size + 1 };
    for (size_t i = 0; i < sizeof(bad_max) / sizeof(bad_max[0]); i++) {
        CHECK_RC(E.wait_ms(ENV, ep, events, bad_max[i], 0), -EINVAL);
        CHECK_RC(E.wait_ns(ENV, ep, events, bad_max[i], 0), -EINVAL);
    }
    const jobject bad_buffers[] = { NULL, fake_heap_buffer(), short_one };
    for (size_t i = 0; i < sizeof(bad_buffers) / sizeof(bad_buffers[0]); i++) {
        CHECK_RC(E.wait_ms(ENV, ep, bad_buffers[i], 4, 0), -EINVAL);
        CHECK_RC(E.wait_ns(ENV, ep, bad_buffers[i], 4, 0), -EINVAL);
    }
    CHECK_RC(E.wait_ms(ENV, ep, events, 4, -2), -EINVAL);
    CHECK_RC(E.wait_ms(ENV, ep, events, 4, INT32_MIN), -EINVAL);
    CHECK_RC(E.wait_ms(ENV, -1, events, 4, 0), -EBADF);
    CHECK_RC(E.wait_ns(ENV, -1, events, 4, 0), -EBADF);
    CHECK_RC(E.wait_ms(ENV, p[0], events, 4, 0), -EINVAL);   /* the kernel's: no epoll */
    /* A readable pipe end is reported with its data, in the layout Java reads. */
    CHECK_RC(E.ctl(ENV, ep, EPOLL_CTL_ADD, p[0], EPOLLIN | EPOLLET, 0x1122334455667788LL), 0);
    CHECK_RC(E.wait_ms(ENV, ep, events, 4, 0), 0);
    CHECK(write(p[1], "x", 1) == 1);
    CHECK_RC(E.wait_ms(ENV, ep, events, 4, 1000), 1);
    struct epoll_event got;
    memcpy(&got, raw, sizeof(got));
    CHECK(got.data.u64 == 0x1122334455667788ULL && (got.events & EPOLLIN) != 0);
    jint pwait2 = E.probe_pwait2(ENV);
    CHECK(pwait2 == 0 || pwait2 == -ENOSYS || pwait2 == -EPERM);
    if (pwait2 == 0) {
        CHECK(write(p[1], "y", 1) == 1);
        CHECK_RC(E.wait_ns(ENV, ep, events, 4, 1500000), 1);
        CHECK_RC(E.wait_ns(ENV, ep, events, 4, 1), 0);
        CHECK_RC(E.wait_ns(ENV, ep, events, 1, 0), 0);
    }
    return 1;
}

static int eventfd_calls_take_only_our_eventfds(void) {
    CHECK(E.eventfd != NULL);
    jint efd = track(E.eventfd(ENV));
    CHECK(efd >= 0);
    CHECK(mio4j_fd_is_marked(efd));
    CHECK_RC(E.eventfd_write(ENV, efd, 1), 0);
    CHECK_RC(E.eventfd_write(ENV, efd, 41), 0);
    uint64_t counter = 0;
    CHECK(read(efd, &counter, 8) == 8 && counter == 42);
    CHECK_RC(E.eventfd_read(ENV, efd), -EAGAIN);
    /* A step is 1 to UINT64_MAX - 1. */
    CHECK_RC(E.eventfd_write(ENV, efd, 0), -EINVAL);
    CHECK_RC(E.eventfd_write(ENV, efd, -1), -EINVAL);
    CHECK_RC(E.eventfd_read(ENV, efd), -EAGAIN);
    CHECK_RC(E.eventfd_write(ENV, efd, -2), 0);
    CHECK_RC(E.eventfd_write(ENV, efd, 1), -EAGAIN);   /* it would overflow */
    CHECK_RC(E.eventfd_read(ENV, efd), 0);
    CHECK_RC(E.eventfd_write(ENV, efd, INT64_MIN), 0);
    CHECK_RC(E.eventfd_read(ENV, efd), 0);
    /* Anything else: a pipe, an epoll descriptor (the same anonymous inode as an
     * eventfd), an eventfd this library did not open, bad numbers. */
    jint p[2];
    CHECK(tracked_pipe(p));
    CHECK_RC(E.eventfd_write(ENV, p[1], 1), -EINVAL);
    CHECK(write(p[1], "12345678", 8) == 8);
    CHECK_RC(E.eventfd_read(ENV, p[0]), -EINVAL);
    char back[9];
    CHECK(read(p[0], back, sizeof(back)) == 8);
    jint ep = track(E.create(ENV));
    CHECK_RC(E.eventfd_write(ENV, ep, 1), -EINVAL);
    CHECK_RC(E.eventfd_read(ENV, ep), -EINVAL);
    jint copy = track(dup(efd));
    CHECK(copy >= 0);
    CHECK_RC(E.eventfd_write(ENV, copy, 1), -EINVAL);
    jint high = track(dup2(efd, 4000));
    CHECK(high == 4000);
    CHECK_RC(E.eventfd_read(ENV, high), -EINVAL);
    CHECK_RC(E.eventfd_write(ENV, -1, 1), -EBADF);
    CHECK_RC(E.eventfd_read(ENV, INT32_MIN), -EBADF);
    CHECK_RC(E.eventfd_write(ENV, INT32_MAX, 1), -EBADF);
    CHECK_RC(E.eventfd_read(ENV, 3999), -EBADF);
    return 1;
}

static int a_closed_eventfds_number_is_no_eventfd(void) {
    CHECK(E.eventfd != NULL);
    jint efd = E.eventfd(ENV);
    CHECK(efd >= 0);
    CHECK_RC(E.eventfd_write(ENV, efd, 1), 0);
    CHECK(shim_native("io/mio4j/internal/unix/PosixCallsJni", "close", "(I)I") != NULL);
    CHECK_RC(P.close(ENV, efd), 0);
    CHECK(!mio4j_fd_is_marked(efd));
    CHECK_RC(E.eventfd_write(ENV, efd, 1), -EBADF);
    jint p[2];
    CHECK(tracked_pipe(p));
    CHECK_RC(p[0], efd);   /* the lowest free number comes back, as a pipe */
    CHECK(write(p[1], "12345678", 8) == 8);
    CHECK_RC(E.eventfd_read(ENV, p[0]), -EINVAL);
    char back[8];
    CHECK(read(p[0], back, sizeof(back)) == 8);
    return 1;
}

static int marks_stay_inside_their_table(void) {
    const jint outside[] = { -1, INT32_MIN, MIO4J_FD_MARKS, INT32_MAX };
    for (size_t i = 0; i < sizeof(outside) / sizeof(outside[0]); i++) {
        CHECK_RC(mio4j_fd_mark(outside[i]), -1);
        CHECK(!mio4j_fd_is_marked(outside[i]));
        mio4j_fd_unmark(outside[i]);
    }
    /* The last number of the table and its word's neighbours, never opened here. */
    const jint last = MIO4J_FD_MARKS - 1;
    CHECK_RC(mio4j_fd_mark(last), 0);
    CHECK(mio4j_fd_is_marked(last) && !mio4j_fd_is_marked(last - 1));
    mio4j_fd_unmark(last);
    CHECK(!mio4j_fd_is_marked(last));
    return 1;
}

const struct test_case poller_cases[] = {
    { "epoll_natives_are_registered", epoll_natives_are_registered },
    { "ctl_takes_our_operations_and_flags_only", ctl_takes_our_operations_and_flags_only },
    { "wait_checks_its_event_buffer", wait_checks_its_event_buffer },
    { "eventfd_calls_take_only_our_eventfds", eventfd_calls_take_only_our_eventfds },
    { "a_closed_eventfds_number_is_no_eventfd", a_closed_eventfds_number_is_no_eventfd },
    { "marks_stay_inside_their_table", marks_stay_inside_their_table },
};
const int poller_case_count = (int) (sizeof(poller_cases) / sizeof(poller_cases[0]));
