/* Stand-in for illumos's <sys/uio.h> (usr/src/uts/common/sys/uio.h). IOV_MAX is 1024
 * there (usr/src/head/limits.h); native/unix/iovec.h's 1024 does not exceed it. */
#ifndef MIO4J_ABI_SYS_UIO_H
#define MIO4J_ABI_SYS_UIO_H

#include <sys/types.h>

struct iovec {
    void *iov_base;
    size_t iov_len;
};
_Static_assert(sizeof(struct iovec) == 16 && offsetof(struct iovec, iov_len) == 8, "iovec");

ssize_t readv(int fd, const struct iovec *iov, int count);
ssize_t writev(int fd, const struct iovec *iov, int count);

#endif
