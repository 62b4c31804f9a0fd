/* What native/jni/natives.c uses (ISO C 7.22). */
#ifndef MIO4J_ABI_STDLIB_H
#define MIO4J_ABI_STDLIB_H
#include <stddef.h>
void *malloc(size_t size);
void free(void *pointer);
#endif
