/* DragonFly: TCP options (DragonFlyBSD/DragonFlyBSD sys/netinet/tcp.h). Stand-in (native/abi/README.md). */
#ifndef MIO4J_ABI_DRAGONFLY_NETINET_TCP_H
#define MIO4J_ABI_DRAGONFLY_NETINET_TCP_H

#define TCP_NODELAY             0x01
#define TCP_KEEPIDLE            256
#define TCP_KEEPINTVL           512
#define TCP_KEEPCNT             1024

#endif
