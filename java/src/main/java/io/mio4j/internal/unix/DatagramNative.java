package io.mio4j.internal.unix;

import io.mio4j.internal.NativeLibrary;

import java.nio.ByteBuffer;

/**
 * Natives of native/common/datagram.c. Results: a count, or -errno. Addresses are byte
 * arrays in the layout of {@link SockAddr}; IP addresses of groups and interfaces are
 * the raw 4 or 16 bytes.
 */
public final class DatagramNative {
    static {
        NativeLibrary.ensureLoaded();
    }

    private DatagramNative() {
    }

    public static native long constant(String name);

    /** sendto(2) from [pos, pos + len) of a direct buffer to address. */
    public static native int sendTo(int fd, ByteBuffer buffer, int pos, int len, byte[] address);

    /**
     * recvfrom(2) into [pos, pos + len) of a direct buffer; the sender goes to address
     * ({@link SockAddr#MAX} bytes). With MSG_TRUNC in flags the result is the datagram's
     * full length, which exceeds len when the datagram was truncated.
     */
    public static native int recvFrom(int fd, ByteBuffer buffer, int pos, int len, int flags, byte[] address);

    /** IP_ADD_MEMBERSHIP / IP_DROP_MEMBERSHIP (option) with struct ip_mreq. */
    public static native int membershipV4(int fd, int option, byte[] group, byte[] iface);

    /** IPV6_JOIN_GROUP / IPV6_LEAVE_GROUP (option) with struct ipv6_mreq. */
    public static native int membershipV6(int fd, int option, byte[] group, int ifindex);
}
