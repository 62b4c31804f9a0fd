/* OpenBSD: TCP options (openbsd/src sys/netinet/tcp.h). Stand-in (native/abi/README.md). */
#ifndef MIO4J_ABI_OPENBSD_NETINET_TCP_H
#define MIO4J_ABI_OPENBSD_NETINET_TCP_H

#define TCP_NODELAY             0x01
/* no TCP_KEEPIDLE/TCP_KEEPINTVL/TCP_KEEPCNT (system-wide sysctls only): the options are unsupported */

#endif
