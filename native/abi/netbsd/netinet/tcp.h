/* NetBSD: TCP options (NetBSD/src sys/netinet/tcp.h). Stand-in (native/abi/README.md). */
#ifndef MIO4J_ABI_NETBSD_NETINET_TCP_H
#define MIO4J_ABI_NETBSD_NETINET_TCP_H

#define TCP_NODELAY             0x01
#define TCP_KEEPIDLE            3
#define TCP_KEEPINTVL           5
#define TCP_KEEPCNT             6

#endif
