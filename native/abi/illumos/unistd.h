/* Stand-in for illumos's <unistd.h> (usr/src/head/unistd.h); pipe2 is libc's
 * ILLUMOS_0.4 (usr/src/lib/libc/port/mapfile-vers). */
#ifndef MIO4J_ABI_UNISTD_H
#define MIO4J_ABI_UNISTD_H

#include <sys/types.h>

int close(int fd);
int dup2(int fd, int to);
ssize_t read(int fd, void *buf, size_t n);
ssize_t write(int fd, const void *buf, size_t n);
int pipe2(int fds[2], int flags);

#endif
