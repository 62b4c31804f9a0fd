/* OpenBSD: ioctl(2) and FIONBIO, _IOW('f', 126, int) (openbsd/src sys/sys/filio.h). Stand-in (native/abi/README.md). */
#ifndef MIO4J_ABI_OPENBSD_SYS_IOCTL_H
#define MIO4J_ABI_OPENBSD_SYS_IOCTL_H

#define FIONBIO                 0x8004667e

int ioctl(int fd, unsigned long request, ...);

#endif
