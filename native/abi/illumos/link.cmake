# How mio4j links for illumos without a sysroot (MIO4J_OWN_ABI; native/abi/abi.cmake):
# link-time stubs of the two illumos libraries our sources call into, from the symbol
# lists beside this file, and the link options a native link would give.
mio4j_abi_elf_stub(libsocket.so.1 "${CMAKE_CURRENT_LIST_DIR}/libsocket.symbols")
mio4j_abi_elf_stub(libc.so.1 "${CMAKE_CURRENT_LIST_DIR}/libc.symbols")

# Only the SysV hash table, which every ELF runtime linker reads (lld adds a GNU one
# by default; the illumos link editor writes none).
target_link_options(mio4j PRIVATE "LINKER:--hash-style=sysv")
