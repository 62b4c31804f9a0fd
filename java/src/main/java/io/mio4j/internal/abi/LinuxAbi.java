package io.mio4j.internal.abi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Linux's constants and struct layouts for the bindings that run no C of ours (FFM, JNA):
 * what native/unix/constants.c, native/unix/errno.c and native/epoll/epoll.c report to
 * the JNI binding, and what those C files' calls take for granted (flags, sizes and
 * offsets of the structs they fill). One table per architecture; they differ only where
 * the kernel's ABI does. LinuxAbiTest compares every entry with the JNI library and with
 * the C headers (compiled with each architecture's compiler found on the machine).
 *
 * <p>The values are Linux's "generic" ABI (asm-generic), which x86_64, aarch64 and s390x
 * share for everything here but struct epoll_event: the kernel declares it packed on
 * x86_64 only (12 bytes, data at 4), naturally aligned elsewhere (16 bytes, data at 8).
 * Architectures with other values (alpha, mips, sparc, parisc, powerpc's ioctls) have no
 * table, so the FFM and JNA bindings refuse them rather than guess.
 */
public final class LinuxAbi {
    /** The platforms (os-maven-plugin names) that have a table. */
    private static final Map<String, LinuxAbi> TABLES = tables();

    private final String platform;
    private final Map<String, Integer> posix;
    /** The int-valued options' names, each with its level's name (constants.c's INT_OPTION marks). */
    private final Map<String, String> optionLevels;
    /** The same as (level, name) value pairs, for the allocation-free check of every option call. */
    private final long[] intOptions;
    private final Map<String, Integer> errno;
    private final Map<String, Integer> epoll;
    private final Map<String, Integer> calls;

    private LinuxAbi(String platform, boolean packedEpollEvent) {
        this.platform = platform;
        Map<String, String> levels = new LinkedHashMap<>();
        this.posix = Collections.unmodifiableMap(posixTable(levels));
        this.optionLevels = Collections.unmodifiableMap(levels);
        long[] pairs = new long[levels.size()];
        int i = 0;
        for (Map.Entry<String, String> option : levels.entrySet()) {
            pairs[i++] = pair(posix.get(option.getValue()), posix.get(option.getKey()));
        }
        this.intOptions = pairs;
        this.errno = Collections.unmodifiableMap(errnoTable());
        this.epoll = Collections.unmodifiableMap(epollTable(packedEpollEvent));
        this.calls = Collections.unmodifiableMap(callsTable());
    }

    /** The table for an os-maven-plugin platform name ("linux-x86_64"), or null. */
    public static LinuxAbi of(String platform) {
        return TABLES.get(platform);
    }

    /** The platforms that have a table, for messages. */
    public static List<String> platforms() {
        return List.copyOf(TABLES.keySet());
    }

    public String platform() {
        return platform;
    }

    /** What PosixCalls.constant answers: constants.c's table. */
    public Map<String, Integer> posix() {
        return posix;
    }

    /** The int-valued socket options by name, each with its level's name: constants.c's INT_OPTION entries. */
    public Map<String, String> optionLevels() {
        return optionLevels;
    }

    /** constants.c's mio4j_unix_is_int_option: whether (level, name) is an INT_OPTION entry. */
    public boolean isIntOption(int level, int name) {
        long wanted = pair(level, name);
        for (long option : intOptions) {
            if (option == wanted) {
                return true;
            }
        }
        return false;
    }

    private static long pair(int level, int name) {
        return ((long) level << 32) | (name & 0xFFFFFFFFL);
    }

    /** What ErrnoCalls.constant answers: errno.c's table. */
    public Map<String, Integer> errno() {
        return errno;
    }

    /** What EpollCalls.constant answers: epoll.c's table. */
    public Map<String, Integer> epoll() {
        return epoll;
    }

    /**
     * What the bindings' own calls need and no constant() reports: the flags that make a
     * descriptor non-blocking and close-on-exec from birth, MSG_NOSIGNAL, FIONBIO, the
     * syscall number of epoll_pwait2, and the sizes and offsets of the structs they fill.
     */
    public Map<String, Integer> calls() {
        return calls;
    }

    /** A value of {@link #calls()} the bindings cannot do without. */
    public int call(String name) {
        Integer value = calls.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no " + name + " in the " + platform + " table");
        }
        return value;
    }

    private static Map<String, LinuxAbi> tables() {
        Map<String, LinuxAbi> tables = new LinkedHashMap<>();
        tables.put("linux-x86_64", new LinuxAbi("linux-x86_64", true));
        tables.put("linux-aarch_64", new LinuxAbi("linux-aarch_64", false));
        tables.put("linux-s390_64", new LinuxAbi("linux-s390_64", false));
        return Collections.unmodifiableMap(tables);
    }

    /**
     * constants.c's table. An int-valued socket option (INT_OPTION(level, name) there: the
     * only pairs getIntOption/setIntOption take) is entered with {@link #option}, which also
     * records its level's name in {@code levels}; LinuxAbiTest compares those marks with
     * the C's.
     */
    private static Map<String, Integer> posixTable(Map<String, String> levels) {
        Map<String, Integer> t = new LinkedHashMap<>();
        t.put("AF_INET", 2);
        t.put("AF_INET6", 10);
        t.put("AF_UNIX", 1);
        t.put("SOCK_STREAM", 1);
        t.put("SOCK_DGRAM", 2);
        t.put("SOL_SOCKET", 1);
        option(t, levels, "SOL_SOCKET", "SO_REUSEADDR", 2);
        option(t, levels, "SOL_SOCKET", "SO_REUSEPORT", 15);
        option(t, levels, "SOL_SOCKET", "SO_ERROR", 4);
        option(t, levels, "SOL_SOCKET", "SO_KEEPALIVE", 9);
        option(t, levels, "SOL_SOCKET", "SO_RCVBUF", 8);
        option(t, levels, "SOL_SOCKET", "SO_SNDBUF", 7);
        option(t, levels, "SOL_SOCKET", "SO_BROADCAST", 6);
        t.put("SO_LINGER", 13);
        option(t, levels, "SOL_SOCKET", "SO_OOBINLINE", 10);
        option(t, levels, "SOL_SOCKET", "SO_TYPE", 3);
        option(t, levels, "SOL_SOCKET", "SO_ACCEPTCONN", 30);
        t.put("IPPROTO_TCP", 6);
        t.put("IPPROTO_UDP", 17);
        t.put("IPPROTO_IP", 0);
        t.put("IPPROTO_IPV6", 41);
        option(t, levels, "IPPROTO_TCP", "TCP_NODELAY", 1);
        option(t, levels, "IPPROTO_TCP", "TCP_KEEPIDLE", 4);
        option(t, levels, "IPPROTO_TCP", "TCP_KEEPINTVL", 5);
        option(t, levels, "IPPROTO_TCP", "TCP_KEEPCNT", 6);
        option(t, levels, "IPPROTO_IP", "IP_TTL", 2);
        option(t, levels, "IPPROTO_IP", "IP_TOS", 1);
        option(t, levels, "IPPROTO_IP", "IP_MULTICAST_TTL", 33);
        option(t, levels, "IPPROTO_IP", "IP_MULTICAST_LOOP", 34);
        option(t, levels, "IPPROTO_IP", "IP_MULTICAST_IF", 32);
        t.put("IP_ADD_MEMBERSHIP", 35);
        t.put("IP_DROP_MEMBERSHIP", 36);
        option(t, levels, "IPPROTO_IPV6", "IPV6_UNICAST_HOPS", 16);
        option(t, levels, "IPPROTO_IPV6", "IPV6_V6ONLY", 26);
        option(t, levels, "IPPROTO_IPV6", "IPV6_MULTICAST_LOOP", 19);
        option(t, levels, "IPPROTO_IPV6", "IPV6_MULTICAST_HOPS", 18);
        option(t, levels, "IPPROTO_IPV6", "IPV6_MULTICAST_IF", 17);
        option(t, levels, "IPPROTO_IPV6", "IPV6_TCLASS", 67);
        t.put("IPV6_JOIN_GROUP", 20);
        t.put("IPV6_LEAVE_GROUP", 21);
        t.put("SHUT_RD", 0);
        t.put("SHUT_WR", 1);
        t.put("SHUT_RDWR", 2);
        t.put("MSG_PEEK", 2);
        t.put("MSG_TRUNC", 32);
        // glibc's header value since 2.31 (the kernel's since 5.4); listen() caps the
        // backlog at net.core.somaxconn whatever is passed.
        t.put("SOMAXCONN", 4096);
        // As native/unix/iovec.h: 1024, Linux's UIO_MAXIOV.
        t.put("IOV_MAX", 1024);
        // As native/unix/sockaddr.h: the size of our address layout (SockAddr.MAX).
        t.put("SOCKADDR_MAX", 128);
        t.put("SUN_PATH_SIZE", 108);
        return t;
    }

    /** An INT_OPTION(level, name) entry; the level's own entry must come first. */
    private static void option(Map<String, Integer> t, Map<String, String> levels, String level, String name, int value) {
        if (!t.containsKey(level)) {
            throw new IllegalStateException(name + " before its level " + level);
        }
        t.put(name, value);
        levels.put(name, level);
    }

    private static Map<String, Integer> errnoTable() {
        Map<String, Integer> t = new LinkedHashMap<>();
        t.put("EAGAIN", 11);
        t.put("EWOULDBLOCK", 11);
        t.put("EINTR", 4);
        t.put("EINPROGRESS", 115);
        t.put("EALREADY", 114);
        t.put("EISCONN", 106);
        t.put("ECONNREFUSED", 111);
        t.put("ECONNRESET", 104);
        t.put("ECONNABORTED", 103);
        t.put("EADDRINUSE", 98);
        t.put("EADDRNOTAVAIL", 99);
        t.put("ENETUNREACH", 101);
        t.put("EHOSTUNREACH", 113);
        t.put("ENETDOWN", 100);
        t.put("ETIMEDOUT", 110);
        t.put("EBADF", 9);
        t.put("EPIPE", 32);
        t.put("ENOTCONN", 107);
        t.put("EINVAL", 22);
        t.put("EEXIST", 17);
        t.put("ENOENT", 2);
        t.put("EMFILE", 24);
        t.put("ENFILE", 23);
        t.put("EACCES", 13);
        t.put("EPERM", 1);
        t.put("EAFNOSUPPORT", 97);
        t.put("ENOTSOCK", 88);
        t.put("EDESTADDRREQ", 89);
        t.put("EMSGSIZE", 90);
        t.put("ENOPROTOOPT", 92);
        t.put("ENOSYS", 38);
        t.put("ENOMEM", 12);
        t.put("ENOBUFS", 105);
        t.put("EOPNOTSUPP", 95);
        t.put("EPROTONOSUPPORT", 93);
        t.put("ENAMETOOLONG", 36);
        t.put("ENOTDIR", 20);
        t.put("EIO", 5);
        return t;
    }

    private static Map<String, Integer> epollTable(boolean packed) {
        Map<String, Integer> t = new LinkedHashMap<>();
        t.put("EPOLLIN", 0x001);
        t.put("EPOLLOUT", 0x004);
        t.put("EPOLLPRI", 0x002);
        t.put("EPOLLERR", 0x008);
        t.put("EPOLLHUP", 0x010);
        t.put("EPOLLRDHUP", 0x2000);
        t.put("EPOLLET", 1 << 31);   // as the C's (jint) cast reports it
        t.put("EPOLLONESHOT", 1 << 30);
        t.put("EPOLL_CTL_ADD", 1);
        t.put("EPOLL_CTL_MOD", 3);
        t.put("EPOLL_CTL_DEL", 2);
        t.put("SIZEOF_EPOLL_EVENT", packed ? 12 : 16);
        t.put("OFFSETOF_EVENTS", 0);
        t.put("OFFSETOF_DATA", packed ? 4 : 8);
        return t;
    }

    private static Map<String, Integer> callsTable() {
        Map<String, Integer> t = new LinkedHashMap<>();
        // Born non-blocking and close-on-exec: socket/socketpair/accept4, pipe2, eventfd,
        // epoll_create1 (native/unix/compat.c, native/epoll).
        t.put("SOCK_NONBLOCK", 04000);
        t.put("SOCK_CLOEXEC", 02000000);
        t.put("O_NONBLOCK", 04000);
        t.put("O_CLOEXEC", 02000000);
        t.put("EFD_NONBLOCK", 04000);
        t.put("EFD_CLOEXEC", 02000000);
        t.put("EPOLL_CLOEXEC", 02000000);
        t.put("MSG_NOSIGNAL", 0x4000);
        t.put("FIONBIO", 0x5421);
        // Linux 5.11; one number on every architecture for syscalls added since 4.18.
        t.put("SYS_epoll_pwait2", 441);
        // struct sockaddr_in / sockaddr_in6 / sockaddr_un / sockaddr_storage: sa_family_t
        // (an unsigned short in host order) at 0, ports in network order at 2.
        t.put("SIZEOF_SOCKADDR_STORAGE", 128);
        t.put("SIZEOF_SOCKADDR_IN", 16);
        t.put("OFFSETOF_SIN_PORT", 2);
        t.put("OFFSETOF_SIN_ADDR", 4);
        t.put("SIZEOF_SOCKADDR_IN6", 28);
        t.put("OFFSETOF_SIN6_PORT", 2);
        t.put("OFFSETOF_SIN6_FLOWINFO", 4);
        t.put("OFFSETOF_SIN6_ADDR", 8);
        t.put("OFFSETOF_SIN6_SCOPE_ID", 24);
        t.put("SIZEOF_SOCKADDR_UN", 110);
        t.put("OFFSETOF_SUN_PATH", 2);
        // struct iovec and struct msghdr (LP64: pointers and size_t are 8 bytes).
        t.put("SIZEOF_IOVEC", 16);
        t.put("OFFSETOF_IOV_LEN", 8);
        t.put("SIZEOF_MSGHDR", 56);
        t.put("OFFSETOF_MSG_IOV", 16);
        t.put("OFFSETOF_MSG_IOVLEN", 24);
        // struct linger {int l_onoff; int l_linger;}, struct ip_mreq, struct ipv6_mreq.
        t.put("SIZEOF_LINGER", 8);
        t.put("OFFSETOF_L_LINGER", 4);
        t.put("SIZEOF_IP_MREQ", 8);
        t.put("OFFSETOF_IMR_INTERFACE", 4);
        t.put("SIZEOF_IPV6_MREQ", 20);
        t.put("OFFSETOF_IPV6MR_INTERFACE", 16);
        // struct timespec {time_t tv_sec; long tv_nsec;} on LP64.
        t.put("SIZEOF_TIMESPEC", 16);
        t.put("OFFSETOF_TV_NSEC", 8);
        t.put("SIZEOF_POINTER", 8);
        return t;
    }
}
