/* Closing a descriptor that another thread is blocked on (a pipe end switched to
 * blocking mode), as the JDK's channels do: dup2 a dead descriptor over it, so the call
 * finds end of stream (reads) or EBADF (writes) once it runs again, then signal the
 * blocked thread out of the call it is in. The descriptor itself is closed by Java when
 * that call returns. Threads are named by a slot of the table below, never by a
 * thread id from Java: a slot that is not in use is refused, a thread id could not be.
 * No pthread calls (compat.h says why): a spin lock guards the table, held for a few
 * instructions only. */
#include "mio4j.h"
#include "compat.h"

#ifdef MIO4J_THREAD_SIGNALS
#include <signal.h>
#endif
#include <string.h>
#include <unistd.h>

/* The JDK's NIO uses the same signal for the same purpose, with a handler that does
 * nothing: installing ours over it (or it over ours) changes nothing. */
#if !defined(MIO4J_THREAD_SIGNALS)
#define MIO4J_WAKE_SIGNAL 0   /* unused: the thread slots answer -ENOSYS */
#elif defined(SIGRTMAX)
#define MIO4J_WAKE_SIGNAL (SIGRTMAX - 2)
#else
#define MIO4J_WAKE_SIGNAL SIGIO
#endif
#define MIO4J_MAX_BLOCKED 1024

static int initialised;     /* 0, 1 while one thread initialises, 2 when done */
static int dead_fd = -1;    /* the read end of a pipe whose write end is closed */
static int table_lock;
static long blocked[MIO4J_MAX_BLOCKED];
static unsigned char in_use[MIO4J_MAX_BLOCKED];

static void lock(void) {
    while (__atomic_exchange_n(&table_lock, 1, __ATOMIC_ACQUIRE)) {
        /* spin: held for a few instructions, or a signal's sending */
    }
}

static void unlock(void) {
    __atomic_store_n(&table_lock, 0, __ATOMIC_RELEASE);
}

#ifdef MIO4J_THREAD_SIGNALS
static void wake_handler(int signal) {
    (void) signal;   /* the point is the EINTR, nothing to do */
}
#endif

static void init_now(void) {
    int fds[2];
    if (mio4j_unix_pipe(fds) == 0) {
        close(fds[1]);
        dead_fd = fds[0];
    }
#ifdef MIO4J_THREAD_SIGNALS
    struct sigaction action;
    memset(&action, 0, sizeof(action));
    action.sa_handler = wake_handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;   /* no SA_RESTART: the blocked call returns EINTR */
    sigaction(MIO4J_WAKE_SIGNAL, &action, NULL);
#endif
}

static void init(void) {
    int expected = 0;
    if (__atomic_compare_exchange_n(&initialised, &expected, 1, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
        init_now();
        __atomic_store_n(&initialised, 2, __ATOMIC_RELEASE);
    }
    while (__atomic_load_n(&initialised, __ATOMIC_ACQUIRE) != 2) {
        /* another thread is initialising: a pipe and a sigaction */
    }
}

/* dup2 of the dead descriptor over fd; 0 or -errno. */
static jint preclose_fd(JNIEnv *env, jobject self, jint fd) {
    (void) env; (void) self;
    if (fd < 0) {
        return -EBADF;
    }
    init();
    if (dead_fd < 0) {
        return -EMFILE;
    }
    return dup2(dead_fd, fd) >= 0 ? 0 : mio4j_neg_errno();
}

/* Records the calling thread as about to block: its slot, or -EAGAIN when all are taken. */
static jint thread_enter(JNIEnv *env, jobject self) {
    (void) env; (void) self;
#ifndef MIO4J_THREAD_SIGNALS
    return -ENOSYS;
#endif
    init();
    jint slot = -EAGAIN;
    lock();
    long self_id = mio4j_unix_thread_self();
    for (int i = 0; i < MIO4J_MAX_BLOCKED; i++) {
        if (!in_use[i]) {
            in_use[i] = 1;
            blocked[i] = self_id;
            slot = i;
            break;
        }
    }
    unlock();
    return slot;
}

/* Frees the calling thread's slot; -EINVAL for a slot that is not its own. */
static jint thread_exit(JNIEnv *env, jobject self, jint slot) {
    (void) env; (void) self;
    jint rc = -EINVAL;
    long self_id = mio4j_unix_thread_self();
    lock();
    if (slot >= 0 && slot < MIO4J_MAX_BLOCKED && in_use[slot] && blocked[slot] == self_id) {
        in_use[slot] = 0;
        rc = 0;
    }
    unlock();
    return rc;
}

/* Signals the thread in a slot out of a blocking call. Under the lock, so the thread
 * cannot leave its slot (and end, its id then free for another thread) meanwhile. */
static jint thread_signal(JNIEnv *env, jobject self, jint slot) {
    (void) env; (void) self;
    jint rc = -EINVAL;
    lock();
    if (slot >= 0 && slot < MIO4J_MAX_BLOCKED && in_use[slot]) {
        rc = mio4j_unix_thread_signal(blocked[slot], MIO4J_WAKE_SIGNAL) == 0 ? 0 : mio4j_neg_errno();
    }
    unlock();
    return rc;
}

static const JNINativeMethod preclose_methods[] = {
    MIO4J_NATIVE("preClose", "(I)I", preclose_fd),
    MIO4J_NATIVE("threadEnter", "()I", thread_enter),
    MIO4J_NATIVE("threadExit", "(I)I", thread_exit),
    MIO4J_NATIVE("threadSignal", "(I)I", thread_signal),
};

const struct mio4j_natives mio4j_preclose_natives = {
    "io/mio4j/internal/unix/PosixCallsJni", preclose_methods, MIO4J_COUNT(preclose_methods)
};
