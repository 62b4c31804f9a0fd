/* Stand-in for illumos's <netinet/tcp.h> (usr/src/uts/common/netinet/tcp.h). */
#ifndef MIO4J_ABI_NETINET_TCP_H
#define MIO4J_ABI_NETINET_TCP_H

#define TCP_NODELAY 0x01
#define TCP_KEEPIDLE 0x22
#define TCP_KEEPCNT 0x23
#define TCP_KEEPINTVL 0x24

#endif
