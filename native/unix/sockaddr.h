/* Socket addresses cross JNI in one layout of our own (a byte[] of at most
 * MIO4J_SOCKADDR_MAX bytes), decoded and encoded only here and in Java's SockAddr:
 *   [0]      kind: 0 none, 4 IPv4, 6 IPv6, 1 Unix
 *   IPv4/6:  [1..2] port, [3..6] IPv6 scope id, [7..] 4 or 16 address bytes
 *   Unix:    [1..2] path length, [3..] path bytes (length 0: unnamed; a leading
 *            NUL byte: Linux abstract name)
 * Multi-byte numbers are big-endian. */
#ifndef MIO4J_SOCKADDR_H
#define MIO4J_SOCKADDR_H

#include "mio4j.h"

#include <sys/socket.h>

#define MIO4J_SOCKADDR_MAX 128
#define MIO4J_KIND_NONE 0
#define MIO4J_KIND_UNIX 1
#define MIO4J_KIND_INET4 4
#define MIO4J_KIND_INET6 6

/* Returns 0 and fills out/len, or -EINVAL (malformed), -ENAMETOOLONG (Unix path). */
int mio4j_sockaddr_decode(JNIEnv *env, jbyteArray in,
                          struct sockaddr_storage *out, socklen_t *len);

/* Writes sa into out (at least MIO4J_SOCKADDR_MAX bytes); 0 or -EINVAL. */
int mio4j_sockaddr_encode(JNIEnv *env, const struct sockaddr_storage *sa, socklen_t len,
                          jbyteArray out);

#endif
