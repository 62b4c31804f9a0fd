# Cross-compiling for 64-bit x86 illumos (OmniOS, SmartOS, OpenIndiana; Oracle Solaris
# 11 shares the ABI but is not checked) with Debian's clang and lld
# (apt-get install clang lld llvm), without an illumos sysroot: MIO4J_OWN_ABI compiles
# against native/abi/illumos and links against stand-ins of libc.so.1 and
# libsocket.so.1 built from native/abi/illumos/link.cmake.
# scripts/cross-build.sh x86_64-pc-solaris2.11 uses it; scripts/check-library.sh checks
# the result against cmake/x86_64-pc-solaris2.11.expect.
set(CMAKE_SYSTEM_NAME SunOS)
set(CMAKE_SYSTEM_VERSION 5.11)
set(CMAKE_SYSTEM_PROCESSOR x86_64)

set(CMAKE_C_COMPILER clang)
set(CMAKE_C_COMPILER_TARGET x86_64-pc-solaris2.11)
find_program(CMAKE_LINKER NAMES ld.lld REQUIRED)
set(MIO4J_OWN_ABI ON CACHE BOOL "Compile against native/abi/illumos" FORCE)

# No sysroot, so CMake's compiler checks must not try to link a program.
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)
# Link with ld.lld itself: clang's Solaris driver passes Solaris ld's -C, which lld refuses.
set(CMAKE_USER_MAKE_RULES_OVERRIDE_C "${CMAKE_CURRENT_LIST_DIR}/link-with-lld.cmake")

# The root CMakeLists.txt checks glibc symbol versions with objdump; here
# scripts/check-library.sh checks the ELF instead.
set(CMAKE_OBJDUMP "")

# The platform-classifier JAR's folder, as NativeLoader names os.name "SunOS" with
# os.arch "amd64" (scripts/cross-build.sh reads this line).
set(MIO4J_CLASSIFIER sunos-x86_64)
