/* Argument checks that more than one native of native/unix (or of a poller) needs: each
 * says whether a value is one our Java sends, before any system call is made with it. */
#ifndef MIO4J_CHECKS_H
#define MIO4J_CHECKS_H

#include "mio4j.h"

/* Whether (level, name) is an int-valued socket option of the constants table
 * (constants.c marks them): the only pairs getIntOption/setIntOption take. */
int mio4j_unix_is_int_option(jint level, jint name);

/* 0 when recv/recvfrom may take flags on fd, else -EINVAL (or getsockopt's -errno):
 * flags are 0, MSG_PEEK, MSG_TRUNC or both, and MSG_TRUNC only on a datagram socket,
 * since on a stream (TCP) it discards the bytes instead of reading them. Streams,
 * which never pass MSG_TRUNC, pay no system call for this. */
int mio4j_unix_check_recv_flags(jint fd, jint flags);

/* Descriptors the library opened as a kind that a native must recognise before using
 * one (the epoll poller's eventfds): one bit per descriptor number below
 * MIO4J_FD_MARKS (Linux's default fs.nr_open, also Java's TokenTable.MAX_SLOTS).
 * fd.c's close clears a number's mark before closing it, so a number the kernel hands
 * out again is never taken for what it was. The marks live here, not in the poller's
 * folder, because that close is here. */
#define MIO4J_FD_MARKS (1 << 20)

/* Marks fd: 0, or -1 when fd lies outside the table. */
int mio4j_fd_mark(jint fd);
/* Whether fd is marked (never, for a negative or too large fd). */
int mio4j_fd_is_marked(jint fd);
void mio4j_fd_unmark(jint fd);

#endif
