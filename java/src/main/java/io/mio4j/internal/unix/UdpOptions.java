package io.mio4j.internal.unix;

import io.mio4j.internal.NetSocket.NamedOption;

/**
 * (level, name) numbers for UdpSocket's named option methods, which, as in mio, use the
 * IPv4 or the IPv6 level that their name says whatever the socket's family (the OS
 * rejects a level that does not fit).
 */
final class UdpOptions {
    private static final int SO_BROADCAST = Posix.constant("SO_BROADCAST");
    private static final int SOL_SOCKET = Posix.constant("SOL_SOCKET");
    private static final int IPPROTO_IP = Posix.constant("IPPROTO_IP");
    private static final int IPPROTO_IPV6 = Posix.constant("IPPROTO_IPV6");
    private static final int IP_MULTICAST_LOOP = Posix.constant("IP_MULTICAST_LOOP");
    private static final int IP_MULTICAST_TTL = Posix.constant("IP_MULTICAST_TTL");
    private static final int IPV6_MULTICAST_LOOP = Posix.constant("IPV6_MULTICAST_LOOP");
    private static final int IPV6_V6ONLY = Posix.constant("IPV6_V6ONLY");

    private UdpOptions() {
    }

    static int level(NamedOption option) {
        switch (option) {
            case BROADCAST:
                return SOL_SOCKET;
            case MULTICAST_LOOP_V4:
            case MULTICAST_TTL_V4:
                return IPPROTO_IP;
            case MULTICAST_LOOP_V6:
            case ONLY_V6:
                return IPPROTO_IPV6;
            default:
                throw new AssertionError(option);
        }
    }

    static int name(NamedOption option) {
        switch (option) {
            case BROADCAST:
                return SO_BROADCAST;
            case MULTICAST_LOOP_V4:
                return IP_MULTICAST_LOOP;
            case MULTICAST_TTL_V4:
                return IP_MULTICAST_TTL;
            case MULTICAST_LOOP_V6:
                return IPV6_MULTICAST_LOOP;
            case ONLY_V6:
                return IPV6_V6ONLY;
            default:
                throw new AssertionError(option);
        }
    }
}
