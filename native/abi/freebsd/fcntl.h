/* FreeBSD: fcntl(2) and its flags (freebsd/freebsd-src sys/sys/fcntl.h). Stand-in (native/abi/README.md). */
#ifndef MIO4J_ABI_FREEBSD_FCNTL_H
#define MIO4J_ABI_FREEBSD_FCNTL_H

#define F_GETFD                 1
#define F_SETFD                 2
#define F_GETFL                 3
#define F_SETFL                 4
#define FD_CLOEXEC              1
#define O_NONBLOCK              0x00000004
#define O_CLOEXEC               0x00100000

int fcntl(int fd, int command, ...);

#endif
