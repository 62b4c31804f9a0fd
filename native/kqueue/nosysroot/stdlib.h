/* What native/common/natives.c uses. See README.md. */
#ifndef MIO4J_NOSYSROOT_STDLIB_H
#define MIO4J_NOSYSROOT_STDLIB_H
#include <stddef.h>
void *malloc(size_t size);
void free(void *p);
#endif
