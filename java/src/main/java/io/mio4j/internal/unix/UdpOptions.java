package io.mio4j.internal.unix;

/**
 * (level, name) numbers for UdpSocket's named option methods, which, as in mio, use the
 * IPv4 or the IPv6 level that their name says whatever the socket's family (the OS
 * rejects a level that does not fit).
 */
public final class UdpOptions {
    public static final int SO_BROADCAST = Constants.socket("SO_BROADCAST");
    public static final int IPPROTO_IP = Constants.socket("IPPROTO_IP");
    public static final int IPPROTO_IPV6 = Constants.socket("IPPROTO_IPV6");
    public static final int IP_MULTICAST_LOOP = Constants.socket("IP_MULTICAST_LOOP");
    public static final int IP_MULTICAST_TTL = Constants.socket("IP_MULTICAST_TTL");
    public static final int IPV6_MULTICAST_LOOP = Constants.socket("IPV6_MULTICAST_LOOP");
    public static final int IPV6_V6ONLY = Constants.socket("IPV6_V6ONLY");

    private UdpOptions() {
    }
}
