/* Stand-in for illumos's <sys/socket.h> (usr/src/uts/common/sys/socket.h, with
 * sys/socket_impl.h for the address structs). SOCK_STREAM and SOCK_DGRAM are swapped
 * against Linux's; there is no SO_REUSEPORT (0x0200 is SO_DGRAM_ERRIND). The functions
 * are in libsocket.so.1 (accept4: ILLUMOS_0.1; usr/src/lib/libsocket/common/mapfile-vers),
 * the default (non-XPG) symbols, which read struct msghdr as declared here. */
#ifndef MIO4J_ABI_SYS_SOCKET_H
#define MIO4J_ABI_SYS_SOCKET_H

#include <sys/types.h>
#include <sys/uio.h>

typedef uint32_t socklen_t;     /* uint32_t when LP64 */
typedef uint16_t sa_family_t;

#define SOCK_STREAM 2            /* NC_TPI_COTS; Linux: 1 */
#define SOCK_DGRAM 1             /* NC_TPI_CLTS; Linux: 2 */
#define SOCK_CLOEXEC 0x080000
#define SOCK_NONBLOCK 0x100000

#define SOL_SOCKET 0xffff
#define SO_ACCEPTCONN 0x0002
#define SO_REUSEADDR 0x0004
#define SO_KEEPALIVE 0x0008
#define SO_BROADCAST 0x0020
#define SO_LINGER 0x0080
#define SO_OOBINLINE 0x0100
#define SO_SNDBUF 0x1001
#define SO_RCVBUF 0x1002
#define SO_ERROR 0x1007
#define SO_TYPE 0x1008

#define AF_UNIX 1
#define AF_INET 2
#define AF_INET6 26
#define SOMAXCONN 128

#define MSG_PEEK 0x2
#define MSG_TRUNC 0x20
#define MSG_NOSIGNAL 0x200

#define SHUT_RD 0
#define SHUT_WR 1
#define SHUT_RDWR 2

/* No sa_len byte: the family comes first. */
struct sockaddr {
    sa_family_t sa_family;
    char sa_data[14];
};
struct sockaddr_storage {
    sa_family_t ss_family;
    char ss_pad1[8 - sizeof(sa_family_t)];
    double ss_align;             /* aligned as a double: _SS_ALIGNSIZE 8 */
    char ss_pad2[256 - 8 - 8];
};
_Static_assert(sizeof(struct sockaddr) == 16, "sockaddr");
_Static_assert(sizeof(struct sockaddr_storage) == 256 && _Alignof(struct sockaddr_storage) == 8,
               "sockaddr_storage: _SS_MAXSIZE 256, 8-byte alignment");

struct linger {
    int l_onoff;
    int l_linger;
};
_Static_assert(sizeof(struct linger) == 8, "linger");

/* As the default symbols read it: msg_accrights where XPG has msg_control, same
 * offsets for what we set (name, iov). */
struct msghdr {
    void *msg_name;
    socklen_t msg_namelen;
    struct iovec *msg_iov;
    int msg_iovlen;              /* an int here, size_t on Linux */
    char *msg_accrights;
    int msg_accrightslen;
};
_Static_assert(offsetof(struct msghdr, msg_iov) == 16 && offsetof(struct msghdr, msg_iovlen) == 24
               && offsetof(struct msghdr, msg_accrights) == 32 && sizeof(struct msghdr) == 48,
               "msghdr");

int socket(int family, int type, int protocol);
int socketpair(int family, int type, int protocol, int fds[2]);
int bind(int fd, const struct sockaddr *sa, socklen_t len);
int connect(int fd, const struct sockaddr *sa, socklen_t len);
int listen(int fd, int backlog);
int accept4(int fd, struct sockaddr *sa, socklen_t *len, int flags);
int getsockname(int fd, struct sockaddr *sa, socklen_t *len);
int getpeername(int fd, struct sockaddr *sa, socklen_t *len);
int getsockopt(int fd, int level, int name, void *value, socklen_t *len);
int setsockopt(int fd, int level, int name, const void *value, socklen_t len);
int shutdown(int fd, int how);
ssize_t send(int fd, const void *buf, size_t len, int flags);
ssize_t recv(int fd, void *buf, size_t len, int flags);
ssize_t sendto(int fd, const void *buf, size_t len, int flags, const struct sockaddr *to,
               socklen_t to_len);
ssize_t recvfrom(int fd, void *buf, size_t len, int flags, struct sockaddr *from,
                 socklen_t *from_len);
ssize_t sendmsg(int fd, const struct msghdr *msg, int flags);

#endif
