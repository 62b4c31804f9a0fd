/* fcntl and the close-on-exec names kqueue.c uses. See README.md. */
#ifndef MIO4J_NOSYSROOT_FCNTL_H
#define MIO4J_NOSYSROOT_FCNTL_H
int fcntl(int fd, int cmd, ...);
#define F_GETFD    1
#define F_SETFD    2
#define FD_CLOEXEC 1
#if defined(__NetBSD__)
#define O_CLOEXEC 0x00400000   /* NetBSD/src sys/sys/fcntl.h 1.54 */
#endif
#endif
