/* jni_md.h for 64-bit Windows, ours: the JDK's jni.h includes it for the
 * machine-dependent types. A Linux JDK ships only its own (linux/jni_md.h), so the
 * cross build puts this folder first on the include path and uses the host's jni.h
 * (native/jni/include/unix/jni_md.h is the same for Unix targets).
 * Sizes and calling convention are those of the JDK's win32/jni_md.h: jint is 32 bits
 * (the JDK spells it `long`, which is 32 bits on Windows; `int` is the same type in
 * size and ABI and keeps our int32_t pointers compatible), jlong 64 bits. */
#ifndef _JAVASOFT_JNI_MD_H_
#define _JAVASOFT_JNI_MD_H_

#define JNIEXPORT __declspec(dllexport)
#define JNIIMPORT __declspec(dllimport)
#define JNICALL __stdcall   /* ignored on x64; kept as the JDK writes it */

typedef int jint;
typedef long long jlong;
typedef signed char jbyte;

_Static_assert(sizeof(jint) == 4, "jint has 32 bits");
_Static_assert(sizeof(jlong) == 8, "jlong has 64 bits");
_Static_assert(sizeof(jbyte) == 1, "jbyte has 8 bits");

#endif
