/* htons and its kin, which netinet/in.h provides: every target of native/abi is
 * little-endian (x86_64, aarch64), so each is a byte swap. */
#ifndef MIO4J_ABI_BYTEORDER_H
#define MIO4J_ABI_BYTEORDER_H
_Static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "native/abi declares little-endian targets only");
#define htons(x) __builtin_bswap16(x)
#define ntohs(x) __builtin_bswap16(x)
#define htonl(x) __builtin_bswap32(x)
#define ntohl(x) __builtin_bswap32(x)
#endif
