/* Stand-in for illumos's <errno.h>. errno is per thread through libc's ___errno()
 * (usr/src/head/errno.h); the values are usr/src/uts/common/sys/errno.h's, only those
 * our sources name. Many differ from Linux's (ETIMEDOUT 145, ECONNREFUSED 146, ...). */
#ifndef MIO4J_ABI_ERRNO_H
#define MIO4J_ABI_ERRNO_H

extern int *___errno(void);
#define errno (*(___errno()))

#define EPERM 1
#define ENOENT 2
#define EINTR 4
#define EIO 5
#define EBADF 9
#define EAGAIN 11
#define ENOMEM 12
#define EACCES 13
#define EEXIST 17
#define ENOTDIR 20
#define EINVAL 22
#define ENFILE 23
#define EMFILE 24
#define EPIPE 32
#define ETIME 62            /* port_getn's timeout (Linux: 62 too, unused there) */
#define ENAMETOOLONG 78
#define EBADFD 81           /* port_associate/port_dissociate on a closed fd */
#define ENOSYS 89
#define ENOTSOCK 95
#define EDESTADDRREQ 96
#define EMSGSIZE 97
#define ENOPROTOOPT 99
#define EPROTONOSUPPORT 120
#define EOPNOTSUPP 122
#define EAFNOSUPPORT 124
#define EADDRINUSE 125
#define EADDRNOTAVAIL 126
#define ENETDOWN 127
#define ENETUNREACH 128
#define ECONNABORTED 130
#define ECONNRESET 131
#define ENOBUFS 132
#define EISCONN 133
#define ENOTCONN 134
#define ETIMEDOUT 145
#define ECONNREFUSED 146
#define EHOSTUNREACH 148
#define EALREADY 149
#define EINPROGRESS 150
#define EWOULDBLOCK EAGAIN

#endif
