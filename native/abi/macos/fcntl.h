/* macOS: fcntl(2) and its flags (apple-oss-distributions/xnu bsd/sys/fcntl.h (xnu-11417.101.15)). Stand-in (native/abi/README.md). */
#ifndef MIO4J_ABI_MACOS_FCNTL_H
#define MIO4J_ABI_MACOS_FCNTL_H

#define F_GETFD                 1
#define F_SETFD                 2
#define F_GETFL                 3
#define F_SETFL                 4
#define FD_CLOEXEC              1
#define O_NONBLOCK              0x00000004
#define O_CLOEXEC               0x01000000

int fcntl(int fd, int command, ...);

#endif
