/* jni.h includes <stdio.h> but uses nothing from it. See README.md. */
#ifndef MIO4J_NOSYSROOT_STDIO_H
#define MIO4J_NOSYSROOT_STDIO_H
#endif
