/* struct sockaddr_un, the same on macOS, FreeBSD, NetBSD, OpenBSD and DragonFly (sys/sys/un.h
 * of freebsd/freebsd-src, NetBSD/src, openbsd/src, DragonFlyBSD/DragonFlyBSD; bsd/sys/un.h of
 * apple-oss-distributions/xnu xnu-11417.101.15): 104 bytes of path, so paths of at most
 * 103 bytes (Java reads SUN_PATH_SIZE from native/unix/constants.c). illumos has its own.
 * Stand-in (native/abi/README.md). */
#ifndef MIO4J_ABI_SYS_UN_H
#define MIO4J_ABI_SYS_UN_H

#include <sys/socket.h>

struct sockaddr_un {
    uint8_t sun_len;
    sa_family_t sun_family;
    char sun_path[104];
};
MIO4J_ABI_SIZE(struct sockaddr_un, 106);
MIO4J_ABI_FIELD(struct sockaddr_un, sun_len, 0, 1);
MIO4J_ABI_FIELD(struct sockaddr_un, sun_family, 1, 1);
MIO4J_ABI_FIELD(struct sockaddr_un, sun_path, 2, 104);

#endif
