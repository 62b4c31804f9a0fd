/* Stand-in for illumos's <time.h>: struct timespec as usr/src/uts/common/sys/time_impl.h
 * declares it (time_t, a long, then long nanoseconds), which port_getn's timeout is. */
#ifndef MIO4J_ABI_TIME_H
#define MIO4J_ABI_TIME_H

#include <sys/types.h>

struct timespec {
    time_t tv_sec;
    long tv_nsec;
};
_Static_assert(sizeof(struct timespec) == 16 && offsetof(struct timespec, tv_nsec) == 8, "timespec");

#endif
