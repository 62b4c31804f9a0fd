/* struct iovec and the vectored calls (POSIX.1-2008). IOV_MAX is 1024 on every target of
 * native/abi (apple-oss-distributions/Libc include/limits.h; sys/sys/syslimits.h of
 * freebsd/freebsd-src, NetBSD/src, openbsd/src, DragonFlyBSD/DragonFlyBSD); their
 * <limits.h> has it, this file stands in for both (native/unix/iovec.h includes both). */
#ifndef MIO4J_ABI_SYS_UIO_H
#define MIO4J_ABI_SYS_UIO_H
#include <sys/types.h>
#include <mio4j_abi.h>
#define IOV_MAX 1024
struct iovec {
    void *iov_base;
    size_t iov_len;
};
MIO4J_ABI_SIZE(struct iovec, 16);
MIO4J_ABI_FIELD(struct iovec, iov_base, 0, 8);
MIO4J_ABI_FIELD(struct iovec, iov_len, 8, 8);
ssize_t readv(int fd, const struct iovec *iov, int count);
ssize_t writev(int fd, const struct iovec *iov, int count);
#endif
