/* errno and the values below 35, the same on macOS and every BSD (and Linux).
 * See README.md. */
#ifndef MIO4J_NOSYSROOT_ERRNO_H
#define MIO4J_NOSYSROOT_ERRNO_H

#if defined(__APPLE__) || defined(__FreeBSD__)
int *__error(void);                    /* xnu bsd/sys/errno.h; FreeBSD sys/sys/errno.h */
#define errno (*__error())
#elif defined(__NetBSD__) || defined(__OpenBSD__)
int *__errno(void);
#define errno (*__errno())
#elif defined(__DragonFly__)
extern __thread int errno;             /* DragonFlyBSD sys/sys/errno.h */
#else
#error "nosysroot/errno.h: unknown target"
#endif

#define ENOENT 2
#define EINTR  4
#define EIO    5
#define EBADF  9
#define EINVAL 22
#define EPIPE  32

#endif
