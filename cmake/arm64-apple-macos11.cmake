# Cross build for arm64-apple-macos11 without a sysroot (scripts/cross-build.sh; cmake/clang-own-abi.cmake).
set(CMAKE_SYSTEM_NAME Darwin)
set(CMAKE_SYSTEM_PROCESSOR arm64)
set(MIO4J_TRIPLE arm64-apple-macos11)
include(${CMAKE_CURRENT_LIST_DIR}/clang-own-abi.cmake)
