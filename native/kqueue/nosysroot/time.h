/* struct timespec of the 64-bit targets: time_t is 64-bit on each. See README.md. */
#ifndef MIO4J_NOSYSROOT_TIME_H
#define MIO4J_NOSYSROOT_TIME_H
#include <stdint.h>
typedef int64_t time_t;
struct timespec {
    time_t tv_sec;
    long tv_nsec;
};
_Static_assert(sizeof(struct timespec) == 16, "64-bit targets only");
#endif
