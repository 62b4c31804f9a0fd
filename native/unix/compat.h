/* What differs between Unixes, in one place: the other files of native/unix call these
 * instead of the calls they stand for, and test no system themselves. Each returns what
 * that call returns: a descriptor or 0, or -1 with errno set. */
#ifndef MIO4J_COMPAT_H
#define MIO4J_COMPAT_H

#include <stddef.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

/* No send raises SIGPIPE: MSG_NOSIGNAL on each call where the system has it, and
 * SO_NOSIGPIPE on every socket of ours where the system has that (macOS, the BSDs).
 * A system with only SO_NOSIGPIPE (older macOS) gets 0 here. */
#ifdef MSG_NOSIGNAL
#define MIO4J_MSG_NOSIGNAL MSG_NOSIGNAL
#else
#define MIO4J_MSG_NOSIGNAL 0
#endif

/* SO_LINGER's time in seconds: macOS's SO_LINGER counts clock ticks, its SO_LINGER_SEC
 * seconds (xnu bsd/sys/socket.h; mio uses SO_LINGER_SEC there too). */
#ifdef SO_LINGER_SEC
#define MIO4J_SO_LINGER SO_LINGER_SEC
#else
#define MIO4J_SO_LINGER SO_LINGER
#endif

/* The keep-alive idle time (TCP_KEEPIDLE; macOS calls it TCP_KEEPALIVE, as mio and the
 * JDK know). Undefined where the OS has neither (OpenBSD: sysctls only). */
#if defined(TCP_KEEPIDLE)
#define MIO4J_TCP_KEEPIDLE TCP_KEEPIDLE
#elif defined(__APPLE__) && defined(TCP_KEEPALIVE)
#define MIO4J_TCP_KEEPIDLE TCP_KEEPALIVE
#endif

/* Where socket addresses begin with their length (sa_len: macOS and the BSDs; RFC 3493
 * names SIN6_LEN as the sign), sockaddr.c fills it in. */
#ifdef SIN6_LEN
#define MIO4J_HAVE_SA_LEN 1
#endif

/* Linux alone has abstract Unix socket names (a path that starts with a NUL byte);
 * elsewhere such a path is an unnamed socket's (macOS and the BSDs report an unbound
 * socket as an address of zeros). */
#ifdef __linux__
#define MIO4J_HAVE_ABSTRACT_UNIX 1
#endif

/* socket(2), socketpair(2) (protocol 0), accept(2) and pipe(2) whose descriptors are
 * non-blocking and close-on-exec; each socket also gets SO_NOSIGPIPE where it exists. */
int mio4j_unix_socket(int family, int type, int protocol);
int mio4j_unix_socketpair(int family, int type, int fds[2]);
int mio4j_unix_accept(int fd, struct sockaddr *address, socklen_t *length);
int mio4j_unix_pipe(int fds[2]);

/* Sets or clears O_NONBLOCK. */
int mio4j_unix_set_nonblocking(int fd, int on);

/* The calling thread as mio4j_unix_thread_signal takes it, and a signal sent to one
 * thread of this process: 0 or -1 with errno set. Linux: gettid and tgkill, raw system
 * calls (glibc moved pthread_kill in 2.34, and a library for glibc 2.17 cannot bind it);
 * elsewhere pthread_self and pthread_kill. */
long mio4j_unix_thread_self(void);
int mio4j_unix_thread_signal(long thread, int signal);

/* Whether a blocked thread can be signalled out of its call (preclose.c): everywhere the
 * OS's own headers are used; in a build against our own declarations (MIO4J_OWN_ABI, no
 * sysroot) only where native/abi declares signals and threads (illumos). Elsewhere
 * preclose.c's thread slots answer -ENOSYS, and close() of a pipe end in blocking mode
 * waits for the blocked call to return. */
#if !defined(MIO4J_OWN_ABI) || defined(__sun)
#define MIO4J_THREAD_SIGNALS 1
#endif

/* The text of errno value error, in text or in a static string; NULL when the C
 * library knows none. */
const char *mio4j_unix_strerror(int error, char *text, size_t size);

#endif
