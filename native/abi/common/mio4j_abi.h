/* What every stand-in header of native/abi shares (see native/abi/README.md): the
 * assertion each one writes for a struct layout, and the byte order helpers. The same
 * file is included by the check a build with the OS's own headers compiles
 * (native/abi/abi.cmake), where the assertions then test the OS's structs. */
#ifndef MIO4J_ABI_H
#define MIO4J_ABI_H

#include <stddef.h>

/* One line per field, so that the check can copy it: offset and width in bytes. */
#define MIO4J_ABI_FIELD(type, field, offset, width)                                 \
    _Static_assert(offsetof(type, field) == (offset), #type "." #field " offset"); \
    _Static_assert(sizeof(((type *) 0)->field) == (width), #type "." #field " width")
#define MIO4J_ABI_SIZE(type, size) _Static_assert(sizeof(type) == (size), "sizeof(" #type ")")

#endif
