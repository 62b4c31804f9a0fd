/* What native/jni and native/unix use (ISO C 7.24; strnlen and strerror_r: POSIX.1-2008,
 * strerror_r in its XSI form, int, as on every target of native/abi). */
#ifndef MIO4J_ABI_STRING_H
#define MIO4J_ABI_STRING_H
#include <stddef.h>
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strcpy(char *restrict to, const char *restrict from);
size_t strspn(const char *s, const char *accept);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
void *memcpy(void *restrict to, const void *restrict from, size_t n);
void *memset(void *to, int c, size_t n);
int strerror_r(int error, char *text, size_t size);
#endif
