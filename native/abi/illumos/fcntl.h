/* Stand-in for illumos's <fcntl.h> (usr/src/uts/common/sys/fcntl.h). O_NONBLOCK is
 * 0x80 here, 0x800 on Linux. */
#ifndef MIO4J_ABI_FCNTL_H
#define MIO4J_ABI_FCNTL_H

#define O_NONBLOCK 0x80
#define O_CLOEXEC 0x800000
#define F_GETFD 1
#define F_SETFD 2
#define F_GETFL 3
#define F_SETFL 4
#define FD_CLOEXEC 1

int fcntl(int fd, int cmd, ...);

#endif
