/* The kqueue shim (macOS, FreeBSD, NetBSD, OpenBSD, DragonFly; libkqueue on Linux for
 * tests): create, submit a change list, wait. Java (KqueuePoller) writes the change
 * records and reads the events and receipts by the size, offsets and widths reported
 * here; C decides nothing. */
#include "mio4j.h"
#include "kqueue_abi.h"

#include <fcntl.h>
#include <time.h>
#include <unistd.h>

static jint kqueue_open(JNIEnv *env, jobject self) {
    (void) env; (void) self;
#if defined(MIO4J_KQ_HAS_KQUEUE1)
    int kq = kqueue1(O_CLOEXEC);
    return kq >= 0 ? kq : mio4j_neg_errno();
#else
    /* No atomic close-on-exec kqueue on macOS, FreeBSD < 14, DragonFly, older OpenBSD.
     * The window is harmless: fork does not pass a kqueue to the child (kqueue(2)). */
    int kq = kqueue();
    if (kq < 0) {
        return mio4j_neg_errno();
    }
    if (fcntl(kq, F_SETFD, FD_CLOEXEC) < 0) {
        jint rc = mio4j_neg_errno();
        close(kq);
        return rc;
    }
    return kq;
#endif
}

static mio4j_kevent_t *kevent_array(JNIEnv *env, jobject buffer, jint count) {
    if (count < 0 || count > INT32_MAX / (jint) sizeof(mio4j_kevent_t)) {
        return NULL;
    }
    return mio4j_buffer_range(env, buffer, 0, count * (jint) sizeof(mio4j_kevent_t));
}

/* Applies nchanges records from changes and returns without waiting: the count of
 * records written to receipts (EV_ERROR, data = 0 or errno, for each EV_RECEIPT
 * change), or -errno. receipts may be the changes buffer itself. -EINTR means every
 * change was applied (kevent(2) of FreeBSD). */
static jint kqueue_submit(JNIEnv *env, jobject self, jint kq, jobject changes, jint nchanges,
                          jobject receipts, jint nreceipts) {
    (void) self;
    mio4j_kevent_t *change_list = kevent_array(env, changes, nchanges);
    mio4j_kevent_t *receipt_list = kevent_array(env, receipts, nreceipts);
    if (nchanges < 1 || change_list == NULL || receipt_list == NULL) {
        return -EINVAL;
    }
    /* A zero timeout: should a change lack EV_RECEIPT, kevent returns what is
     * pending rather than blocking. */
    struct timespec zero = { 0, 0 };
    int n = mio4j_kevent_call(kq, change_list, nchanges, receipt_list, nreceipts, &zero);
    return n >= 0 ? n : mio4j_neg_errno();
}

/* timeout_ns: negative waits forever. Returns the count of events or -errno. */
static jint kqueue_wait(JNIEnv *env, jobject self, jint kq, jobject events, jint max_events,
                        jlong timeout_ns) {
    (void) self;
    mio4j_kevent_t *event_list = kevent_array(env, events, max_events);
    if (max_events < 1 || event_list == NULL) {
        return -EINVAL;
    }
    struct timespec ts;
    struct timespec *timeout = NULL;
    if (timeout_ns >= 0) {
        ts.tv_sec = (time_t) (timeout_ns / 1000000000);
        ts.tv_nsec = (long) (timeout_ns % 1000000000);
        timeout = &ts;
    }
    int n = mio4j_kevent_call(kq, NULL, 0, event_list, max_events, timeout);
    return n >= 0 ? n : mio4j_neg_errno();
}

#define KEVENT_FIELD(name, field)                                           \
    { "OFFSETOF_" name, (jint) offsetof(mio4j_kevent_t, field) },           \
    { "SIZEOF_" name, (jint) sizeof(((mio4j_kevent_t *) 0)->field) }

/* Java learns what exists by lookup: a filter missing here is missing on the OS. */
static const struct mio4j_constant kqueue_constants[] = {
    { "SIZEOF_KEVENT", (jint) sizeof(mio4j_kevent_t) },
    KEVENT_FIELD("IDENT", ident), KEVENT_FIELD("FILTER", filter),
    KEVENT_FIELD("FLAGS", flags), KEVENT_FIELD("FFLAGS", fflags),
    KEVENT_FIELD("DATA", data), KEVENT_FIELD("UDATA", udata),
    MIO4J_CONSTANT(EVFILT_READ), MIO4J_CONSTANT(EVFILT_WRITE),
#ifdef EVFILT_USER
    MIO4J_CONSTANT(EVFILT_USER),
#endif
#ifdef EVFILT_AIO
    MIO4J_CONSTANT(EVFILT_AIO),
#endif
#ifdef EVFILT_LIO
    MIO4J_CONSTANT(EVFILT_LIO),
#endif
#ifdef EVFILT_EXCEPT
    MIO4J_CONSTANT(EVFILT_EXCEPT),
#endif
    MIO4J_CONSTANT(EV_ADD), MIO4J_CONSTANT(EV_DELETE), MIO4J_CONSTANT(EV_ENABLE),
    MIO4J_CONSTANT(EV_DISABLE), MIO4J_CONSTANT(EV_ONESHOT), MIO4J_CONSTANT(EV_CLEAR),
    MIO4J_CONSTANT(EV_RECEIPT), MIO4J_CONSTANT(EV_DISPATCH), MIO4J_CONSTANT(EV_ERROR),
    MIO4J_CONSTANT(EV_EOF),
#ifdef EV_HUP
    MIO4J_CONSTANT(EV_HUP),
#endif
#ifdef NOTE_TRIGGER
    MIO4J_CONSTANT(NOTE_TRIGGER), MIO4J_CONSTANT(NOTE_FFNOP), MIO4J_CONSTANT(NOTE_FFCOPY),
#endif
};

static jlong kqueue_constant(JNIEnv *env, jobject self, jstring name) {
    (void) self;
    return mio4j_constant_lookup(env, name, kqueue_constants, MIO4J_COUNT(kqueue_constants));
}

static const JNINativeMethod kqueue_methods[] = {
    MIO4J_NATIVE("constant", "(Ljava/lang/String;)J", kqueue_constant),
    MIO4J_NATIVE("create", "()I", kqueue_open),
    MIO4J_NATIVE("submit", "(ILjava/nio/ByteBuffer;ILjava/nio/ByteBuffer;I)I", kqueue_submit),
    MIO4J_NATIVE("waitNanos", "(ILjava/nio/ByteBuffer;IJ)I", kqueue_wait),
};

const struct mio4j_natives mio4j_kqueue_natives = {
    "io/mio4j/internal/kqueue/KqueueCallsJni", kqueue_methods, MIO4J_COUNT(kqueue_methods)
};
