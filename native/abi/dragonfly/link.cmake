# DragonFly without a sysroot: a link-time stub of libc.so.8 (libc.symbols).
mio4j_abi_elf_stub(libc.so.8 "${CMAKE_CURRENT_LIST_DIR}/libc.symbols")
