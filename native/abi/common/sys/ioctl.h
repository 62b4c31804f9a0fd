/* ioctl(2) and FIONBIO, _IOW('f', 126, int), the same on macOS, FreeBSD, NetBSD, OpenBSD and
 * DragonFly (sys/sys/filio.h of freebsd/freebsd-src, NetBSD/src, openbsd/src,
 * DragonFlyBSD/DragonFlyBSD; bsd/sys/filio.h of apple-oss-distributions/xnu
 * xnu-11417.101.15). illumos has its own. Stand-in (native/abi/README.md). */
#ifndef MIO4J_ABI_SYS_IOCTL_H
#define MIO4J_ABI_SYS_IOCTL_H

#define FIONBIO                 0x8004667e

int ioctl(int fd, unsigned long request, ...);

#endif
