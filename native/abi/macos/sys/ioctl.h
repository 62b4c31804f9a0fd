/* macOS: ioctl(2) and FIONBIO, _IOW('f', 126, int) (apple-oss-distributions/xnu bsd/sys/filio.h (xnu-11417.101.15)). Stand-in (native/abi/README.md). */
#ifndef MIO4J_ABI_MACOS_SYS_IOCTL_H
#define MIO4J_ABI_MACOS_SYS_IOCTL_H

#define FIONBIO                 0x8004667e

int ioctl(int fd, unsigned long request, ...);

#endif
