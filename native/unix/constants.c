/* The one table of POSIX constants that Java asks for by name (PosixCalls.constant):
 * address families, socket types, option levels and names, flags and sizes. Values
 * differ between Unixes, so they come from this OS's headers, never from Java literals.
 * A constant this OS lacks is left out; Java treats the option as unsupported. */
#include "compat.h"
#include "iovec.h"
#include "sockaddr.h"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/un.h>

static const struct mio4j_constant posix_constants[] = {
    MIO4J_CONSTANT(AF_INET), MIO4J_CONSTANT(AF_INET6), MIO4J_CONSTANT(AF_UNIX),
    MIO4J_CONSTANT(SOCK_STREAM), MIO4J_CONSTANT(SOCK_DGRAM),
    MIO4J_CONSTANT(SOL_SOCKET), MIO4J_CONSTANT(SO_REUSEADDR),
#ifdef SO_REUSEPORT
    MIO4J_CONSTANT(SO_REUSEPORT),
#endif
    MIO4J_CONSTANT(SO_ERROR), MIO4J_CONSTANT(SO_KEEPALIVE), MIO4J_CONSTANT(SO_RCVBUF),
    MIO4J_CONSTANT(SO_SNDBUF), MIO4J_CONSTANT(SO_BROADCAST),
    /* the option in seconds, the one getLinger/setLinger use (compat.h) */
    { "SO_LINGER", (jint) MIO4J_SO_LINGER },
    MIO4J_CONSTANT(SO_OOBINLINE), MIO4J_CONSTANT(SO_TYPE), MIO4J_CONSTANT(SO_ACCEPTCONN),
    MIO4J_CONSTANT(IPPROTO_TCP), MIO4J_CONSTANT(IPPROTO_UDP), MIO4J_CONSTANT(IPPROTO_IP),
    MIO4J_CONSTANT(IPPROTO_IPV6),
    MIO4J_CONSTANT(TCP_NODELAY),
#ifdef MIO4J_TCP_KEEPIDLE
    { "TCP_KEEPIDLE", (jint) MIO4J_TCP_KEEPIDLE },   /* macOS: TCP_KEEPALIVE (compat.h) */
#endif
#ifdef TCP_KEEPINTVL
    MIO4J_CONSTANT(TCP_KEEPINTVL),
#endif
#ifdef TCP_KEEPCNT
    MIO4J_CONSTANT(TCP_KEEPCNT),
#endif
    MIO4J_CONSTANT(IP_TTL), MIO4J_CONSTANT(IP_TOS), MIO4J_CONSTANT(IP_MULTICAST_TTL),
    MIO4J_CONSTANT(IP_MULTICAST_LOOP), MIO4J_CONSTANT(IP_MULTICAST_IF),
    MIO4J_CONSTANT(IP_ADD_MEMBERSHIP), MIO4J_CONSTANT(IP_DROP_MEMBERSHIP),
    MIO4J_CONSTANT(IPV6_UNICAST_HOPS), MIO4J_CONSTANT(IPV6_V6ONLY),
    MIO4J_CONSTANT(IPV6_MULTICAST_LOOP), MIO4J_CONSTANT(IPV6_MULTICAST_HOPS),
    MIO4J_CONSTANT(IPV6_MULTICAST_IF), MIO4J_CONSTANT(IPV6_TCLASS),
    MIO4J_CONSTANT(IPV6_JOIN_GROUP), MIO4J_CONSTANT(IPV6_LEAVE_GROUP),
    MIO4J_CONSTANT(SHUT_RD), MIO4J_CONSTANT(SHUT_WR), MIO4J_CONSTANT(SHUT_RDWR),
    MIO4J_CONSTANT(MSG_PEEK), MIO4J_CONSTANT(MSG_TRUNC), MIO4J_CONSTANT(SOMAXCONN),
    { "IOV_MAX", MIO4J_IOV_MAX },
    { "SOCKADDR_MAX", MIO4J_SOCKADDR_MAX },
    /* Room for a Unix path, its terminating NUL included. */
    { "SUN_PATH_SIZE", (jint) sizeof(((struct sockaddr_un *) 0)->sun_path) },
};

static jlong posix_constant(JNIEnv *env, jobject self, jstring name) {
    (void) self;
    return mio4j_constant_lookup(env, name, posix_constants, MIO4J_COUNT(posix_constants));
}

static const JNINativeMethod constant_methods[] = {
    MIO4J_NATIVE("constant", "(Ljava/lang/String;)J", posix_constant),
};

const struct mio4j_natives mio4j_posix_constant_natives = {
    "io/mio4j/internal/unix/PosixCallsJni", constant_methods, MIO4J_COUNT(constant_methods)
};
