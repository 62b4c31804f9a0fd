/* Vectored I/O over direct buffers, for readv/writev/sendmsg (iovec.c). */
#ifndef MIO4J_IOVEC_H
#define MIO4J_IOVEC_H

#include "mio4j.h"

#include <limits.h>
#include <sys/uio.h>

/* The most buffers one vectored call takes (Java reads it as the constant IOV_MAX):
 * 1024, or the system's IOV_MAX where that is lower (readv refuses more with EINVAL). */
#if defined(IOV_MAX) && IOV_MAX < 1024
#define MIO4J_IOV_MAX IOV_MAX
#else
#define MIO4J_IOV_MAX 1024
#endif

/* Fills iov from count (buffer, position, length) triples of direct buffers;
 * returns count, or -EINVAL when an array is short, count is outside
 * 1..MIO4J_IOV_MAX or a range lies outside its buffer. */
int mio4j_fill_iovec(JNIEnv *env, struct iovec *iov, jobjectArray buffers,
                     jintArray positions, jintArray lengths, jint count);

#endif
