/* Stand-in for illumos's <netinet/in.h> (usr/src/uts/common/netinet/in.h).
 * sockaddr_in6 is 32 bytes here (a trailing __sin6_src_id), 28 on Linux. */
#ifndef MIO4J_ABI_NETINET_IN_H
#define MIO4J_ABI_NETINET_IN_H

#include <sys/socket.h>

typedef uint16_t in_port_t;
typedef uint32_t in_addr_t;

#define IPPROTO_IP 0
#define IPPROTO_TCP 6
#define IPPROTO_UDP 17
#define IPPROTO_IPV6 41

#define IP_TOS 3
#define IP_TTL 4
#define IP_MULTICAST_IF 0x10
#define IP_MULTICAST_TTL 0x11
#define IP_MULTICAST_LOOP 0x12
#define IP_ADD_MEMBERSHIP 0x13
#define IP_DROP_MEMBERSHIP 0x14

#define IPV6_UNICAST_HOPS 0x5
#define IPV6_MULTICAST_IF 0x6
#define IPV6_MULTICAST_HOPS 0x7
#define IPV6_MULTICAST_LOOP 0x8
#define IPV6_JOIN_GROUP 0x9
#define IPV6_LEAVE_GROUP 0xa
#define IPV6_TCLASS 0x26
#define IPV6_V6ONLY 0x27

struct in_addr {
    in_addr_t s_addr;            /* a union there; the same 4 bytes */
};
struct in6_addr {
    union {
        uint8_t u8[16];
        uint32_t u32[4];
    } s6_un;
};
#define s6_addr s6_un.u8

struct sockaddr_in {
    sa_family_t sin_family;
    in_port_t sin_port;
    struct in_addr sin_addr;
    char sin_zero[8];
};
struct sockaddr_in6 {
    sa_family_t sin6_family;
    in_port_t sin6_port;
    uint32_t sin6_flowinfo;
    struct in6_addr sin6_addr;
    uint32_t sin6_scope_id;
    uint32_t sin6_src_id;
};
struct ip_mreq {
    struct in_addr imr_multiaddr;
    struct in_addr imr_interface;
};
struct ipv6_mreq {
    struct in6_addr ipv6mr_multiaddr;
    unsigned int ipv6mr_interface;
};
_Static_assert(sizeof(struct in6_addr) == 16 && _Alignof(struct in6_addr) == 4, "in6_addr");
_Static_assert(sizeof(struct sockaddr_in) == 16 && offsetof(struct sockaddr_in, sin_port) == 2
               && offsetof(struct sockaddr_in, sin_addr) == 4, "sockaddr_in");
_Static_assert(sizeof(struct sockaddr_in6) == 32 && offsetof(struct sockaddr_in6, sin6_port) == 2
               && offsetof(struct sockaddr_in6, sin6_flowinfo) == 4
               && offsetof(struct sockaddr_in6, sin6_addr) == 8
               && offsetof(struct sockaddr_in6, sin6_scope_id) == 24, "sockaddr_in6");
_Static_assert(sizeof(struct ip_mreq) == 8 && sizeof(struct ipv6_mreq) == 20, "ip_mreq, ipv6_mreq");

/* x86-64 is little-endian. Inline, so the library imports no htons. */
static inline uint16_t htons(uint16_t v) { return __builtin_bswap16(v); }
static inline uint16_t ntohs(uint16_t v) { return __builtin_bswap16(v); }
static inline uint32_t htonl(uint32_t v) { return __builtin_bswap32(v); }
static inline uint32_t ntohl(uint32_t v) { return __builtin_bswap32(v); }

#endif
