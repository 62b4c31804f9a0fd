/* What native/common/natives.c uses. See README.md. */
#ifndef MIO4J_NOSYSROOT_STRING_H
#define MIO4J_NOSYSROOT_STRING_H
#include <stddef.h>
int strcmp(const char *a, const char *b);
size_t strlen(const char *s);
void *memcpy(void *restrict to, const void *restrict from, size_t n);
void *memset(void *to, int c, size_t n);
#endif
