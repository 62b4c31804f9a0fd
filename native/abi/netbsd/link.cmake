# NetBSD without a sysroot: a link-time stub of libc.so.12 (libc.symbols).
mio4j_abi_elf_stub(libc.so.12 "${CMAKE_CURRENT_LIST_DIR}/libc.symbols")
