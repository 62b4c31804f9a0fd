# Cross-compiling for 64-bit ARM Linux with Debian's cross compiler
# (apt-get install gcc-aarch64-linux-gnu). The host JDK's include/ and include/linux/
# serve as JNI headers: jni_md.h is the same for every Linux architecture.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)

set(MIO4J_CROSS_TRIPLE aarch64-linux-gnu)
set(CMAKE_C_COMPILER ${MIO4J_CROSS_TRIPLE}-gcc)
# The post-build symbol check reads the library with this objdump.
find_program(CMAKE_OBJDUMP NAMES ${MIO4J_CROSS_TRIPLE}-objdump)

set(CMAKE_FIND_ROOT_PATH /usr/${MIO4J_CROSS_TRIPLE})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
