/* struct timespec (POSIX.1-2008), as on every LP64 target of native/abi. */
#ifndef MIO4J_ABI_TIME_H
#define MIO4J_ABI_TIME_H
#include <sys/types.h>
#include <mio4j_abi.h>
struct timespec {
    time_t tv_sec;
    long tv_nsec;
};
MIO4J_ABI_SIZE(struct timespec, 16);
MIO4J_ABI_FIELD(struct timespec, tv_sec, 0, 8);
MIO4J_ABI_FIELD(struct timespec, tv_nsec, 8, 8);
#endif
