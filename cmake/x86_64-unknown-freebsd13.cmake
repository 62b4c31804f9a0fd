# Cross build for x86_64-unknown-freebsd13 without a sysroot (scripts/cross-build.sh; cmake/clang-own-abi.cmake).
set(CMAKE_SYSTEM_NAME FreeBSD)
set(CMAKE_SYSTEM_PROCESSOR x86_64)
set(MIO4J_TRIPLE x86_64-unknown-freebsd13)
include(${CMAKE_CURRENT_LIST_DIR}/clang-own-abi.cmake)
