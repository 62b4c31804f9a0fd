/* IPv4 and IPv6 addresses and options, the same on FreeBSD, NetBSD, OpenBSD and DragonFly:
 * sys/netinet/in.h and sys/netinet6/in6.h (which the OS's netinet/in.h includes) of
 * freebsd/freebsd-src, NetBSD/src, openbsd/src and DragonFlyBSD/DragonFlyBSD. macOS
 * (IPV6_TCLASS differs) and illumos have their own. Stand-in (native/abi/README.md). */
#ifndef MIO4J_ABI_NETINET_IN_H
#define MIO4J_ABI_NETINET_IN_H

#include <sys/socket.h>
#include <mio4j_byteorder.h>

typedef uint16_t in_port_t;
typedef uint32_t in_addr_t;

#define IPPROTO_IP              0
#define IPPROTO_TCP             6
#define IPPROTO_UDP             17
#define IPPROTO_IPV6            41

#define IP_TOS                  3
#define IP_TTL                  4
#define IP_MULTICAST_IF         9
#define IP_MULTICAST_TTL        10
#define IP_MULTICAST_LOOP       11
#define IP_ADD_MEMBERSHIP       12
#define IP_DROP_MEMBERSHIP      13

#define IPV6_UNICAST_HOPS       4
#define IPV6_MULTICAST_IF       9
#define IPV6_MULTICAST_HOPS     10
#define IPV6_MULTICAST_LOOP     11
#define IPV6_JOIN_GROUP         12   /* the BSD name; Linux also has IPV6_ADD_MEMBERSHIP */
#define IPV6_LEAVE_GROUP        13
#define IPV6_V6ONLY             27
#define IPV6_TCLASS             61

/* RFC 3493: SIN6_LEN (defined, empty) says that sockaddr_in6 has sin6_len. */
#define SIN6_LEN

struct in_addr {
    in_addr_t s_addr;
};
MIO4J_ABI_SIZE(struct in_addr, 4);

struct in6_addr {
    union {
        uint8_t __u6_addr8[16];
        uint16_t __u6_addr16[8];
        uint32_t __u6_addr32[4];
    } __u6_addr;
};
MIO4J_ABI_SIZE(struct in6_addr, 16);

struct sockaddr_in {
    uint8_t sin_len;
    sa_family_t sin_family;
    in_port_t sin_port;
    struct in_addr sin_addr;
    char sin_zero[8];
};
MIO4J_ABI_SIZE(struct sockaddr_in, 16);
MIO4J_ABI_FIELD(struct sockaddr_in, sin_len, 0, 1);
MIO4J_ABI_FIELD(struct sockaddr_in, sin_family, 1, 1);
MIO4J_ABI_FIELD(struct sockaddr_in, sin_port, 2, 2);
MIO4J_ABI_FIELD(struct sockaddr_in, sin_addr, 4, 4);

struct sockaddr_in6 {
    uint8_t sin6_len;
    sa_family_t sin6_family;
    in_port_t sin6_port;
    uint32_t sin6_flowinfo;
    struct in6_addr sin6_addr;
    uint32_t sin6_scope_id;
};
MIO4J_ABI_SIZE(struct sockaddr_in6, 28);
MIO4J_ABI_FIELD(struct sockaddr_in6, sin6_len, 0, 1);
MIO4J_ABI_FIELD(struct sockaddr_in6, sin6_family, 1, 1);
MIO4J_ABI_FIELD(struct sockaddr_in6, sin6_port, 2, 2);
MIO4J_ABI_FIELD(struct sockaddr_in6, sin6_flowinfo, 4, 4);
MIO4J_ABI_FIELD(struct sockaddr_in6, sin6_addr, 8, 16);
MIO4J_ABI_FIELD(struct sockaddr_in6, sin6_scope_id, 24, 4);

struct ip_mreq {
    struct in_addr imr_multiaddr;
    struct in_addr imr_interface;
};
MIO4J_ABI_SIZE(struct ip_mreq, 8);
MIO4J_ABI_FIELD(struct ip_mreq, imr_interface, 4, 4);

struct ipv6_mreq {
    struct in6_addr ipv6mr_multiaddr;
    unsigned int ipv6mr_interface;
};
MIO4J_ABI_SIZE(struct ipv6_mreq, 20);
MIO4J_ABI_FIELD(struct ipv6_mreq, ipv6mr_interface, 16, 4);

#endif
