/* Stand-in for illumos's <stdlib.h> (usr/src/head/stdlib.h): what our sources call. */
#ifndef MIO4J_ABI_STDLIB_H
#define MIO4J_ABI_STDLIB_H

#include <sys/types.h>

void *malloc(size_t size);
void free(void *p);

#endif
