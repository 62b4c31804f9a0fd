# Cross build for x86_64-unknown-openbsd without a sysroot (scripts/cross-build.sh; cmake/clang-own-abi.cmake).
set(CMAKE_SYSTEM_NAME OpenBSD)
set(CMAKE_SYSTEM_PROCESSOR x86_64)
set(MIO4J_TRIPLE x86_64-unknown-openbsd)
include(${CMAKE_CURRENT_LIST_DIR}/clang-own-abi.cmake)
