/* NetBSD: errno and the values native/unix and native/kqueue use (NetBSD/src sys/sys/errno.h).
 * Stand-in for cross builds without a sysroot (native/abi/README.md). */
#ifndef MIO4J_ABI_NETBSD_ERRNO_H
#define MIO4J_ABI_NETBSD_ERRNO_H

int *__errno(void);
#define errno (*__errno())

#define EPERM                   1
#define ENOENT                  2
#define EINTR                   4
#define EIO                     5
#define EBADF                   9
#define ENOMEM                  12
#define EACCES                  13
#define EEXIST                  17
#define ENOTDIR                 20
#define EINVAL                  22
#define ENFILE                  23
#define EMFILE                  24
#define EPIPE                   32
#define EAGAIN                  35
#define EINPROGRESS             36
#define EALREADY                37
#define ENOTSOCK                38
#define EDESTADDRREQ            39
#define EMSGSIZE                40
#define ENOPROTOOPT             42
#define EPROTONOSUPPORT         43
#define EOPNOTSUPP              45
#define EAFNOSUPPORT            47
#define EADDRINUSE              48
#define EADDRNOTAVAIL           49
#define ENETDOWN                50
#define ENETUNREACH             51
#define ECONNABORTED            53
#define ECONNRESET              54
#define ENOBUFS                 55
#define EISCONN                 56
#define ENOTCONN                57
#define ETIMEDOUT               60
#define ECONNREFUSED            61
#define ENAMETOOLONG            63
#define EHOSTUNREACH            65
#define ENOSYS                  78
#define EWOULDBLOCK             EAGAIN

#endif
