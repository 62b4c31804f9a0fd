/* The POSIX types native/unix uses, for the LP64 targets of native/abi only. */
#ifndef MIO4J_ABI_SYS_TYPES_H
#define MIO4J_ABI_SYS_TYPES_H
#include <stddef.h>
#include <stdint.h>
_Static_assert(sizeof(void *) == 8 && sizeof(long) == 8, "native/abi declares LP64 targets only");
typedef long ssize_t;
typedef int64_t time_t;   /* 64 bits on every LP64 target */
#endif
