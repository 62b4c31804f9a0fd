/* The one home of what differs between Unixes (compat.h).
 *
 * Descriptor flags: where SOCK_NONBLOCK and SOCK_CLOEXEC exist, so do accept4 and
 * pipe2 (Linux's calls, which the BSDs and illumos took over), and a descriptor is
 * born non-blocking and close-on-exec. Elsewhere (macOS) the flags are set just after,
 * with fcntl and ioctl; a fork+exec in another thread between the two can leak the
 * descriptor to the child, which nothing on such a system avoids. Linux compiles only
 * the first kind: newer glibc headers bind fcntl to fcntl64 (GLIBC_2.28), and the
 * library must load on glibc 2.17 (scripts/check-native-symbols.sh). */
#include "mio4j.h"
#include "compat.h"

#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#if defined(SOCK_NONBLOCK) && defined(SOCK_CLOEXEC)
#define MIO4J_BORN_WITH_FLAGS 1
#endif

int mio4j_unix_set_nonblocking(int fd, int on) {
#ifdef FIONBIO
    /* ioctl rather than fcntl, for glibc 2.17 (above); every Unix we know has FIONBIO. */
    int value = on ? 1 : 0;
    return ioctl(fd, FIONBIO, &value);
#else
    int flags = fcntl(fd, F_GETFL);
    if (flags < 0) {
        return -1;
    }
    return fcntl(fd, F_SETFL, on ? flags | O_NONBLOCK : flags & ~O_NONBLOCK);
#endif
}

/* -1, with fd closed and the errno of the failure that made us close it. */
static int close_failed(int fd) {
    int error = errno;
    close(fd);
    errno = error;
    return -1;
}

#ifndef MIO4J_BORN_WITH_FLAGS
static int set_flags(int fd) {
    /* FD_CLOEXEC is the only descriptor flag: F_SETFD may overwrite the others. */
    return fcntl(fd, F_SETFD, FD_CLOEXEC) == 0 ? mio4j_unix_set_nonblocking(fd, 1) : -1;
}
#endif

/* A new socket of ours as compat.h promises it, or -1 (and closed). */
static int finish_socket(int fd) {
    if (fd < 0) {
        return -1;
    }
#ifndef MIO4J_BORN_WITH_FLAGS
    if (set_flags(fd) != 0) {
        return close_failed(fd);
    }
#endif
#ifdef SO_NOSIGPIPE
    /* Where MSG_NOSIGNAL is missing (older macOS), this alone keeps a send to a closed
     * peer from raising SIGPIPE. Set on accepted sockets too: no trust in inheritance. */
    int on = 1;
    if (setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &on, sizeof(on)) != 0) {
        return close_failed(fd);
    }
#endif
    return fd;
}

int mio4j_unix_socket(int family, int type, int protocol) {
#ifdef MIO4J_BORN_WITH_FLAGS
    type |= SOCK_NONBLOCK | SOCK_CLOEXEC;
#endif
    return finish_socket(socket(family, type, protocol));
}

int mio4j_unix_socketpair(int family, int type, int fds[2]) {
#ifdef MIO4J_BORN_WITH_FLAGS
    type |= SOCK_NONBLOCK | SOCK_CLOEXEC;
#endif
    if (socketpair(family, type, 0, fds) != 0) {
        return -1;
    }
    if (finish_socket(fds[0]) < 0) {
        return close_failed(fds[1]);
    }
    if (finish_socket(fds[1]) < 0) {
        return close_failed(fds[0]);
    }
    return 0;
}

int mio4j_unix_accept(int fd, struct sockaddr *address, socklen_t *length) {
#ifdef MIO4J_BORN_WITH_FLAGS
    return finish_socket(accept4(fd, address, length, SOCK_NONBLOCK | SOCK_CLOEXEC));
#else
    return finish_socket(accept(fd, address, length));
#endif
}

int mio4j_unix_pipe(int fds[2]) {
#ifdef MIO4J_BORN_WITH_FLAGS
    return pipe2(fds, O_NONBLOCK | O_CLOEXEC);
#else
    if (pipe(fds) != 0) {
        return -1;
    }
    if (set_flags(fds[0]) != 0 || set_flags(fds[1]) != 0) {
        close_failed(fds[0]);
        return close_failed(fds[1]);
    }
    return 0;
#endif
}

/* strerror_r has two forms. The XSI one (musl, macOS, the BSDs, illumos; glibc without
 * _GNU_SOURCE) fills text and returns 0 or an error number (-1 and errno in old
 * glibc). glibc's GNU one, which _GNU_SOURCE selects, returns the text, maybe a static
 * string and not text. _Generic picks the reading for the type the headers declare;
 * its first strerror_r is never called, only its type is looked at. */
static const char *xsi_text(int rc, char *text) {
    return rc == 0 ? text : NULL;
}

static const char *gnu_text(char *message, char *text) {
    (void) text;
    return message;
}

const char *mio4j_unix_strerror(int error, char *text, size_t size) {
    return _Generic(strerror_r(error, text, size), int: xsi_text, char *: gnu_text)(
            strerror_r(error, text, size), text);
}

#ifdef __GLIBC__
/* glibc's own call, declared weak: a library built on glibc must still load where it
 * is absent (musl). Other C libraries have nothing to find, and Mach-O's linker
 * refuses a weak symbol that no library defines: hence the #ifdef. */
extern const char *gnu_get_libc_version(void) __attribute__((weak));
#endif

const char *mio4j_libc(char *text, size_t size) {
#ifdef __GLIBC__
    if (gnu_get_libc_version != NULL) {
        snprintf(text, size, "glibc %s", gnu_get_libc_version());
        return text;
    }
#endif
    (void) text;
    (void) size;
    return NULL;
}

#ifdef __linux__
#include <sys/syscall.h>

long mio4j_unix_thread_self(void) {
    return (long) syscall(SYS_gettid);
}

int mio4j_unix_thread_signal(long thread, int signal) {
    return (int) syscall(SYS_tgkill, (long) getpid(), thread, (long) signal);
}
#elif defined(MIO4J_THREAD_SIGNALS)
#include <pthread.h>
#include <signal.h>

long mio4j_unix_thread_self(void) {
    return (long) pthread_self();
}

int mio4j_unix_thread_signal(long thread, int signal) {
    int error = pthread_kill((pthread_t) thread, signal);
    if (error != 0) {
        errno = error;
        return -1;
    }
    return 0;
}
#else
long mio4j_unix_thread_self(void) {
    return 0;
}

int mio4j_unix_thread_signal(long thread, int signal) {
    (void) thread; (void) signal;
    errno = ENOSYS;
    return -1;
}
#endif
