/* Stand-in for illumos's <string.h> (usr/src/head/string.h): what our sources call.
 * strerror_r is the POSIX one, returning int (libc SUNW_1.22), not GNU's char *. */
#ifndef MIO4J_ABI_STRING_H
#define MIO4J_ABI_STRING_H

#include <sys/types.h>

void *memcpy(void *dst, const void *src, size_t n);
void *memset(void *s, int c, size_t n);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strcpy(char *dst, const char *src);
size_t strspn(const char *s, const char *accept);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strerror_r(int error, char *buf, size_t size);

#endif
