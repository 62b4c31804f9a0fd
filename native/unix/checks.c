/* See checks.h. (mio4j_unix_is_int_option is in constants.c, beside its table.) */
#include "checks.h"

#include <stdatomic.h>
#include <sys/socket.h>

int mio4j_unix_check_recv_flags(jint fd, jint flags) {
    if ((flags & ~(MSG_PEEK | MSG_TRUNC)) != 0) {
        return -EINVAL;
    }
    if ((flags & MSG_TRUNC) == 0) {
        return 0;
    }
    int type = 0;
    socklen_t len = sizeof(type);
    if (getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &len) != 0) {
        return mio4j_neg_errno();
    }
    return type == SOCK_DGRAM ? 0 : -EINVAL;
}

/* 32-bit words: lock-free everywhere, where 64-bit atomics may need libatomic. */
#define WORD_BITS 32
static atomic_uint marks[MIO4J_FD_MARKS / WORD_BITS];

/* Release/acquire: a descriptor marked in one thread and handed by Java to another is
 * seen marked there. */
int mio4j_fd_mark(jint fd) {
    if (fd < 0 || fd >= MIO4J_FD_MARKS) {
        return -1;
    }
    atomic_fetch_or_explicit(&marks[fd / WORD_BITS], 1u << (fd % WORD_BITS), memory_order_release);
    return 0;
}

int mio4j_fd_is_marked(jint fd) {
    if (fd < 0 || fd >= MIO4J_FD_MARKS) {
        return 0;
    }
    unsigned word = atomic_load_explicit(&marks[fd / WORD_BITS], memory_order_acquire);
    return (word >> (fd % WORD_BITS)) & 1u;
}

void mio4j_fd_unmark(jint fd) {
    if (fd >= 0 && fd < MIO4J_FD_MARKS) {
        atomic_fetch_and_explicit(&marks[fd / WORD_BITS], ~(1u << (fd % WORD_BITS)),
                                  memory_order_release);
    }
}
