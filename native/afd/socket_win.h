/* mio4j Windows sockets: the Winsock calls behind io.mio4j.net, one call (or a fixed
 * short sequence) per function, no decisions.
 *
 * Error convention: >= 0 on success, a negated Winsock/Win32 error on failure
 * (for example -10035 = -WSAEWOULDBLOCK, which the Java side treats as "would block",
 * not as an exception). Every socket is created non-blocking, overlapped-capable
 * (required by the AFD selector) and not inheritable. */
#ifndef MIO4J_SOCKET_WIN_H
#define MIO4J_SOCKET_WIN_H

#include <stdint.h>
#include <winsock2.h>

#include "mio4j_export.h"

/* A socket address in a layout of our own, 24 bytes, native byte order for the
 * integers:
 *   offset 0:  family    4 = IPv4, 6 = IPv6 (0 in output means "no address")
 *   offset 2:  port      host byte order
 *   offset 4:  scope_id  IPv6 scope id (0 for IPv4)
 *   offset 8:  addr[16]  address bytes in network order; IPv4 uses addr[0..3]
 * IPv6 flow info is not carried (always 0). */
struct mio4j_win_addr {
    uint16_t family;
    uint16_t port;
    uint32_t scope_id;
    uint8_t addr[16];
};

#define MIO4J_WIN_FAMILY_V4 4
#define MIO4J_WIN_FAMILY_V6 6

#define MIO4J_WIN_STREAM   1
#define MIO4J_WIN_DATAGRAM 2

/* recv/recvfrom flag */
#define MIO4J_WIN_PEEK 1

/* shutdown how (the SD_* values) */
#define MIO4J_WIN_SHUT_READ  0
#define MIO4J_WIN_SHUT_WRITE 1
#define MIO4J_WIN_SHUT_BOTH  2

/* One buffer of a scattering read or gathering write, 16 bytes:
 *   offset 0: address (a pointer widened to 64 bits), offset 8: length, offset 12: 0.
 * At most MIO4J_WIN_IOV_MAX buffers are used per call; later ones are left alone
 * (a short read or write, which the caller already handles). */
struct mio4j_win_iov {
    uint64_t address;
    uint32_t length;
    uint32_t pad;
};
#define MIO4J_WIN_IOV_MAX 64

/* Socket options by our own number; each maps to one (level, name) in socket_win.c.
 * Values are ints; booleans are 0/1. LINGER: seconds, or -1 for off. ERROR is read
 * only: the pending SO_ERROR (0 when none). */
enum mio4j_win_option {
    MIO4J_WIN_OPT_REUSEADDR = 1,
    MIO4J_WIN_OPT_EXCLUSIVEADDRUSE = 2,
    MIO4J_WIN_OPT_KEEPALIVE = 3,
    MIO4J_WIN_OPT_RCVBUF = 4,
    MIO4J_WIN_OPT_SNDBUF = 5,
    MIO4J_WIN_OPT_BROADCAST = 6,
    MIO4J_WIN_OPT_LINGER = 7,
    MIO4J_WIN_OPT_ERROR = 8,
    MIO4J_WIN_OPT_TCP_NODELAY = 9,
    MIO4J_WIN_OPT_TCP_KEEPIDLE = 10,
    MIO4J_WIN_OPT_TCP_KEEPINTVL = 11,
    MIO4J_WIN_OPT_TCP_KEEPCNT = 12,
    MIO4J_WIN_OPT_IP_TTL = 13,
    MIO4J_WIN_OPT_IPV6_UNICAST_HOPS = 14,
    MIO4J_WIN_OPT_IP_MULTICAST_TTL = 15,
    MIO4J_WIN_OPT_IP_MULTICAST_LOOP = 16,
    MIO4J_WIN_OPT_IPV6_MULTICAST_LOOP = 17,
    MIO4J_WIN_OPT_IPV6_V6ONLY = 18
};

/* WSAStartup once per process; every other function here (and selector_open) calls
 * it, so calling it explicitly is optional. */
MIO4J_API int32_t mio4j_win_init(void);

MIO4J_API int32_t mio4j_win_addr_size(void);
MIO4J_API int32_t mio4j_win_addr_family_offset(void);
MIO4J_API int32_t mio4j_win_addr_port_offset(void);
MIO4J_API int32_t mio4j_win_addr_scope_id_offset(void);
MIO4J_API int32_t mio4j_win_addr_addr_offset(void);
MIO4J_API int32_t mio4j_win_iov_size(void);
MIO4J_API int32_t mio4j_win_iov_address_offset(void);
MIO4J_API int32_t mio4j_win_iov_length_offset(void);

/* family MIO4J_WIN_FAMILY_*, type MIO4J_WIN_STREAM/DATAGRAM. Returns the SOCKET. */
MIO4J_API int64_t mio4j_win_socket(int32_t family, int32_t type);
MIO4J_API int32_t mio4j_win_closesocket(SOCKET s);
MIO4J_API int32_t mio4j_win_bind(SOCKET s, const struct mio4j_win_addr *local);
MIO4J_API int32_t mio4j_win_listen(SOCKET s, int32_t backlog);
/* Returns the new non-blocking, non-inheritable SOCKET; peer may be NULL.
 * -WSAEWOULDBLOCK when no connection is pending. */
MIO4J_API int64_t mio4j_win_accept(SOCKET s, struct mio4j_win_addr *peer);
/* 0: connected at once; 1: in progress (wait for WRITABLE, then read OPT_ERROR). */
MIO4J_API int32_t mio4j_win_connect(SOCKET s, const struct mio4j_win_addr *remote);
/* Bytes received (0 at end of stream or for an empty datagram); a datagram longer
 * than len is truncated to len. flags: 0 or MIO4J_WIN_PEEK. */
MIO4J_API int32_t mio4j_win_recv(SOCKET s, void *buf, int32_t len, int32_t flags);
MIO4J_API int32_t mio4j_win_recvv(SOCKET s, const struct mio4j_win_iov *iov, int32_t count);
MIO4J_API int32_t mio4j_win_send(SOCKET s, const void *buf, int32_t len);
MIO4J_API int32_t mio4j_win_sendv(SOCKET s, const struct mio4j_win_iov *iov, int32_t count);
/* from receives the sender's address; it may not be NULL. */
MIO4J_API int32_t mio4j_win_recvfrom(SOCKET s, void *buf, int32_t len, int32_t flags,
                                     struct mio4j_win_addr *from);
MIO4J_API int32_t mio4j_win_sendto(SOCKET s, const void *buf, int32_t len,
                                   const struct mio4j_win_addr *to);
MIO4J_API int32_t mio4j_win_shutdown(SOCKET s, int32_t how);
MIO4J_API int32_t mio4j_win_getsockname(SOCKET s, struct mio4j_win_addr *out);
/* -WSAENOTCONN while not connected. */
MIO4J_API int32_t mio4j_win_getpeername(SOCKET s, struct mio4j_win_addr *out);
MIO4J_API int32_t mio4j_win_getsockopt(SOCKET s, int32_t option, int32_t *value);
MIO4J_API int32_t mio4j_win_setsockopt(SOCKET s, int32_t option, int32_t value);
/* Multicast membership. join: 1 join, 0 leave. v4: group and iface are 4 address
 * bytes (iface NULL = any); v6: 16 group bytes and an interface index. */
MIO4J_API int32_t mio4j_win_multicast_v4(SOCKET s, const uint8_t *group, const uint8_t *iface,
                                         int32_t join);
MIO4J_API int32_t mio4j_win_multicast_v6(SOCKET s, const uint8_t *group, uint32_t iface_index,
                                         int32_t join);

#endif
