# Shared by the toolchain files cmake/<triple>.cmake of the sysroot-less cross builds
# (scripts/cross-build.sh): Debian's clang and lld for any target, no C library of the
# target at all. The C library's headers and link stubs are our own declarations,
# native/abi/<os> (MIO4J_OWN_ABI, native/abi/README.md). Set MIO4J_TRIPLE and
# CMAKE_SYSTEM_NAME/CMAKE_SYSTEM_PROCESSOR before including this file.
set(CMAKE_C_COMPILER clang)
set(CMAKE_C_COMPILER_TARGET ${MIO4J_TRIPLE})
set(MIO4J_OWN_ABI ON CACHE BOOL "" FORCE)
# There is no C library to link a test program against: CMake's compiler check builds
# a static library instead.
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)
if(CMAKE_SYSTEM_NAME STREQUAL "Darwin")
  # clang -fuse-ld=lld runs "ld64.lld" for Mach-O (and then passes -platform_version);
  # Debian has it as /usr/lib/llvm-<version>/bin/ld64.lld only, hence -B.
  find_program(MIO4J_LD64 NAMES ld64.lld PATHS /usr/lib/llvm-16/bin /usr/lib/llvm-15/bin /usr/lib/llvm-14/bin)
  if(NOT MIO4J_LD64)
    message(FATAL_ERROR "no ld64.lld (Debian: apt-get install lld)")
  endif()
  get_filename_component(MIO4J_LD64_DIR "${MIO4J_LD64}" DIRECTORY)
  set(CMAKE_SHARED_LINKER_FLAGS_INIT "-fuse-ld=lld -B${MIO4J_LD64_DIR}")
  # No SDK: do not let CMake look for one.
  set(CMAKE_OSX_SYSROOT "" CACHE PATH "" FORCE)
  set(CMAKE_OSX_DEPLOYMENT_TARGET "" CACHE STRING "" FORCE)
else()
  set(CMAKE_SHARED_LINKER_FLAGS_INIT "-fuse-ld=lld")
endif()
find_program(CMAKE_OBJDUMP NAMES llvm-objdump)
find_program(CMAKE_READELF NAMES llvm-readelf)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
