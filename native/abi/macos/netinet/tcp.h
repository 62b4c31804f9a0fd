/* macOS: TCP options (apple-oss-distributions/xnu bsd/netinet/tcp.h (xnu-11417.101.15)). Stand-in (native/abi/README.md). */
#ifndef MIO4J_ABI_MACOS_NETINET_TCP_H
#define MIO4J_ABI_MACOS_NETINET_TCP_H

#define TCP_NODELAY             0x01
#define TCP_KEEPALIVE           0x10   /* idle time (macOS has no TCP_KEEPIDLE) */
#define TCP_KEEPINTVL           0x101
#define TCP_KEEPCNT             0x102

#endif
