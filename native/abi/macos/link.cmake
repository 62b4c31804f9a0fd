# macOS without an SDK: a text stub of /usr/lib/libSystem.B.dylib (libSystem.tbd) with
# the symbols the library uses, so that ld64 binds each to libSystem, as a link against
# the SDK's libSystem.tbd does (libSystem re-exports libsystem_kernel, libsystem_c and
# libsystem_malloc, which define them; two-level namespace records libSystem).
mio4j_abi_tbd_stub(/usr/lib/libSystem.B.dylib "${CMAKE_CURRENT_LIST_DIR}/libSystem.symbols")
