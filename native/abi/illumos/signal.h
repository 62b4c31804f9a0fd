/* Stand-in for illumos's <signal.h>: what native/unix/preclose.c calls. Declarations of
 * our own, from illumos-gate usr/src/uts/common/sys/signal.h (struct sigaction: sa_flags
 * first, then the handler union, then a 16-byte sigset_t; sa_resv[2] only without _LP64)
 * and usr/src/uts/common/sys/iso/signal_iso.h (SIGIO is SIGPOLL, 22; SIGRTMAX is a
 * sysconf call there, so it is not defined here and preclose.c takes SIGIO). */
#ifndef MIO4J_ABI_SIGNAL_H
#define MIO4J_ABI_SIGNAL_H

#include <stddef.h>
#include <sys/types.h>

#define SIGIO 22

typedef struct {
    unsigned int __sigbits[4];
} sigset_t;

struct sigaction {
    int sa_flags;
    union {
        void (*_handler)(int);
        void (*_sigaction)(int, void *, void *);
    } _funcptr;
    sigset_t sa_mask;
};
#define sa_handler _funcptr._handler

_Static_assert(sizeof(sigset_t) == 16, "illumos sigset_t: 4 unsigned ints");
_Static_assert(offsetof(struct sigaction, sa_flags) == 0, "illumos sigaction: sa_flags at 0");
_Static_assert(offsetof(struct sigaction, _funcptr) == 8, "illumos sigaction: the handler at 8 (LP64)");
_Static_assert(offsetof(struct sigaction, sa_mask) == 16, "illumos sigaction: sa_mask at 16");
_Static_assert(sizeof(struct sigaction) == 32, "illumos sigaction: 32 bytes (LP64, no sa_resv)");

int sigaction(int signal, const struct sigaction *action, struct sigaction *old);
int sigemptyset(sigset_t *set);

#endif
