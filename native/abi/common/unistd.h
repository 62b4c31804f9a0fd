/* What native/unix and native/kqueue use (POSIX.1-2008; pipe2: POSIX.1-2024, present on
 * the BSDs and illumos, absent on macOS, where compat.c does not call it). */
#ifndef MIO4J_ABI_UNISTD_H
#define MIO4J_ABI_UNISTD_H
#include <sys/types.h>
int close(int fd);
int dup2(int fd, int to);
ssize_t read(int fd, void *to, size_t n);
ssize_t write(int fd, const void *from, size_t n);
int pipe(int fds[2]);
int pipe2(int fds[2], int flags);
#endif
