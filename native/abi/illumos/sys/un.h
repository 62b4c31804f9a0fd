/* Stand-in for illumos's <sys/un.h> (usr/src/uts/common/sys/un.h). */
#ifndef MIO4J_ABI_SYS_UN_H
#define MIO4J_ABI_SYS_UN_H

#include <sys/socket.h>

struct sockaddr_un {
    sa_family_t sun_family;
    char sun_path[108];
};
_Static_assert(sizeof(struct sockaddr_un) == 110 && offsetof(struct sockaddr_un, sun_path) == 2,
               "sockaddr_un");

#endif
