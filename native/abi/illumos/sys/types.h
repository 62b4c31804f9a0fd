/* Stand-in for illumos's <sys/types.h>: the LP64 basic types our sources use
 * (usr/src/uts/common/sys/types.h, sys/int_types.h). Every header in native/abi/illumos
 * is mio4j's own declaration of what it names, for a cross build with no illumos
 * sysroot; see README.md there for the sources and how the build uses them. */
#ifndef MIO4J_ABI_SYS_TYPES_H
#define MIO4J_ABI_SYS_TYPES_H

#if !defined(__sun) || !defined(__x86_64__) || !defined(_LP64)
#error "native/abi/illumos describes 64-bit x86 illumos only"
#endif

#include <stddef.h>
#include <stdint.h>

typedef long ssize_t;
typedef long off_t;
typedef long time_t;
typedef int pid_t;
typedef unsigned int uint_t;

_Static_assert(sizeof(ssize_t) == 8 && sizeof(time_t) == 8 && sizeof(uint_t) == 4, "LP64 types");

#endif
