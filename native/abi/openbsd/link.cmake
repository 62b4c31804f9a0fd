# OpenBSD without a sysroot: nothing to link against. OpenBSD's shared libraries do not
# name libc (its ld.so resolves their symbols from the program's libc), so the root
# CMakeLists.txt leaves out --no-undefined there, and scripts/check-library.sh checks
# the undefined symbols instead. The one thing a library gets from the toolchain is
# __guard_local, the stack protector's guard, which OpenBSD's crtbeginS.o defines in
# every shared object: ours is guard_local.c.
target_sources(mio4j PRIVATE "${CMAKE_CURRENT_LIST_DIR}/guard_local.c")
