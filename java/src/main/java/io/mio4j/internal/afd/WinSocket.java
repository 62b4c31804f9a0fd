package io.mio4j.internal.afd;

import io.mio4j.internal.IoDispatcher;
import io.mio4j.internal.NetSocket;
import io.mio4j.internal.SockAddr;
import io.mio4j.internal.SocketKind;
import io.mio4j.internal.SocketOptionTable;
import io.mio4j.internal.io.Errno;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.ClosedChannelException;
import java.util.Objects;

/**
 * A socket on Windows: the calls behind io.mio4j.net's classes that are not buffer I/O
 * (that is NetSocket's, over {@link WinsockDispatcher}; every would-block there calls
 * {@code wouldBlock()}, which re-arms the AFD poll: edge-triggered emulation).
 * Errors are negated Winsock codes that {@link Errno} maps to the same exceptions as
 * on Unix (its constants name Winsock codes here). The SOCKET is owned by an OsHandle
 * (a long handle), so close() from any thread is safe. Options go through
 * {@link WinSocketOptions}' table of our OPT_* numbers (the C side knows their levels).
 */
public final class WinSocket extends NetSocket {
    private static final int AF_INET = constant("FAMILY_V4");
    private static final int AF_INET6 = constant("FAMILY_V6");
    private static final int SOCK_STREAM = constant("STREAM");
    private static final int SOCK_DGRAM = constant("DATAGRAM");
    private static final int SHUT_RD = constant("SHUT_READ");
    private static final int SHUT_WR = constant("SHUT_WRITE");
    /**
     * Option "levels" exist for the shared shape of getIntOption/setIntOption only:
     * Windows option numbers (OPT_*) are ours and each names its own level.
     */
    private static final int SOL_SOCKET = WinSocketOptions.LEVEL;
    private static final int SO_ERROR = constant("OPT_ERROR");
    private static final int OPT_LINGER = constant("OPT_LINGER");
    private static final int OPT_IP_TTL = constant("OPT_IP_TTL");
    private static final int OPT_IPV6_UNICAST_HOPS = constant("OPT_IPV6_UNICAST_HOPS");

    private static final int ADDRESS_SIZE = constant("ADDRESS_SIZE");

    private final boolean ipv6;            // known from birth: Winsock has no cheap "family of"

    private WinSocket(long handle, SocketKind kind, boolean ipv6) {
        super(kind, handle, Winsock.CLOSE);
        this.ipv6 = ipv6;
    }

    /** A new non-blocking, non-inheritable, overlapped TCP or UDP socket (Backend.openSocket on Windows). */
    public static WinSocket open(SocketKind kind, boolean ipv6) throws IOException {
        if (kind.isUnix()) {
            throw new UnsupportedOperationException(kind.label() + " sockets are Unix-only");
        }
        int type = kind == SocketKind.UDP ? SOCK_DGRAM : SOCK_STREAM;
        return new WinSocket(open(ipv6 ? AF_INET6 : AF_INET, type), kind, ipv6);
    }

    /** A new non-blocking, non-inheritable, overlapped socket. */
    private static long open(int family, int type) throws IOException {
        long s = Winsock.CALLS.socket(family, type);
        if (s < 0) {
            throw Errno.exception("socket", s);
        }
        return s;
    }

    /**
     * Gives the SOCKET to a new WinSocket (TcpSocket's connect/listen): this one is closed
     * afterwards, but the SOCKET stays open in the one returned.
     */
    @Override
    public WinSocket handOver(SocketKind newKind) throws ClosedChannelException {
        return new WinSocket(handOver(), newKind, ipv6);
    }

    /** Windows sockets are not descriptors. */
    @Override
    public int fd() {
        throw new UnsupportedOperationException("fd() is Unix-only: a Windows socket is a SOCKET"
                + " handle, not a file descriptor");
    }

    /** The SOCKET, or -1 once closed. For interop, not for I/O. */
    public long socket() {
        return handleOrMinusOne();
    }

    @Override
    protected IoDispatcher io() {
        return WinsockDispatcher.INSTANCE;
    }

    @Override
    public String toString() {
        return "socket=" + socket();
    }

    /** Our layout of an InetSocketAddress (the natives share the Unix natives' layout). */
    @Override
    protected byte[] encode(SocketAddress address) {
        if (!(Objects.requireNonNull(address, "address") instanceof InetSocketAddress)) {
            throw new UnsupportedOperationException(address.getClass().getSimpleName() + " is Unix-only");
        }
        return SockAddr.encode((InetSocketAddress) address);
    }

    @Override
    protected SocketAddress decodeSender(byte[] address) {
        return SockAddr.decodeInet(address);
    }

    @Override
    protected int addressSize() {
        return Math.max(ADDRESS_SIZE, SockAddr.MAX);
    }

    @Override
    public void bind(SocketAddress address) throws IOException {
        byte[] encoded = encode(address);
        call("bind", s -> Winsock.CALLS.bind(s, encoded));
    }

    @Override
    public void listen(int backlog) throws IOException {
        call("listen", s -> Winsock.CALLS.listen(s, backlog));
    }

    /**
     * Nothing: on Windows SO_REUSEADDR lets another socket bind the same port while this
     * one listens ("socket hijacking"), so a listener, as in mio, goes without it.
     */
    @Override
    public void reuseAddressForListening() {
    }

    /** Starts a connect: true when it completed at once, false while in progress. */
    @Override
    public boolean connect(SocketAddress address) throws IOException {
        byte[] encoded = encode(address);
        return call("connect", s -> Winsock.CALLS.connect(s, encoded)) == 0;
    }

    @Override
    public WinSocket accept() throws IOException {
        SocketKind accepted = kind.accepted();
        long s = accept(null);
        return s < 0 ? null : new WinSocket(s, accepted, ipv6);
    }

    /**
     * The accepted SOCKET, or -1 when none is pending; the peer goes to address (at
     * least {@link #addressBuffer()}'s size, or null).
     */
    private long accept(byte[] address) throws IOException {
        long s = acquireHandle();
        try {
            long rc = Winsock.CALLS.accept(s, address);
            if (rc < 0 && Errno.isWouldBlock((int) rc)) {
                wouldBlock();
                return -1;
            }
            if (rc < 0) {
                throw Errno.exception("accept", rc);
            }
            return rc;
        } finally {
            release();
        }
    }

    /** An array for the natives to write an address into. */
    private byte[] addressBuffer() {
        return new byte[addressSize()];
    }

    @Override
    public SocketAddress localAddress() throws IOException {
        byte[] address = addressBuffer();
        call("getsockname", s -> Winsock.CALLS.localAddress(s, address));
        return SockAddr.decode(address);
    }

    /** The peer's address, or null while not connected. */
    @Override
    public SocketAddress peerAddress() throws IOException {
        byte[] address = addressBuffer();
        long s = acquireHandle();
        try {
            int rc = Winsock.CALLS.peerAddress(s, address);
            if (rc == -Errno.ENOTCONN) {
                return null;
            }
            Errno.check("getpeername", rc);
        } finally {
            release();
        }
        return SockAddr.decode(address);
    }

    @Override
    public void shutdownInput() throws IOException {
        shutdown(SHUT_RD);
    }

    @Override
    public void shutdownOutput() throws IOException {
        shutdown(SHUT_WR);
    }

    private void shutdown(int how) throws IOException {
        call("shutdown", s -> Winsock.CALLS.shutdown(s, how));
    }

    /** level is ignored (see {@link #SOL_SOCKET}); name is one of the OPT_* numbers. */
    @Override
    protected int getIntOption(int level, int name, String option) throws IOException {
        int[] value = new int[1];
        long s = acquireHandle();
        try {
            int rc = Winsock.CALLS.getIntOption(s, name, value);
            if (rc < 0) {
                throw exception("getsockopt " + option, rc, Errors.OPTION);   // the message only when it fails
            }
        } finally {
            release();
        }
        return value[0];
    }

    /** level is ignored (see {@link #SOL_SOCKET}); name is one of the OPT_* numbers. */
    @Override
    protected void setIntOption(int level, int name, int value, String option) throws IOException {
        long s = acquireHandle();
        try {
            int rc = Winsock.CALLS.setIntOption(s, name, value);
            if (rc < 0) {
                throw exception("setsockopt " + option, rc, Errors.OPTION);   // the message only when it fails
            }
        } finally {
            release();
        }
    }

    @Override
    protected SocketOptionTable optionTable() {
        return WinSocketOptions.table();
    }

    @Override
    protected boolean isIpv6() {
        return ipv6;
    }

    @Override
    protected int namedLevel(NamedOption option) {
        return SOL_SOCKET;
    }

    @Override
    protected int namedName(NamedOption option) {
        return WinSocketOptions.named(option);
    }

    /** SO_LINGER in seconds, or -1 when off (the C side reads the struct linger). */
    @Override
    public int linger() throws IOException {
        return getIntOption(SOL_SOCKET, OPT_LINGER, "SO_LINGER");
    }

    /** Sets SO_LINGER: a negative number turns it off (NetSocket clamps to the u_short's 65535). */
    @Override
    protected void setLinger(int seconds) throws IOException {
        setIntOption(SOL_SOCKET, OPT_LINGER, seconds, "SO_LINGER");
    }

    @Override
    protected int ttlLevel() {
        return SOL_SOCKET;
    }

    @Override
    protected int ttlName() {
        return ipv6 ? OPT_IPV6_UNICAST_HOPS : OPT_IP_TTL;
    }

    /**
     * The pending SO_ERROR as an exception (clearing it), or null; for UDP a datagram
     * exception.
     */
    @Override
    public IOException takeError() throws IOException {
        int error = getIntOption(SOL_SOCKET, SO_ERROR, "SO_ERROR");
        if (error == 0) {
            return null;
        }
        return kind == SocketKind.UDP ? Errno.datagramException("SO_ERROR", -error) : Errno.exception("SO_ERROR", -error);
    }

    /** Joins (join true) or leaves an IPv4 group; iface null or 0.0.0.0: the system's choice. */
    @Override
    public void membershipV4(boolean join, Inet4Address group, Inet4Address iface) throws IOException {
        Objects.requireNonNull(group, "group");
        optionCall(join ? "setsockopt IP_ADD_MEMBERSHIP" : "setsockopt IP_DROP_MEMBERSHIP",
                s -> Winsock.CALLS.multicastV4(s, group.getAddress(), iface == null ? null : iface.getAddress(), join ? 1 : 0));
    }

    /** Joins (join true) or leaves an IPv6 group on an interface index (0: any). */
    @Override
    public void membershipV6(boolean join, Inet6Address group, int ifaceIndex) throws IOException {
        Objects.requireNonNull(group, "group");
        optionCall(join ? "setsockopt IPV6_ADD_MEMBERSHIP" : "setsockopt IPV6_DROP_MEMBERSHIP",
                s -> Winsock.CALLS.multicastV6(s, group.getAddress(), ifaceIndex, join ? 1 : 0));
    }

    private static int constant(String name) {
        return Winsock.constant(name);
    }
}
