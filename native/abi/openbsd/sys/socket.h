/* OpenBSD: sockets (openbsd/src sys/sys/socket.h). Stand-in for cross builds without a
 * sysroot (native/abi/README.md): what native/unix uses, each size and offset asserted. */
#ifndef MIO4J_ABI_OPENBSD_SYS_SOCKET_H
#define MIO4J_ABI_OPENBSD_SYS_SOCKET_H

#include <sys/types.h>
#include <sys/uio.h>
#include <mio4j_abi.h>

typedef uint8_t sa_family_t;
typedef uint32_t socklen_t;

#define SOCK_STREAM             1
#define SOCK_DGRAM              2
#define SOCK_CLOEXEC            0x8000
#define SOCK_NONBLOCK           0x4000

#define SOL_SOCKET              0xffff
#define SO_ACCEPTCONN           0x0002
#define SO_REUSEADDR            0x0004
#define SO_KEEPALIVE            0x0008
#define SO_BROADCAST            0x0020
#define SO_LINGER               0x0080
#define SO_OOBINLINE            0x0100
#define SO_REUSEPORT            0x0200
/* no SO_NOSIGPIPE: MSG_NOSIGNAL on every send */
#define SO_SNDBUF               0x1001
#define SO_RCVBUF               0x1002
#define SO_ERROR                0x1007
#define SO_TYPE                 0x1008

#define AF_UNIX                 1
#define AF_INET                 2
#define AF_INET6                24

#define MSG_PEEK                0x2
#define MSG_TRUNC               0x10
#define MSG_NOSIGNAL            0x400

#define SHUT_RD                 0
#define SHUT_WR                 1
#define SHUT_RDWR               2
#define SOMAXCONN               128

/* Every address starts with its length (sa_len), then an 8-bit family. */
struct sockaddr {
    uint8_t sa_len;
    sa_family_t sa_family;
    char sa_data[14];
};
MIO4J_ABI_SIZE(struct sockaddr, 16);
MIO4J_ABI_FIELD(struct sockaddr, sa_len, 0, 1);
MIO4J_ABI_FIELD(struct sockaddr, sa_family, 1, 1);

struct sockaddr_storage {
    uint8_t ss_len;
    sa_family_t ss_family;
    char __ss_pad1[6];
    int64_t __ss_align;
    char __ss_pad2[112];
};
MIO4J_ABI_SIZE(struct sockaddr_storage, 128);
MIO4J_ABI_FIELD(struct sockaddr_storage, ss_family, 1, 1);
_Static_assert(_Alignof(struct sockaddr_storage) == 8, "sockaddr_storage alignment");

struct linger {
    int l_onoff;
    int l_linger;
};
MIO4J_ABI_SIZE(struct linger, 8);
MIO4J_ABI_FIELD(struct linger, l_onoff, 0, 4);
MIO4J_ABI_FIELD(struct linger, l_linger, 4, 4);

struct msghdr {
    void *msg_name;
    socklen_t msg_namelen;
    struct iovec *msg_iov;
    int msg_iovlen;
    void *msg_control;
    socklen_t msg_controllen;
    int msg_flags;
};
MIO4J_ABI_SIZE(struct msghdr, 48);
MIO4J_ABI_FIELD(struct msghdr, msg_name, 0, 8);
MIO4J_ABI_FIELD(struct msghdr, msg_namelen, 8, 4);
MIO4J_ABI_FIELD(struct msghdr, msg_iov, 16, 8);
MIO4J_ABI_FIELD(struct msghdr, msg_iovlen, 24, 4);
MIO4J_ABI_FIELD(struct msghdr, msg_control, 32, 8);
MIO4J_ABI_FIELD(struct msghdr, msg_controllen, 40, 4);
MIO4J_ABI_FIELD(struct msghdr, msg_flags, 44, 4);

int socket(int family, int type, int protocol);
int socketpair(int family, int type, int protocol, int fds[2]);
int bind(int fd, const struct sockaddr *address, socklen_t length);
int connect(int fd, const struct sockaddr *address, socklen_t length);
int listen(int fd, int backlog);
int accept(int fd, struct sockaddr *restrict address, socklen_t *restrict length);
int accept4(int fd, struct sockaddr *restrict address, socklen_t *restrict length, int flags);
int getsockname(int fd, struct sockaddr *restrict address, socklen_t *restrict length);
int getpeername(int fd, struct sockaddr *restrict address, socklen_t *restrict length);
int shutdown(int fd, int how);
int getsockopt(int fd, int level, int name, void *restrict value, socklen_t *restrict length);
int setsockopt(int fd, int level, int name, const void *value, socklen_t length);
ssize_t send(int fd, const void *from, size_t n, int flags);
ssize_t recv(int fd, void *to, size_t n, int flags);
ssize_t sendmsg(int fd, const struct msghdr *message, int flags);
ssize_t sendto(int fd, const void *from, size_t n, int flags, const struct sockaddr *to, socklen_t length);
ssize_t recvfrom(int fd, void *restrict to, size_t n, int flags, struct sockaddr *restrict from,
                 socklen_t *restrict length);

#endif
