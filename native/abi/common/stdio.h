/* jni.h includes <stdio.h> and uses nothing from it; neither does native/unix outside
 * glibc (compat.c's snprintf is for glibc only). */
#ifndef MIO4J_ABI_STDIO_H
#define MIO4J_ABI_STDIO_H
#endif
