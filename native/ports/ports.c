/* The event ports shim (illumos, Solaris): create, associate, dissociate, getn, send.
 * Java decides everything else (re-association of one-shot fds, the time left after
 * EINTR) and reads port_event_t by the size and offsets reported here. ABI.md holds
 * the kernel facts these lines rest on, with their sources. */
#include "mio4j.h"

#include <fcntl.h>
#include <poll.h>
#include <port.h>
#include <time.h>
#include <unistd.h>

static jint ports_create(JNIEnv *env, jobject self) {
    (void) env; (void) self;
    /* port_create has no close-on-exec flag: a fork+exec in another thread between
     * the two calls can leak the port to the child. */
    int port = port_create();
    if (port < 0) {
        return mio4j_neg_errno();
    }
    if (fcntl(port, F_SETFD, FD_CLOEXEC) != 0) {
        jint rc = mio4j_neg_errno();
        close(port);
        return rc;
    }
    return port;
}

/* Associates fd for ONE delivery of events; user comes back in portev_user. On an fd
 * already associated, replaces events and user and drops its undelivered event;
 * either way the kernel polls fd at once and queues an event if it is ready already
 * (port_associate_fd, usr/src/uts/common/fs/portfs/port_fd.c). */
static jint ports_associate(JNIEnv *env, jobject self, jint port, jint fd, jint events,
                            jlong user) {
    (void) env; (void) self;
    if (fd < 0) {
        return -EBADF;
    }
    int rc = port_associate(port, PORT_SOURCE_FD, (uintptr_t) fd, events, (void *) (uintptr_t) user);
    return rc == 0 ? 0 : mio4j_neg_errno();
}

/* -ENOENT when fd had no active association (its one event was delivered); the
 * kernel forgets the fd either way. */
static jint ports_dissociate(JNIEnv *env, jobject self, jint port, jint fd) {
    (void) env; (void) self;
    if (fd < 0) {
        return -EBADF;
    }
    return port_dissociate(port, PORT_SOURCE_FD, (uintptr_t) fd) == 0 ? 0 : mio4j_neg_errno();
}

/* A PORT_SOURCE_USER event (object 0) carrying events and user: wake-ups. */
static jint ports_send(JNIEnv *env, jobject self, jint port, jint events, jlong user) {
    (void) env; (void) self;
    return port_send(port, events, (void *) (uintptr_t) user) == 0 ? 0 : mio4j_neg_errno();
}

/* Both halves of port_getn's answer in one jlong, so that neither is lost: the low
 * 32 bits are the number of events stored (0..max), the high 32 bits 0 or -errno.
 * ETIME and EINTR can come with events stored (port_getn in
 * usr/src/uts/common/fs/portfs/port.c copies them out and sets nget before it
 * returns the error); their fds are dissociated by then, so Java must take them. */
static jlong getn_result(unsigned int count, int error) {
    return (jlong) (((uint64_t) (uint32_t) -error << 32) | (uint32_t) count);
}

/* Waits until at least nget (1..max) events are queued or the timeout runs out
 * (nanoseconds, exact; negative: no limit; 0: do not wait). */
static jlong ports_getn(JNIEnv *env, jobject self, jint port, jobject buffer, jint max,
                        jint nget, jlong timeout_ns) {
    (void) self;
    if (max < 1 || max > INT32_MAX / (jint) sizeof(port_event_t) || nget < 1 || nget > max) {
        return getn_result(0, EINVAL);
    }
    port_event_t *list = mio4j_buffer_range(env, buffer, 0, max * (jint) sizeof(port_event_t));
    if (list == NULL) {
        return getn_result(0, EINVAL);
    }
    struct timespec ts;
    struct timespec *timeout = NULL;
    if (timeout_ns >= 0) {
        ts.tv_sec = (time_t) (timeout_ns / 1000000000);
        ts.tv_nsec = (long) (timeout_ns % 1000000000);
        timeout = &ts;
    }
    /* No event has source 0: if it is still 0 afterwards, nothing was stored whatever
     * nget says (libuv guards against kernels that left nget stale this way). */
    list[0].portev_source = 0;
    uint_t got = (uint_t) nget;
    int error = port_getn(port, list, (uint_t) max, &got, timeout) == 0 ? 0 : (errno > 0 ? errno : EIO);
    if (list[0].portev_source == 0 || (error != 0 && error != ETIME && error != EINTR)) {
        got = 0;
    }
    return getn_result(got < (uint_t) max ? got : (uint_t) max, error);
}

static const struct mio4j_constant ports_constants[] = {
    MIO4J_CONSTANT(PORT_SOURCE_FD), MIO4J_CONSTANT(PORT_SOURCE_USER),
    MIO4J_CONSTANT(POLLIN), MIO4J_CONSTANT(POLLPRI), MIO4J_CONSTANT(POLLOUT),
    MIO4J_CONSTANT(POLLERR), MIO4J_CONSTANT(POLLHUP), MIO4J_CONSTANT(POLLNVAL),
    MIO4J_CONSTANT(POLLRDNORM),
#ifdef POLLRDHUP   /* illumos; Oracle Solaris 11 has none */
    MIO4J_CONSTANT(POLLRDHUP),
#endif
    MIO4J_CONSTANT(ETIME), MIO4J_CONSTANT(EBADFD),
    { "SIZEOF_PORT_EVENT", (jint) sizeof(port_event_t) },
    { "OFFSETOF_EVENTS", (jint) offsetof(port_event_t, portev_events) },
    { "OFFSETOF_SOURCE", (jint) offsetof(port_event_t, portev_source) },
    { "OFFSETOF_OBJECT", (jint) offsetof(port_event_t, portev_object) },
    { "OFFSETOF_USER", (jint) offsetof(port_event_t, portev_user) },
};

static jlong ports_constant(JNIEnv *env, jobject self, jstring name) {
    (void) self;
    return mio4j_constant_lookup(env, name, ports_constants, MIO4J_COUNT(ports_constants));
}

static const JNINativeMethod ports_methods[] = {
    MIO4J_NATIVE("constant", "(Ljava/lang/String;)J", ports_constant),
    MIO4J_NATIVE("create", "()I", ports_create),
    MIO4J_NATIVE("associate", "(IIIJ)I", ports_associate),
    MIO4J_NATIVE("dissociate", "(II)I", ports_dissociate),
    MIO4J_NATIVE("getn", "(ILjava/nio/ByteBuffer;IIJ)J", ports_getn),
    MIO4J_NATIVE("send", "(IIJ)I", ports_send),
};

const struct mio4j_natives mio4j_ports_natives = {
    "io/mio4j/internal/ports/PortsCallsJni", ports_methods, MIO4J_COUNT(ports_methods)
};
