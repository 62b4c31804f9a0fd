# How mio4j links for illumos without a sysroot (MIO4J_OWN_ABI; see the root
# CMakeLists.txt): which illumos library defines each function our sources call, for
# the link-time stand-ins, and the link options a native link would give. Read in
# usr/src/lib/libc/port/mapfile-vers and usr/src/lib/libsocket/common/mapfile-vers.
# The references stay unversioned, as a link against the real libraries without
# -z guidance would leave them, so the runtime linker binds them by name.

# libsocket.so.1: the socket calls (accept4: ILLUMOS_0.1). Newer illumos moved them
# into libc and keeps libsocket as a filter, which binds the same names.
mio4j_abi_library(libsocket.so.1
  accept4 bind connect getpeername getsockname getsockopt listen recv recvfrom send
  sendmsg sendto setsockopt shutdown socket socketpair)

# libc.so.1: the rest. port_* since Solaris 10 (SUNW_1.22), pipe2 ILLUMOS_0.4,
# strerror_r the POSIX one, __stack_chk_fail and __stack_chk_guard (the root
# CMakeLists.txt builds with -fstack-protector-strong) ILLUMOS_0.37, recent illumos only.
mio4j_abi_library(libc.so.1
  ___errno __stack_chk_fail close dup2 fcntl free ioctl malloc memcpy memset pipe2
  port_associate port_create port_dissociate port_getn port_send pthread_kill pthread_self
  read readv sigaction sigemptyset snprintf
  strcmp strcpy strerror_r strlen strncmp strnlen strspn write writev
  DATA __stack_chk_guard)

# Only the SysV hash table, which every ELF runtime linker reads (lld adds a GNU one
# by default; the illumos link editor writes none).
target_link_options(mio4j PRIVATE "LINKER:--hash-style=sysv")
