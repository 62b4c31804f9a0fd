package io.mio4j.internal.afd;

import io.mio4j.internal.io.NativeConstant;
import io.mio4j.internal.NetSocket.NamedOption;
import io.mio4j.internal.SocketKind;
import io.mio4j.internal.SocketOptionTable;
import io.mio4j.internal.SocketOptionTable.Value;

import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.util.Set;
import java.util.function.ToLongFunction;

import static io.mio4j.internal.SocketOptionTable.ABSENT;
import static io.mio4j.internal.SocketOptionTable.ALL;
import static io.mio4j.internal.SocketOptionTable.IP_ANY;
import static io.mio4j.internal.SocketOptionTable.STREAMS;
import static io.mio4j.internal.SocketOptionTable.TCP_CONNECTION;
import static io.mio4j.internal.SocketOptionTable.UDP_ONLY;

/**
 * The Windows twin of io.mio4j.internal.unix.SocketOptions: the same SocketOptions,
 * mapped to our OPT_* numbers of native/afd/socket_win.h (each names its own Winsock
 * level and option in C, so the level here is always {@link #LEVEL}). Options Windows
 * lacks or ignores are left out (UnsupportedOperationException): SO_REUSEPORT (no such
 * option), IP_TOS (ignored by Windows), IP_MULTICAST_IF and the IPv6 multicast hop limit
 * (not in the C table yet). The table is built from a constant lookup so that it can be
 * checked on Linux against the C source.
 */
final class WinSocketOptions {
    /** The level every row carries: the OPT_* number alone names the option. */
    static final int LEVEL = 0;

    private WinSocketOptions() {
    }

    /** The table of mio4j.dll's constants. */
    static SocketOptionTable table() {
        return Library.TABLE;
    }

    /** The OPT_* number of an option UdpSocket sets by name. */
    static int named(NamedOption option) {
        return Library.NAMED[option.ordinal()];
    }

    /** The OPT_* name of an option UdpSocket sets by name. */
    static String nameOf(NamedOption option) {
        switch (option) {
            case BROADCAST:
                return "OPT_BROADCAST";
            case MULTICAST_LOOP_V4:
                return "OPT_IP_MULTICAST_LOOP";
            case MULTICAST_TTL_V4:
                return "OPT_IP_MULTICAST_TTL";
            case MULTICAST_LOOP_V6:
                return "OPT_IPV6_MULTICAST_LOOP";
            case ONLY_V6:
                return "OPT_IPV6_V6ONLY";
            default:
                throw new AssertionError(option);
        }
    }

    /** The table, with OPT_* numbers from {@code constant} (NativeConstant.UNKNOWN: left out). */
    static SocketOptionTable table(ToLongFunction<String> constant) {
        SocketOptionTable table = new SocketOptionTable();
        both(table, constant, StandardSocketOptions.SO_SNDBUF, Value.INT, ALL, "OPT_SNDBUF");
        both(table, constant, StandardSocketOptions.SO_RCVBUF, Value.INT, ALL, "OPT_RCVBUF");
        both(table, constant, StandardSocketOptions.SO_REUSEADDR, Value.BOOLEAN, IP_ANY, "OPT_REUSEADDR");
        both(table, constant, StandardSocketOptions.SO_KEEPALIVE, Value.BOOLEAN, TCP_CONNECTION, "OPT_KEEPALIVE");
        both(table, constant, StandardSocketOptions.SO_LINGER, Value.LINGER, STREAMS, "OPT_LINGER");
        both(table, constant, StandardSocketOptions.SO_BROADCAST, Value.BOOLEAN, UDP_ONLY, "OPT_BROADCAST");
        both(table, constant, StandardSocketOptions.TCP_NODELAY, Value.BOOLEAN, TCP_CONNECTION, "OPT_TCP_NODELAY");
        perFamily(table, constant, StandardSocketOptions.IP_MULTICAST_TTL, Value.INT, UDP_ONLY,
                "OPT_IP_MULTICAST_TTL", null, 0, 255);
        perFamily(table, constant, StandardSocketOptions.IP_MULTICAST_LOOP, Value.BOOLEAN, UDP_ONLY,
                "OPT_IP_MULTICAST_LOOP", "OPT_IPV6_MULTICAST_LOOP", 0, 1);
        KeepAliveOptions.addTo(table, constant);
        return table;
    }

    private static void both(SocketOptionTable table, ToLongFunction<String> constant, SocketOption<?> option,
                             Value value, Set<SocketKind> kinds, String name) {
        long number = constant.applyAsLong(name);
        if (NativeConstant.known(number)) {
            table.add(option, value, kinds, LEVEL, (int) number);
        }
    }

    /** v6Name null: the option does not exist for IPv6 sockets here. */
    private static void perFamily(SocketOptionTable table, ToLongFunction<String> constant, SocketOption<?> option,
                                  Value value, Set<SocketKind> kinds, String v4Name, String v6Name, int min, int max) {
        long n4 = constant.applyAsLong(v4Name);
        long n6 = v6Name == null ? NativeConstant.UNKNOWN : constant.applyAsLong(v6Name);
        if (NativeConstant.known(n4) || NativeConstant.known(n6)) {
            table.add(option, value, kinds,
                    NativeConstant.known(n4) ? LEVEL : ABSENT, (int) n4,
                    NativeConstant.known(n6) ? LEVEL : ABSENT, (int) n6, min, max);
        }
    }

    /** jdk.net's keep-alive options; left out without the (optional) module jdk.net. */
    private static final class KeepAliveOptions {
        static void addTo(SocketOptionTable table, ToLongFunction<String> constant) {
            try {
                both(table, constant, jdk.net.ExtendedSocketOptions.TCP_KEEPIDLE, Value.INT, TCP_CONNECTION,
                        "OPT_TCP_KEEPIDLE");
                both(table, constant, jdk.net.ExtendedSocketOptions.TCP_KEEPINTERVAL, Value.INT, TCP_CONNECTION,
                        "OPT_TCP_KEEPINTVL");
                both(table, constant, jdk.net.ExtendedSocketOptions.TCP_KEEPCOUNT, Value.INT, TCP_CONNECTION,
                        "OPT_TCP_KEEPCNT");
            } catch (LinkageError absent) {
                // jdk.net is not in this runtime: no keep-alive tuning options
            }
        }
    }

    /** What mio4j.dll says, read on first use (so the table above can be built without it). */
    private static final class Library {
        static final SocketOptionTable TABLE = table(Winsock.CALLS::constant);
        static final int[] NAMED = new int[NamedOption.values().length];

        static {
            for (NamedOption option : NamedOption.values()) {
                String name = nameOf(option);
                NAMED[option.ordinal()] = NativeConstant.required(name, Winsock.CALLS.constant(name));
            }
        }
    }
}
