/* Winsock calls for mio4j's io.mio4j.net classes. See socket_win.h. */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <mstcpip.h>
#include <windows.h>
#include <stddef.h>
#include <string.h>

#include "socket_win.h"

#ifndef WSA_FLAG_NO_HANDLE_INHERIT
#define WSA_FLAG_NO_HANDLE_INHERIT 0x80
#endif
/* Windows 10 1709+ names; older mingw headers lack them. */
#ifndef TCP_KEEPIDLE
#define TCP_KEEPIDLE 3
#endif
#ifndef TCP_KEEPCNT
#define TCP_KEEPCNT 16
#endif
#ifndef TCP_KEEPINTVL
#define TCP_KEEPINTVL 17
#endif

static INIT_ONCE mio4j_win_init_once = INIT_ONCE_STATIC_INIT;
static int mio4j_win_init_error;

static BOOL CALLBACK mio4j_win_startup(PINIT_ONCE once, PVOID param, PVOID *context)
{
    WSADATA data;
    (void)once;
    (void)param;
    (void)context;
    mio4j_win_init_error = WSAStartup(MAKEWORD(2, 2), &data);
    return TRUE;
}

int32_t mio4j_win_init(void)
{
    InitOnceExecuteOnce(&mio4j_win_init_once, mio4j_win_startup, NULL, NULL);
    return -mio4j_win_init_error;
}

static int32_t last_error(void)
{
    return -WSAGetLastError();
}

int32_t mio4j_win_addr_size(void) { return sizeof(struct mio4j_win_addr); }
int32_t mio4j_win_addr_family_offset(void) { return offsetof(struct mio4j_win_addr, family); }
int32_t mio4j_win_addr_port_offset(void) { return offsetof(struct mio4j_win_addr, port); }
int32_t mio4j_win_addr_scope_id_offset(void) { return offsetof(struct mio4j_win_addr, scope_id); }
int32_t mio4j_win_addr_addr_offset(void) { return offsetof(struct mio4j_win_addr, addr); }
int32_t mio4j_win_iov_size(void) { return sizeof(struct mio4j_win_iov); }
int32_t mio4j_win_iov_address_offset(void) { return offsetof(struct mio4j_win_iov, address); }
int32_t mio4j_win_iov_length_offset(void) { return offsetof(struct mio4j_win_iov, length); }

/* Our address layout -> sockaddr. Returns the sockaddr length, or -WSAEFAULT /
 * -WSAEAFNOSUPPORT. */
static int to_sockaddr(const struct mio4j_win_addr *in, SOCKADDR_STORAGE *out)
{
    memset(out, 0, sizeof(*out));
    if (in == NULL) return -WSAEFAULT;
    if (in->family == MIO4J_WIN_FAMILY_V4) {
        SOCKADDR_IN *v4 = (SOCKADDR_IN *)out;
        v4->sin_family = AF_INET;
        v4->sin_port = htons(in->port);
        memcpy(&v4->sin_addr, in->addr, 4);
        return sizeof(*v4);
    }
    if (in->family == MIO4J_WIN_FAMILY_V6) {
        SOCKADDR_IN6 *v6 = (SOCKADDR_IN6 *)out;
        v6->sin6_family = AF_INET6;
        v6->sin6_port = htons(in->port);
        v6->sin6_scope_id = in->scope_id;
        memcpy(&v6->sin6_addr, in->addr, 16);
        return sizeof(*v6);
    }
    return -WSAEAFNOSUPPORT;
}

static void from_sockaddr(const SOCKADDR_STORAGE *in, struct mio4j_win_addr *out)
{
    memset(out, 0, sizeof(*out));
    if (in->ss_family == AF_INET) {
        const SOCKADDR_IN *v4 = (const SOCKADDR_IN *)in;
        out->family = MIO4J_WIN_FAMILY_V4;
        out->port = ntohs(v4->sin_port);
        memcpy(out->addr, &v4->sin_addr, 4);
    } else if (in->ss_family == AF_INET6) {
        const SOCKADDR_IN6 *v6 = (const SOCKADDR_IN6 *)in;
        out->family = MIO4J_WIN_FAMILY_V6;
        out->port = ntohs(v6->sin6_port);
        out->scope_id = v6->sin6_scope_id;
        memcpy(out->addr, &v6->sin6_addr, 16);
    }
}

static int32_t set_nonblocking(SOCKET s)
{
    u_long on = 1;
    return ioctlsocket(s, FIONBIO, &on) == 0 ? 0 : last_error();
}

int64_t mio4j_win_socket(int32_t family, int32_t type)
{
    int af, wtype;
    int32_t rc = mio4j_win_init();
    if (rc < 0) return rc;
    if (family == MIO4J_WIN_FAMILY_V4) af = AF_INET;
    else if (family == MIO4J_WIN_FAMILY_V6) af = AF_INET6;
    else return -WSAEAFNOSUPPORT;
    if (type == MIO4J_WIN_STREAM) wtype = SOCK_STREAM;
    else if (type == MIO4J_WIN_DATAGRAM) wtype = SOCK_DGRAM;
    else return -WSAESOCKTNOSUPPORT;

    /* Overlapped: AFD polling needs it; no-inherit: sockets are close-on-exec. */
    SOCKET s = WSASocketW(af, wtype, 0, NULL, 0, WSA_FLAG_OVERLAPPED | WSA_FLAG_NO_HANDLE_INHERIT);
    if (s == INVALID_SOCKET) return last_error();
    rc = set_nonblocking(s);
    if (rc < 0) {
        closesocket(s);
        return rc;
    }
    return (int64_t)s;
}

int32_t mio4j_win_closesocket(SOCKET s)
{
    return closesocket(s) == 0 ? 0 : last_error();
}

int32_t mio4j_win_bind(SOCKET s, const struct mio4j_win_addr *local)
{
    SOCKADDR_STORAGE sa;
    int len = to_sockaddr(local, &sa);
    if (len < 0) return len;
    return bind(s, (SOCKADDR *)&sa, len) == 0 ? 0 : last_error();
}

int32_t mio4j_win_listen(SOCKET s, int32_t backlog)
{
    return listen(s, backlog) == 0 ? 0 : last_error();
}

int64_t mio4j_win_accept(SOCKET s, struct mio4j_win_addr *peer)
{
    SOCKADDR_STORAGE sa;
    int len = sizeof(sa);
    SOCKET c = accept(s, (SOCKADDR *)&sa, &len);
    if (c == INVALID_SOCKET) return last_error();
    /* An accepted socket copies the listener's flags, but we do not rely on it. */
    int32_t rc = set_nonblocking(c);
    if (rc == 0 && !SetHandleInformation((HANDLE)c, HANDLE_FLAG_INHERIT, 0)) rc = -(int32_t)GetLastError();
    if (rc < 0) {
        closesocket(c);
        return rc;
    }
    if (peer != NULL) from_sockaddr(&sa, peer);
    return (int64_t)c;
}

int32_t mio4j_win_connect(SOCKET s, const struct mio4j_win_addr *remote)
{
    SOCKADDR_STORAGE sa;
    int len = to_sockaddr(remote, &sa);
    if (len < 0) return len;
    if (connect(s, (SOCKADDR *)&sa, len) == 0) return 0;
    int err = WSAGetLastError();
    return err == WSAEWOULDBLOCK ? 1 : -err;
}

/* A datagram longer than the buffer fails with WSAEMSGSIZE after filling it; the
 * Java contract is to return the truncated length. Called after the receive (never
 * in the same expression: argument evaluation order is unspecified). */
static int32_t received(int rc, DWORD bytes, int32_t room)
{
    if (rc == 0) return (int32_t)bytes;
    int err = WSAGetLastError();
    return err == WSAEMSGSIZE ? room : -err;
}

static DWORD recv_flags(int32_t flags)
{
    return (flags & MIO4J_WIN_PEEK) ? MSG_PEEK : 0;
}

int32_t mio4j_win_recv(SOCKET s, void *buf, int32_t len, int32_t flags)
{
    if (buf == NULL || len < 0) return -WSAEFAULT;
    WSABUF wb = { (ULONG)len, buf };
    DWORD bytes = 0, wflags = recv_flags(flags);
    int rc = WSARecv(s, &wb, 1, &bytes, &wflags, NULL, NULL);
    return received(rc, bytes, len);
}

/* Copies our iov array into WSABUFs; returns the count used or a negative error. */
static int to_wsabufs(const struct mio4j_win_iov *iov, int32_t count, WSABUF *out, int32_t *total)
{
    if (iov == NULL || count < 1) return -WSAEINVAL;
    if (count > MIO4J_WIN_IOV_MAX) count = MIO4J_WIN_IOV_MAX;
    int64_t sum = 0;
    for (int32_t i = 0; i < count; i++) {
        if (iov[i].address == 0 && iov[i].length != 0) return -WSAEFAULT;
        out[i].buf = (char *)(uintptr_t)iov[i].address;
        out[i].len = iov[i].length;
        sum += iov[i].length;
    }
    if (sum > INT32_MAX) return -WSAEINVAL;
    *total = (int32_t)sum;
    return count;
}

int32_t mio4j_win_recvv(SOCKET s, const struct mio4j_win_iov *iov, int32_t count)
{
    WSABUF wb[MIO4J_WIN_IOV_MAX];
    int32_t total = 0;
    int n = to_wsabufs(iov, count, wb, &total);
    if (n < 0) return n;
    DWORD bytes = 0, wflags = 0;
    int rc = WSARecv(s, wb, (DWORD)n, &bytes, &wflags, NULL, NULL);
    return received(rc, bytes, total);
}

int32_t mio4j_win_send(SOCKET s, const void *buf, int32_t len)
{
    if (buf == NULL || len < 0) return -WSAEFAULT;
    WSABUF wb = { (ULONG)len, (char *)buf };
    DWORD bytes = 0;
    return WSASend(s, &wb, 1, &bytes, 0, NULL, NULL) == 0 ? (int32_t)bytes : last_error();
}

int32_t mio4j_win_sendv(SOCKET s, const struct mio4j_win_iov *iov, int32_t count)
{
    WSABUF wb[MIO4J_WIN_IOV_MAX];
    int32_t total = 0;
    int n = to_wsabufs(iov, count, wb, &total);
    if (n < 0) return n;
    DWORD bytes = 0;
    return WSASend(s, wb, (DWORD)n, &bytes, 0, NULL, NULL) == 0 ? (int32_t)bytes : last_error();
}

int32_t mio4j_win_recvfrom(SOCKET s, void *buf, int32_t len, int32_t flags,
                           struct mio4j_win_addr *from)
{
    if (buf == NULL || len < 0 || from == NULL) return -WSAEFAULT;
    SOCKADDR_STORAGE sa;
    int salen = sizeof(sa);
    memset(&sa, 0, sizeof(sa));
    WSABUF wb = { (ULONG)len, buf };
    DWORD bytes = 0, wflags = recv_flags(flags);
    int rc = WSARecvFrom(s, &wb, 1, &bytes, &wflags, (SOCKADDR *)&sa, &salen, NULL, NULL);
    int32_t result = received(rc, bytes, len);
    if (result >= 0) from_sockaddr(&sa, from);
    return result;
}

int32_t mio4j_win_sendto(SOCKET s, const void *buf, int32_t len, const struct mio4j_win_addr *to)
{
    if (buf == NULL || len < 0) return -WSAEFAULT;
    SOCKADDR_STORAGE sa;
    int salen = to_sockaddr(to, &sa);
    if (salen < 0) return salen;
    WSABUF wb = { (ULONG)len, (char *)buf };
    DWORD bytes = 0;
    return WSASendTo(s, &wb, 1, &bytes, 0, (SOCKADDR *)&sa, salen, NULL, NULL) == 0
        ? (int32_t)bytes : last_error();
}

int32_t mio4j_win_shutdown(SOCKET s, int32_t how)
{
    if (how < MIO4J_WIN_SHUT_READ || how > MIO4J_WIN_SHUT_BOTH) return -WSAEINVAL;
    return shutdown(s, how) == 0 ? 0 : last_error();
}

int32_t mio4j_win_getsockname(SOCKET s, struct mio4j_win_addr *out)
{
    if (out == NULL) return -WSAEFAULT;
    SOCKADDR_STORAGE sa;
    int len = sizeof(sa);
    memset(&sa, 0, sizeof(sa));
    if (getsockname(s, (SOCKADDR *)&sa, &len) != 0) return last_error();
    from_sockaddr(&sa, out);
    return 0;
}

int32_t mio4j_win_getpeername(SOCKET s, struct mio4j_win_addr *out)
{
    if (out == NULL) return -WSAEFAULT;
    SOCKADDR_STORAGE sa;
    int len = sizeof(sa);
    memset(&sa, 0, sizeof(sa));
    if (getpeername(s, (SOCKADDR *)&sa, &len) != 0) return last_error();
    from_sockaddr(&sa, out);
    return 0;
}

struct option_name {
    int level;
    int name;
};

static int option_lookup(int32_t option, struct option_name *out)
{
    static const struct option_name table[] = {
        [MIO4J_WIN_OPT_REUSEADDR] = { SOL_SOCKET, SO_REUSEADDR },
        [MIO4J_WIN_OPT_EXCLUSIVEADDRUSE] = { SOL_SOCKET, SO_EXCLUSIVEADDRUSE },
        [MIO4J_WIN_OPT_KEEPALIVE] = { SOL_SOCKET, SO_KEEPALIVE },
        [MIO4J_WIN_OPT_RCVBUF] = { SOL_SOCKET, SO_RCVBUF },
        [MIO4J_WIN_OPT_SNDBUF] = { SOL_SOCKET, SO_SNDBUF },
        [MIO4J_WIN_OPT_BROADCAST] = { SOL_SOCKET, SO_BROADCAST },
        [MIO4J_WIN_OPT_LINGER] = { SOL_SOCKET, SO_LINGER },
        [MIO4J_WIN_OPT_ERROR] = { SOL_SOCKET, SO_ERROR },
        [MIO4J_WIN_OPT_TCP_NODELAY] = { IPPROTO_TCP, TCP_NODELAY },
        [MIO4J_WIN_OPT_TCP_KEEPIDLE] = { IPPROTO_TCP, TCP_KEEPIDLE },
        [MIO4J_WIN_OPT_TCP_KEEPINTVL] = { IPPROTO_TCP, TCP_KEEPINTVL },
        [MIO4J_WIN_OPT_TCP_KEEPCNT] = { IPPROTO_TCP, TCP_KEEPCNT },
        [MIO4J_WIN_OPT_IP_TTL] = { IPPROTO_IP, IP_TTL },
        [MIO4J_WIN_OPT_IPV6_UNICAST_HOPS] = { IPPROTO_IPV6, IPV6_UNICAST_HOPS },
        [MIO4J_WIN_OPT_IP_MULTICAST_TTL] = { IPPROTO_IP, IP_MULTICAST_TTL },
        [MIO4J_WIN_OPT_IP_MULTICAST_LOOP] = { IPPROTO_IP, IP_MULTICAST_LOOP },
        [MIO4J_WIN_OPT_IPV6_MULTICAST_LOOP] = { IPPROTO_IPV6, IPV6_MULTICAST_LOOP },
        [MIO4J_WIN_OPT_IPV6_V6ONLY] = { IPPROTO_IPV6, IPV6_V6ONLY },
    };
    if (option < 1 || option >= (int32_t)(sizeof(table) / sizeof(table[0]))) return -WSAENOPROTOOPT;
    *out = table[option];
    return 0;
}

int32_t mio4j_win_getsockopt(SOCKET s, int32_t option, int32_t *value)
{
    struct option_name opt;
    if (value == NULL) return -WSAEFAULT;
    int32_t rc = option_lookup(option, &opt);
    if (rc < 0) return rc;
    if (option == MIO4J_WIN_OPT_LINGER) {
        struct linger l = { 0, 0 };
        int len = sizeof(l);
        if (getsockopt(s, opt.level, opt.name, (char *)&l, &len) != 0) return last_error();
        *value = l.l_onoff ? (int32_t)l.l_linger : -1;
        return 0;
    }
    /* Some boolean options answer with fewer than 4 bytes; start from zero. */
    int v = 0;
    int len = sizeof(v);
    if (getsockopt(s, opt.level, opt.name, (char *)&v, &len) != 0) return last_error();
    *value = v;
    return 0;
}

int32_t mio4j_win_setsockopt(SOCKET s, int32_t option, int32_t value)
{
    struct option_name opt;
    int32_t rc = option_lookup(option, &opt);
    if (rc < 0) return rc;
    if (option == MIO4J_WIN_OPT_ERROR) return -WSAEINVAL;
    if (option == MIO4J_WIN_OPT_LINGER) {
        if (value > 0xFFFF) return -WSAEINVAL;
        struct linger l;
        l.l_onoff = value >= 0;
        l.l_linger = value >= 0 ? (u_short)value : 0;
        return setsockopt(s, opt.level, opt.name, (const char *)&l, sizeof(l)) == 0 ? 0 : last_error();
    }
    int v = value;
    return setsockopt(s, opt.level, opt.name, (const char *)&v, sizeof(v)) == 0 ? 0 : last_error();
}

int32_t mio4j_win_multicast_v4(SOCKET s, const uint8_t *group, const uint8_t *iface, int32_t join)
{
    if (group == NULL) return -WSAEFAULT;
    struct ip_mreq m;
    memset(&m, 0, sizeof(m));
    memcpy(&m.imr_multiaddr, group, 4);
    if (iface != NULL) memcpy(&m.imr_interface, iface, 4);
    int name = join ? IP_ADD_MEMBERSHIP : IP_DROP_MEMBERSHIP;
    return setsockopt(s, IPPROTO_IP, name, (const char *)&m, sizeof(m)) == 0 ? 0 : last_error();
}

int32_t mio4j_win_multicast_v6(SOCKET s, const uint8_t *group, uint32_t iface_index, int32_t join)
{
    if (group == NULL) return -WSAEFAULT;
    struct ipv6_mreq m;
    memset(&m, 0, sizeof(m));
    memcpy(&m.ipv6mr_multiaddr, group, 16);
    m.ipv6mr_interface = iface_index;
    int name = join ? IPV6_ADD_MEMBERSHIP : IPV6_DROP_MEMBERSHIP;
    return setsockopt(s, IPPROTO_IPV6, name, (const char *)&m, sizeof(m)) == 0 ? 0 : last_error();
}
