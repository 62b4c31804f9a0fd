package io.mio4j.internal.unix;

import io.mio4j.internal.NativeConstant;

import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import static io.mio4j.internal.unix.SocketOptions.Kind.TCP_LISTENER;
import static io.mio4j.internal.unix.SocketOptions.Kind.TCP_SOCKET;
import static io.mio4j.internal.unix.SocketOptions.Kind.TCP_STREAM;
import static io.mio4j.internal.unix.SocketOptions.Kind.UDP;
import static io.mio4j.internal.unix.SocketOptions.Kind.UNIX_DATAGRAM;
import static io.mio4j.internal.unix.SocketOptions.Kind.UNIX_LISTENER;
import static io.mio4j.internal.unix.SocketOptions.Kind.UNIX_STREAM;

/**
 * The one table of socket options: for each supported {@link SocketOption}, the kinds of
 * socket it applies to, how its value crosses to the OS, and its (level, name) for IPv4
 * and IPv6 sockets (Unix sockets use the IPv4 column, which for SOL_SOCKET options is
 * the same). Every number comes from the library; an option whose constant this OS lacks
 * is simply not in the table, so asking for it is an UnsupportedOperationException.
 *
 * <p>Adding an option is adding one {@code add(...)} line below; {@link Socket#setOption}
 * and {@link Socket#getOption} do the rest.
 */
public final class SocketOptions {
    /** What a socket is; decides which options apply to it. */
    public enum Kind {
        TCP_STREAM, TCP_LISTENER,
        /** TcpSocket before connect()/listen(): stream and listener options. */
        TCP_SOCKET,
        UDP, UNIX_STREAM, UNIX_LISTENER, UNIX_DATAGRAM
    }

    /** How a value crosses to the OS. */
    enum Value {
        /** Boolean as an int 0/1. */
        BOOLEAN,
        /** Integer as an int, checked against the entry's [min, max]. */
        INT,
        /** Integer seconds in a struct linger; negative = off. */
        LINGER,
        /** NetworkInterface: an IPv4 in_addr or an IPv6 interface index. */
        INTERFACE
    }

    /** One row of the table. A level of -1 means: not available for that family. */
    static final class Entry {
        final SocketOption<?> option;
        final Value value;
        final Set<Kind> kinds;
        final int v4Level;
        final int v4Name;
        final int v6Level;
        final int v6Name;
        final int min;
        final int max;

        Entry(SocketOption<?> option, Value value, Set<Kind> kinds,
              int v4Level, int v4Name, int v6Level, int v6Name, int min, int max) {
            this.option = option;
            this.value = value;
            this.kinds = kinds;
            this.v4Level = v4Level;
            this.v4Name = v4Name;
            this.v6Level = v6Level;
            this.v6Name = v6Name;
            this.min = min;
            this.max = max;
        }

        int level(int family) {
            return family == Socket.AF_INET6 ? v6Level : v4Level;
        }

        int name(int family) {
            return family == Socket.AF_INET6 ? v6Name : v4Name;
        }
    }

    private static final Set<Kind> ALL = EnumSet.allOf(Kind.class);
    private static final Set<Kind> TCP_CONNECTION = EnumSet.of(TCP_STREAM, TCP_SOCKET);
    private static final Set<Kind> TCP_ANY = EnumSet.of(TCP_STREAM, TCP_LISTENER, TCP_SOCKET);
    private static final Set<Kind> IP_ANY = EnumSet.of(TCP_STREAM, TCP_LISTENER, TCP_SOCKET, UDP);
    private static final Set<Kind> STREAMS = EnumSet.of(TCP_STREAM, TCP_SOCKET, UNIX_STREAM);
    private static final Set<Kind> UDP_ONLY = EnumSet.of(UDP);

    private static final Map<SocketOption<?>, Entry> TABLE = new HashMap<>();

    static {
        int solSocket = Constants.socket("SOL_SOCKET");
        int ip = Constants.socket("IPPROTO_IP");
        int ipv6 = Constants.socket("IPPROTO_IPV6");
        int tcp = Constants.socket("IPPROTO_TCP");

        socketLevel(StandardSocketOptions.SO_SNDBUF, Value.INT, ALL, solSocket, "SO_SNDBUF");
        socketLevel(StandardSocketOptions.SO_RCVBUF, Value.INT, ALL, solSocket, "SO_RCVBUF");
        socketLevel(StandardSocketOptions.SO_REUSEADDR, Value.BOOLEAN, IP_ANY, solSocket, "SO_REUSEADDR");
        socketLevel(StandardSocketOptions.SO_REUSEPORT, Value.BOOLEAN, IP_ANY, solSocket, "SO_REUSEPORT");
        socketLevel(StandardSocketOptions.SO_KEEPALIVE, Value.BOOLEAN, TCP_CONNECTION, solSocket, "SO_KEEPALIVE");
        socketLevel(StandardSocketOptions.SO_LINGER, Value.LINGER, STREAMS, solSocket, "SO_LINGER");
        socketLevel(StandardSocketOptions.SO_BROADCAST, Value.BOOLEAN, UDP_ONLY, solSocket, "SO_BROADCAST");
        socketLevel(StandardSocketOptions.TCP_NODELAY, Value.BOOLEAN, TCP_CONNECTION, tcp, "TCP_NODELAY");

        ipLevel(StandardSocketOptions.IP_TOS, Value.INT, IP_ANY, ip, "IP_TOS", ipv6, "IPV6_TCLASS", 0, 255);
        ipLevel(StandardSocketOptions.IP_MULTICAST_TTL, Value.INT, UDP_ONLY,
                ip, "IP_MULTICAST_TTL", ipv6, "IPV6_MULTICAST_HOPS", 0, 255);
        ipLevel(StandardSocketOptions.IP_MULTICAST_LOOP, Value.BOOLEAN, UDP_ONLY,
                ip, "IP_MULTICAST_LOOP", ipv6, "IPV6_MULTICAST_LOOP", 0, 1);
        ipLevel(StandardSocketOptions.IP_MULTICAST_IF, Value.INTERFACE, UDP_ONLY,
                ip, "IP_MULTICAST_IF", ipv6, "IPV6_MULTICAST_IF", 0, 0);

        KeepAliveOptions.addTo(tcp);
    }

    private SocketOptions() {
    }

    /** The entry for an option that applies to this kind; UnsupportedOperationException otherwise. */
    static Entry entry(SocketOption<?> option, Kind kind) {
        Entry entry = TABLE.get(option);
        if (entry == null || kind == null || !entry.kinds.contains(kind)) {
            throw new UnsupportedOperationException("'" + option + "' is not supported by "
                    + (kind == null ? "this socket" : kind.toString().toLowerCase().replace('_', ' ') + " sockets"));
        }
        return entry;
    }

    /** The options a kind of socket supports (on this OS), for supportedOptions(). */
    public static Set<SocketOption<?>> supported(Kind kind) {
        Set<SocketOption<?>> options = new LinkedHashSet<>();
        for (Entry entry : TABLE.values()) {
            if (entry.kinds.contains(kind)) {
                options.add(entry.option);
            }
        }
        return Collections.unmodifiableSet(options);
    }

    private static void socketLevel(SocketOption<?> option, Value value, Set<Kind> kinds, int level, String name) {
        long number = SocketNative.constant(name);
        if (NativeConstant.known(number)) {
            int n = (int) number;
            add(new Entry(option, value, kinds, level, n, level, n, 0, Integer.MAX_VALUE));
        }
    }

    private static void ipLevel(SocketOption<?> option, Value value, Set<Kind> kinds,
                                int v4Level, String v4Name, int v6Level, String v6Name, int min, int max) {
        long n4 = SocketNative.constant(v4Name);
        long n6 = SocketNative.constant(v6Name);
        if (NativeConstant.known(n4) || NativeConstant.known(n6)) {
            add(new Entry(option, value, kinds,
                    NativeConstant.known(n4) ? v4Level : -1, (int) n4,
                    NativeConstant.known(n6) ? v6Level : -1, (int) n6, min, max));
        }
    }

    private static void add(Entry entry) {
        TABLE.put(entry.option, entry);
    }

    /**
     * jdk.net's TCP keep-alive options (mio's TcpKeepalive), in a class of their own: the
     * module jdk.net is optional, and without it these rows are left out.
     */
    private static final class KeepAliveOptions {
        static void addTo(int tcp) {
            try {
                socketLevel(jdk.net.ExtendedSocketOptions.TCP_KEEPIDLE, Value.INT, TCP_CONNECTION, tcp, "TCP_KEEPIDLE");
                socketLevel(jdk.net.ExtendedSocketOptions.TCP_KEEPINTERVAL, Value.INT, TCP_CONNECTION, tcp, "TCP_KEEPINTVL");
                socketLevel(jdk.net.ExtendedSocketOptions.TCP_KEEPCOUNT, Value.INT, TCP_CONNECTION, tcp, "TCP_KEEPCNT");
            } catch (LinkageError absent) {
                // jdk.net is not in this runtime: no keep-alive tuning options
            }
        }
    }
}
