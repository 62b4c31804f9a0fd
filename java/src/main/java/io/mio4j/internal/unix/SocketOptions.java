package io.mio4j.internal.unix;

import io.mio4j.internal.io.NativeConstant;
import io.mio4j.internal.SocketKind;
import io.mio4j.internal.SocketOptionTable;
import io.mio4j.internal.SocketOptionTable.Value;

import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.util.Set;

import static io.mio4j.internal.SocketOptionTable.ABSENT;
import static io.mio4j.internal.SocketOptionTable.ALL;
import static io.mio4j.internal.SocketOptionTable.IP_ANY;
import static io.mio4j.internal.SocketOptionTable.STREAMS;
import static io.mio4j.internal.SocketOptionTable.TCP_CONNECTION;
import static io.mio4j.internal.SocketOptionTable.UDP_ONLY;

/**
 * The Unix option table: (level, name) for IPv4 and IPv6 sockets (Unix sockets use the
 * IPv4 column, which for SOL_SOCKET options is the same). Every number comes from the
 * library; an option whose constant this OS lacks is simply not in the table, so asking
 * for it is an UnsupportedOperationException.
 *
 * <p>Adding an option is adding one line below; {@link io.mio4j.internal.NetSocket#setOption}
 * and {@link io.mio4j.internal.NetSocket#getOption} do the rest.
 */
public final class SocketOptions {
    static final SocketOptionTable TABLE = new SocketOptionTable();

    static {
        int solSocket = Posix.constant("SOL_SOCKET");
        int ip = Posix.constant("IPPROTO_IP");
        int ipv6 = Posix.constant("IPPROTO_IPV6");
        int tcp = Posix.constant("IPPROTO_TCP");

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

    /** The options a kind of socket supports (on this OS), for supportedOptions(). */
    public static Set<SocketOption<?>> supported(SocketKind kind) {
        return TABLE.supported(kind);
    }

    private static void socketLevel(SocketOption<?> option, Value value, Set<SocketKind> kinds, int level, String name) {
        long number = Posix.CALLS.constant(name);
        if (NativeConstant.known(number)) {
            TABLE.add(option, value, kinds, level, (int) number);
        }
    }

    /** A SOL_SOCKET/IPPROTO_TCP int option with the range the OS accepts. */
    private static void socketLevel(SocketOption<?> option, Set<SocketKind> kinds, int level, String name, int min, int max) {
        long number = Posix.CALLS.constant(name);
        if (NativeConstant.known(number)) {
            TABLE.add(option, Value.INT, kinds, level, (int) number, level, (int) number, min, max);
        }
    }

    private static void ipLevel(SocketOption<?> option, Value value, Set<SocketKind> kinds,
                                int v4Level, String v4Name, int v6Level, String v6Name, int min, int max) {
        long n4 = Posix.CALLS.constant(v4Name);
        long n6 = Posix.CALLS.constant(v6Name);
        if (NativeConstant.known(n4) || NativeConstant.known(n6)) {
            TABLE.add(option, value, kinds,
                    NativeConstant.known(n4) ? v4Level : ABSENT, (int) n4,
                    NativeConstant.known(n6) ? v6Level : ABSENT, (int) n6, min, max);
        }
    }

    /**
     * jdk.net's TCP keep-alive options (mio's TcpKeepalive), in a class of their own: the
     * module jdk.net is optional, and without it these rows are left out.
     */
    private static final class KeepAliveOptions {
        static void addTo(int tcp) {
            try {
                // The ranges Linux accepts (MAX_TCP_KEEPIDLE, MAX_TCP_KEEPINTVL, MAX_TCP_KEEPCNT in
                // include/net/tcp.h), so a value the kernel would refuse is refused here, as the
                // other range checks of setOption are; other Unixes take at least these.
                socketLevel(jdk.net.ExtendedSocketOptions.TCP_KEEPIDLE, TCP_CONNECTION, tcp, "TCP_KEEPIDLE", 1, 32767);
                socketLevel(jdk.net.ExtendedSocketOptions.TCP_KEEPINTERVAL, TCP_CONNECTION, tcp, "TCP_KEEPINTVL", 1, 32767);
                socketLevel(jdk.net.ExtendedSocketOptions.TCP_KEEPCOUNT, TCP_CONNECTION, tcp, "TCP_KEEPCNT", 1, 127);
            } catch (LinkageError absent) {
                // jdk.net is not in this runtime: no keep-alive tuning options
            }
        }
    }
}
