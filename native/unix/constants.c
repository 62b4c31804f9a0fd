/* The one table of POSIX constants that Java asks for by name (PosixCalls.constant):
 * address families, socket types, option levels and names, flags and sizes. Values
 * differ between Unixes, so they come from this OS's headers, never from Java literals.
 * A constant this OS lacks is left out; Java treats the option as unsupported. */
#include "checks.h"
#include "compat.h"
#include "iovec.h"
#include "sockaddr.h"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/un.h>

/* An entry: a constant, and for the name of an int-valued socket option the level it
 * belongs to. getIntOption/setIntOption take exactly the (level, name) pairs marked
 * here with INT_OPTION (mio4j_unix_is_int_option); every other entry is NOT_AN_OPTION.
 * SO_LINGER and the memberships are options with a struct value and natives of their own. */
struct posix_constant {
    struct mio4j_constant constant;
    jint level;
};
#define NOT_AN_OPTION (-1)   /* no level is negative */
/* #c here, not through MIO4J_CONSTANT: an argument passed on is expanded first. */
#define CONSTANT(c) { { #c, (jint) (c) }, NOT_AN_OPTION }
#define INT_OPTION(level, c) { { #c, (jint) (c) }, (jint) (level) }
#define NAMED(name, value) { { name, (jint) (value) }, NOT_AN_OPTION }

static const struct posix_constant posix_constants[] = {
    CONSTANT(AF_INET), CONSTANT(AF_INET6), CONSTANT(AF_UNIX),
    CONSTANT(SOCK_STREAM), CONSTANT(SOCK_DGRAM),
    CONSTANT(SOL_SOCKET), INT_OPTION(SOL_SOCKET, SO_REUSEADDR),
#ifdef SO_REUSEPORT
    INT_OPTION(SOL_SOCKET, SO_REUSEPORT),
#endif
    INT_OPTION(SOL_SOCKET, SO_ERROR), INT_OPTION(SOL_SOCKET, SO_KEEPALIVE),
    INT_OPTION(SOL_SOCKET, SO_RCVBUF), INT_OPTION(SOL_SOCKET, SO_SNDBUF),
    INT_OPTION(SOL_SOCKET, SO_BROADCAST), /* the option in seconds, the one getLinger/setLinger use (compat.h) */
    { { "SO_LINGER", (jint) MIO4J_SO_LINGER }, NOT_AN_OPTION },
    INT_OPTION(SOL_SOCKET, SO_OOBINLINE), INT_OPTION(SOL_SOCKET, SO_TYPE),
    INT_OPTION(SOL_SOCKET, SO_ACCEPTCONN),
    CONSTANT(IPPROTO_TCP), CONSTANT(IPPROTO_UDP), CONSTANT(IPPROTO_IP),
    CONSTANT(IPPROTO_IPV6),
    INT_OPTION(IPPROTO_TCP, TCP_NODELAY),
#ifdef MIO4J_TCP_KEEPIDLE
    /* macOS: TCP_KEEPALIVE (compat.h) */
    { { "TCP_KEEPIDLE", (jint) MIO4J_TCP_KEEPIDLE }, (jint) IPPROTO_TCP },
#endif
#ifdef TCP_KEEPINTVL
    INT_OPTION(IPPROTO_TCP, TCP_KEEPINTVL),
#endif
#ifdef TCP_KEEPCNT
    INT_OPTION(IPPROTO_TCP, TCP_KEEPCNT),
#endif
    INT_OPTION(IPPROTO_IP, IP_TTL), INT_OPTION(IPPROTO_IP, IP_TOS),
    INT_OPTION(IPPROTO_IP, IP_MULTICAST_TTL), INT_OPTION(IPPROTO_IP, IP_MULTICAST_LOOP),
    INT_OPTION(IPPROTO_IP, IP_MULTICAST_IF),
    CONSTANT(IP_ADD_MEMBERSHIP), CONSTANT(IP_DROP_MEMBERSHIP),
    INT_OPTION(IPPROTO_IPV6, IPV6_UNICAST_HOPS), INT_OPTION(IPPROTO_IPV6, IPV6_V6ONLY),
    INT_OPTION(IPPROTO_IPV6, IPV6_MULTICAST_LOOP), INT_OPTION(IPPROTO_IPV6, IPV6_MULTICAST_HOPS),
    INT_OPTION(IPPROTO_IPV6, IPV6_MULTICAST_IF), INT_OPTION(IPPROTO_IPV6, IPV6_TCLASS),
    CONSTANT(IPV6_JOIN_GROUP), CONSTANT(IPV6_LEAVE_GROUP),
    CONSTANT(SHUT_RD), CONSTANT(SHUT_WR), CONSTANT(SHUT_RDWR),
    CONSTANT(MSG_PEEK), CONSTANT(MSG_TRUNC), CONSTANT(SOMAXCONN),
    NAMED("IOV_MAX", MIO4J_IOV_MAX),
    NAMED("SOCKADDR_MAX", MIO4J_SOCKADDR_MAX),
    /* Room for a Unix path, its terminating NUL included. */
    NAMED("SUN_PATH_SIZE", sizeof(((struct sockaddr_un *) 0)->sun_path)),
};

int mio4j_unix_is_int_option(jint level, jint name) {
    if (level == NOT_AN_OPTION) {
        return 0;
    }
    for (int i = 0; i < MIO4J_COUNT(posix_constants); i++) {
        if (posix_constants[i].level == level && posix_constants[i].constant.value == name) {
            return 1;
        }
    }
    return 0;
}

static jlong posix_constant(JNIEnv *env, jobject self, jstring name) {
    (void) self;
    return mio4j_constant_lookup_entries(env, name, &posix_constants[0].constant,
                                         MIO4J_COUNT(posix_constants), sizeof(posix_constants[0]));
}

static const JNINativeMethod constant_methods[] = {
    MIO4J_NATIVE("constant", "(Ljava/lang/String;)J", posix_constant),
};

const struct mio4j_natives mio4j_posix_constant_natives = {
    "io/mio4j/internal/unix/PosixCallsJni", constant_methods, MIO4J_COUNT(constant_methods)
};
