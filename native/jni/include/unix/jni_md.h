/* jni_md.h for a Unix target whose folder the JDK at hand does not have (a cross
 * build: the host JDK ships include/<its own OS> only). jni.h includes it for the
 * export marker, the calling convention and the machine-dependent integer types.
 * Ours, from the JNI sizes (jint 32 bits, jlong 64, jbyte 8), with the C types the
 * JDK's Unix ports use, so the ABI is the same: jlong is `long` where long has 64 bits
 * (LP64), `long long` where it has 32 (ILP32). */
#ifndef _JAVASOFT_JNI_MD_H_
#define _JAVASOFT_JNI_MD_H_

/* The library is built with -fvisibility=hidden: JNI_OnLoad/JNI_OnUnload stay visible. */
#define JNIEXPORT __attribute__((visibility("default")))
#define JNIIMPORT __attribute__((visibility("default")))
/* A Unix ABI has one calling convention. */
#define JNICALL

typedef int jint;
#if defined(__LP64__) || defined(_LP64)
typedef long jlong;
#else
typedef long long jlong;
#endif
typedef signed char jbyte;

_Static_assert(sizeof(jint) == 4, "jint has 32 bits");
_Static_assert(sizeof(jlong) == 8, "jlong has 64 bits");
_Static_assert(sizeof(jbyte) == 1, "jbyte has 8 bits");

#endif
