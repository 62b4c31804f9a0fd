package io.mio4j.internal.unix;

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
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.util.Objects;

/**
 * A socket on every Unix (epoll, kqueue, event ports): the calls behind io.mio4j.net's
 * classes that are not buffer I/O (that is NetSocket's, over {@link SocketDispatcher}).
 */
public final class UnixSocket extends NetSocket {
    private static final int AF_INET = Posix.constant("AF_INET");
    private static final int AF_INET6 = Posix.constant("AF_INET6");
    private static final int AF_UNIX = Posix.constant("AF_UNIX");
    private static final int SOCK_STREAM = Posix.constant("SOCK_STREAM");
    private static final int SOCK_DGRAM = Posix.constant("SOCK_DGRAM");
    private static final int SOL_SOCKET = Posix.constant("SOL_SOCKET");
    private static final int SO_ERROR = Posix.constant("SO_ERROR");
    private static final int SO_REUSEADDR = Posix.constant("SO_REUSEADDR");
    private static final int SHUT_RD = Posix.constant("SHUT_RD");
    private static final int SHUT_WR = Posix.constant("SHUT_WR");
    private static final int IPPROTO_IP = Posix.constant("IPPROTO_IP");
    private static final int IPPROTO_IPV6 = Posix.constant("IPPROTO_IPV6");
    private static final int IP_TTL = Posix.constant("IP_TTL");
    private static final int IPV6_UNICAST_HOPS = Posix.constant("IPV6_UNICAST_HOPS");
    private static final int IP_ADD_MEMBERSHIP = Posix.constant("IP_ADD_MEMBERSHIP");
    private static final int IP_DROP_MEMBERSHIP = Posix.constant("IP_DROP_MEMBERSHIP");
    private static final int IPV6_JOIN_GROUP = Posix.constant("IPV6_JOIN_GROUP");
    private static final int IPV6_LEAVE_GROUP = Posix.constant("IPV6_LEAVE_GROUP");
    /** Room for a Unix path, its terminating NUL included. */
    static final int SUN_PATH_SIZE = Posix.constant("SUN_PATH_SIZE");

    private int family;              // learnt on first use; 0 = not yet

    private UnixSocket(int fd, SocketKind kind) {
        super(kind, fd, Posix.CLOSE);
    }

    /** A new non-blocking, close-on-exec socket of this kind (Backend.openSocket on Unix). */
    public static UnixSocket open(SocketKind kind, boolean ipv6) throws IOException {
        int family = kind.isUnix() ? AF_UNIX : ipv6 ? AF_INET6 : AF_INET;
        int type = kind == SocketKind.UDP || kind == SocketKind.UNIX_DATAGRAM ? SOCK_DGRAM : SOCK_STREAM;
        return new UnixSocket(Errno.check("socket", Posix.CALLS.socket(family, type, 0)), kind);
    }

    /** Two connected Unix domain sockets of this kind (Backend.openSocketPair on Unix). */
    public static UnixSocket[] pair(SocketKind kind) throws IOException {
        if (!kind.isUnix()) {
            throw new IllegalArgumentException("socketpair of " + kind.label() + " sockets");
        }
        int[] fds = new int[2];
        Errno.check("socketpair", Posix.CALLS.socketpair(AF_UNIX,
                kind == SocketKind.UNIX_DATAGRAM ? SOCK_DGRAM : SOCK_STREAM, fds));
        return new UnixSocket[] {new UnixSocket(fds[0], kind), new UnixSocket(fds[1], kind)};
    }

    @Override
    public UnixSocket handOver(SocketKind newKind) throws ClosedChannelException {
        return new UnixSocket((int) handOver(), newKind);
    }

    /** AF_INET, AF_INET6 or AF_UNIX. */
    private int family() throws IOException {
        int f = family;
        if (f == 0) {
            f = family = call("getsockname", h -> Posix.CALLS.family((int) h));
        }
        return f;
    }

    @Override
    protected IoDispatcher io() {
        return SocketDispatcher.INSTANCE;
    }

    @Override
    public int fd() {
        return fdOrMinusOne();
    }

    @Override
    public String toString() {
        return "fd=" + fd();
    }

    /** Our layout of an InetSocketAddress or a UnixDomainSocketAddress. */
    @Override
    protected byte[] encode(SocketAddress address) {
        if (address instanceof UnixDomainSocketAddress) {
            return SockAddr.encodeUnix(((UnixDomainSocketAddress) address).getPath(), SUN_PATH_SIZE);
        }
        return SockAddr.encode((InetSocketAddress) Objects.requireNonNull(address, "address"));
    }

    /** Unix sockets: an unnamed (or unnameable) address is the empty path, as in API.md. */
    private SocketAddress decode(byte[] address) {
        SocketAddress decoded = SockAddr.decode(address);
        return kind.isUnix() ? SockAddr.asUnix(decoded) : decoded;
    }

    @Override
    protected SocketAddress decodeSender(byte[] address) {
        return kind.isUnix() ? SockAddr.decodeUnix(address) : SockAddr.decodeInet(address);
    }

    @Override
    protected int addressSize() {
        return SockAddr.MAX;
    }

    @Override
    public void bind(SocketAddress address) throws IOException {
        byte[] encoded = encode(address);
        call("bind", h -> Posix.CALLS.bind((int) h, encoded));
    }

    @Override
    public void listen(int backlog) throws IOException {
        call("listen", h -> Posix.CALLS.listen((int) h, backlog));
    }

    @Override
    public void reuseAddressForListening() throws IOException {
        setIntOption(SOL_SOCKET, SO_REUSEADDR, 1, "SO_REUSEADDR");
    }

    /** Starts a connect: true when it completed at once, false while in progress. */
    @Override
    public boolean connect(SocketAddress address) throws IOException {
        byte[] encoded = encode(address);
        int rc = call("connect", h -> {
            int r = Posix.CALLS.connect((int) h, encoded);
            return r == -Errno.EINPROGRESS ? 1 : r;
        });
        return rc == 0;
    }

    @Override
    public UnixSocket accept() throws IOException {
        byte[] address = new byte[SockAddr.MAX];
        int fd = acquire();
        try {
            int rc = Posix.CALLS.accept(fd, address);
            if (Errno.isWouldBlock(rc)) {
                wouldBlock();
                return null;
            }
            return new UnixSocket(Errno.check("accept", rc), kind.accepted());
        } finally {
            release();
        }
    }

    @Override
    public SocketAddress localAddress() throws IOException {
        byte[] address = new byte[SockAddr.MAX];
        call("getsockname", h -> Posix.CALLS.localAddress((int) h, address));
        return decode(address);
    }

    /** The peer's address, or null while not connected. */
    @Override
    public SocketAddress peerAddress() throws IOException {
        byte[] address = new byte[SockAddr.MAX];
        int rc = call("getpeername", h -> {
            int r = Posix.CALLS.peerAddress((int) h, address);
            return r == -Errno.ENOTCONN ? 1 : r;
        });
        return rc == 1 ? null : decode(address);
    }

    @Override
    public void shutdownInput() throws IOException {
        call("shutdown", h -> Posix.CALLS.shutdown((int) h, SHUT_RD));
    }

    @Override
    public void shutdownOutput() throws IOException {
        call("shutdown", h -> Posix.CALLS.shutdown((int) h, SHUT_WR));
    }

    @Override
    protected int getIntOption(int level, int name, String option) throws IOException {
        int[] value = new int[1];
        int fd = acquire();
        try {
            int rc = Posix.CALLS.getIntOption(fd, level, name, value);
            if (rc < 0) {
                throw exception("getsockopt " + option, rc, Errors.OPTION);   // the message only when it fails
            }
        } finally {
            release();
        }
        return value[0];
    }

    @Override
    protected void setIntOption(int level, int name, int value, String option) throws IOException {
        // No lambda, and the message only when it fails: an accepted stream's setNoDelay
        // allocates nothing.
        int fd = acquire();
        try {
            int rc = Posix.CALLS.setIntOption(fd, level, name, value);
            if (rc < 0) {
                throw exception("setsockopt " + option, rc, Errors.OPTION);
            }
        } finally {
            release();
        }
    }

    /** SO_LINGER in seconds, or -1 when off. */
    @Override
    public int linger() throws IOException {
        int[] value = new int[2];
        optionCall("getsockopt SO_LINGER", h -> Posix.CALLS.getLinger((int) h, value));
        return value[0] != 0 ? value[1] : -1;
    }

    /** Sets SO_LINGER: a negative number turns it off. */
    @Override
    protected void setLinger(int seconds) throws IOException {
        optionCall("setsockopt SO_LINGER", h -> Posix.CALLS.setLinger((int) h, seconds >= 0, Math.max(seconds, 0)));
    }

    @Override
    protected int ttlLevel() throws IOException {
        return family() == AF_INET6 ? IPPROTO_IPV6 : IPPROTO_IP;
    }

    @Override
    protected int ttlName() throws IOException {
        return family() == AF_INET6 ? IPV6_UNICAST_HOPS : IP_TTL;
    }

    @Override
    protected SocketOptionTable optionTable() {
        return SocketOptions.TABLE;
    }

    @Override
    protected boolean isIpv6() throws IOException {
        return family() == AF_INET6;
    }

    @Override
    protected int namedLevel(NamedOption option) {
        return UdpOptions.level(option);
    }

    @Override
    protected int namedName(NamedOption option) {
        return UdpOptions.name(option);
    }

    /**
     * The pending SO_ERROR as an exception (clearing it), or null; for UDP a datagram
     * exception (PortUnreachableException for an ICMP error).
     */
    @Override
    public IOException takeError() throws IOException {
        int error = getIntOption(SOL_SOCKET, SO_ERROR, "SO_ERROR");
        if (error == 0) {
            return null;
        }
        return kind == SocketKind.UDP ? Errno.datagramException("SO_ERROR", -error) : Errno.exception("SO_ERROR", -error);
    }

    /** Joins (IP_ADD_MEMBERSHIP) or leaves (IP_DROP_MEMBERSHIP) an IPv4 group. */
    @Override
    public void membershipV4(boolean join, Inet4Address groupAddress, Inet4Address ifaceAddress) throws IOException {
        byte[] group = Objects.requireNonNull(groupAddress, "group").getAddress();
        byte[] iface = Objects.requireNonNull(ifaceAddress, "iface").getAddress();
        int option = join ? IP_ADD_MEMBERSHIP : IP_DROP_MEMBERSHIP;
        optionCall(join ? "setsockopt IP_ADD_MEMBERSHIP" : "setsockopt IP_DROP_MEMBERSHIP",
                h -> Posix.CALLS.membershipV4((int) h, option, group, iface));
    }

    /** Joins (IPV6_JOIN_GROUP) or leaves (IPV6_LEAVE_GROUP) an IPv6 group on an interface (0: any). */
    @Override
    public void membershipV6(boolean join, Inet6Address groupAddress, int ifindex) throws IOException {
        byte[] group = Objects.requireNonNull(groupAddress, "group").getAddress();
        int option = join ? IPV6_JOIN_GROUP : IPV6_LEAVE_GROUP;
        optionCall(join ? "setsockopt IPV6_JOIN_GROUP" : "setsockopt IPV6_LEAVE_GROUP",
                h -> Posix.CALLS.membershipV6((int) h, option, group, ifindex));
    }
}
