/* Stand-in for illumos's <poll.h>: the poll(2) bits (usr/src/uts/common/sys/poll.h),
 * which are also the events of a PORT_SOURCE_FD association. POLLRDHUP ("read-side
 * hangup", 0x4000 here, 0x2000 on Linux) is illumos's; Oracle Solaris 11 has none,
 * so C reports it only where the headers define it. */
#ifndef MIO4J_ABI_POLL_H
#define MIO4J_ABI_POLL_H

#define POLLIN 0x0001
#define POLLPRI 0x0002
#define POLLOUT 0x0004
#define POLLERR 0x0008
#define POLLHUP 0x0010
#define POLLNVAL 0x0020
#define POLLRDNORM 0x0040
#define POLLRDHUP 0x4000

#endif
