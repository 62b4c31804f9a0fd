/* Stand-in for illumos's <pthread.h>: what native/unix/compat.c calls. pthread_t is a
 * uint_t there (illumos-gate usr/src/uts/common/sys/types.h); pthread_kill is declared
 * by <signal.h> on a real system, and here beside pthread_self. */
#ifndef MIO4J_ABI_PTHREAD_H
#define MIO4J_ABI_PTHREAD_H

#include <sys/types.h>

typedef uint_t pthread_t;

pthread_t pthread_self(void);
int pthread_kill(pthread_t thread, int signal);

#endif
