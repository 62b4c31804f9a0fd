# FreeBSD without a sysroot: a link-time stub of libc.so.7 (libc.symbols), so that the
# library records DT_NEEDED libc.so.7 and kevent@FBSD_1.5 (native/kqueue/kqueue_abi.h).
mio4j_abi_elf_stub(libc.so.7 "${CMAKE_CURRENT_LIST_DIR}/libc.symbols")
