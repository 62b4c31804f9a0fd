/* Stand-in for illumos's <sys/ioctl.h>, which brings FIONBIO from sys/filio.h:
 * _IOW('f', 126, int) with sys/ioccom.h's encoding, IOC_IN 0x80000000 |
 * sizeof(int) << 16 | 'f' << 8 | 126. */
#ifndef MIO4J_ABI_SYS_IOCTL_H
#define MIO4J_ABI_SYS_IOCTL_H

#define FIONBIO ((int) 0x8004667eU)
_Static_assert(FIONBIO == (int) (0x80000000U | (sizeof(int) << 16) | ('f' << 8) | 126), "FIONBIO");

int ioctl(int fd, int request, ...);

#endif
