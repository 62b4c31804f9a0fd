/* OpenBSD's stack protector reads its guard from __guard_local, a hidden variable of
 * each shared object that crtbeginS.o normally defines (openbsd/src lib/csu/crtbeginS.c)
 * in section .openbsd.randomdata: the kernel fills that section with random bytes when
 * it maps the object (the linker marks it with a PT_OPENBSD_RANDOMIZE program header,
 * which scripts/check-library.sh checks). Built only without a sysroot (native/abi). */
__attribute__((section(".openbsd.randomdata"), visibility("hidden"), used))
long __guard_local;
