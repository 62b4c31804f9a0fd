/* Stand-in for illumos's <stdio.h> (usr/src/head/stdio.h): what our sources call. The
 * JDK's jni.h includes <stdio.h> too, for nothing it declares. */
#ifndef MIO4J_ABI_STDIO_H
#define MIO4J_ABI_STDIO_H

#include <sys/types.h>

int snprintf(char *buf, size_t size, const char *format, ...);

#endif
