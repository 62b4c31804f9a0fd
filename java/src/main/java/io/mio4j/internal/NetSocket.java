package io.mio4j.internal;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketAddress;
import java.net.SocketOption;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Enumeration;
import java.util.Objects;
import java.util.function.LongToIntFunction;

/**
 * One socket of the OS behind a public socket class of io.mio4j.net: the operations those
 * classes need, in their own terms (no OS constants cross here). The POSIX layer and the
 * Windows backend each have one implementation, opened through {@link Backend#openSocket};
 * the public classes never learn which. Their buffer I/O is {@link BufferIo}'s.
 *
 * <p>Conventions as in API.md: would-block is a return value (and every would-block
 * calls {@code source().wouldBlock()}); errors are IOExceptions made by {@link Errno};
 * misuse is NullPointerException / IllegalArgumentException; use after close is
 * ClosedChannelException. Where an OS has no such thing (Unix domain sockets and
 * descriptors on Windows), UnsupportedOperationException.
 */
public abstract class NetSocket extends IoSource {
    /** What a read-like call returns when nothing is ready. */
    public static final int WOULD_BLOCK = Integer.MIN_VALUE;

    /**
     * Options that UdpSocket sets by name. As in mio, each uses the IPv4 or IPv6 level its
     * name says, whatever the socket's family (the OS rejects a level that does not fit).
     */
    public enum NamedOption {
        BROADCAST("SO_BROADCAST", 0, 1),
        MULTICAST_LOOP_V4("IP_MULTICAST_LOOP", 0, 1),
        MULTICAST_TTL_V4("IP_MULTICAST_TTL", 0, 255),
        MULTICAST_LOOP_V6("IPV6_MULTICAST_LOOP", 0, 1),
        ONLY_V6("IPV6_V6ONLY", 0, 1);

        /** The option's name in the OS's terms, for messages. */
        public final String osName;
        final int min;
        final int max;

        NamedOption(String osName, int min, int max) {
            this.osName = osName;
            this.min = min;
            this.max = max;
        }
    }

    /** The longest linger the OS takes (a u_short on Windows; the JDK clamps to it everywhere). */
    private static final int MAX_LINGER_SECONDS = 0xFFFF;

    protected final SocketKind kind;
    private byte[] sender;   // the last sender kept by receiveDatagram; made on first use
    private int lastDatagramLength = -1;

    /**
     * @param handle the descriptor or SOCKET, owned from now on
     * @param closer closes it: one shared by every socket of a kind
     */
    protected NetSocket(SocketKind kind, long handle, LongToIntFunction closer) {
        super(handle, closer);   // the socket is its own source and handle: one object a connection
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public final SocketKind kind() {
        return kind;
    }

    /**
     * Registers {@code owner}, the public object, with the Cleaner: when it becomes
     * unreachable unclosed, the socket is closed. Returns this.
     */
    public final NetSocket ownedBy(Object owner) {
        cleanWith(owner);
        return this;
    }

    /**
     * Gives the socket to a new NetSocket of another kind (TcpSocket's connect/listen):
     * this one is closed afterwards, but the OS socket stays open in the one returned.
     */
    public abstract NetSocket handOver(SocketKind newKind) throws IOException;

    /** For registration with a Poll: the socket itself. */
    public final IoSource source() {
        return this;
    }

    /** The Unix descriptor, or -1 once closed; UnsupportedOperationException where sockets are not descriptors. */
    public abstract int fd();


    /** "fd=5" or "socket=0x1a4", for the public classes' toString(). */
    @Override
    public abstract String toString();

    // Addresses, connections

    /** Binds to an InetSocketAddress or a UnixDomainSocketAddress. */
    public abstract void bind(SocketAddress address) throws IOException;

    public abstract void listen(int backlog) throws IOException;

    /**
     * Before a TCP listener binds: SO_REUSEADDR where it means "rebind while old
     * connections linger" (Unix); nothing where it lets another socket take the port
     * (Windows; as mio).
     */
    public abstract void reuseAddressForListening() throws IOException;

    /** Starts a connect: true when it completed at once, false while in progress. */
    public abstract boolean connect(SocketAddress address) throws IOException;

    /** The accepted connection (of {@code kind().accepted()}), or null when none is pending. */
    public abstract NetSocket accept() throws IOException;

    public abstract SocketAddress localAddress() throws IOException;

    /** The peer's address, or null while not connected. */
    public abstract SocketAddress peerAddress() throws IOException;

    public abstract void shutdownInput() throws IOException;

    public abstract void shutdownOutput() throws IOException;

    /** The pending socket error as an exception (clearing it), or null; UDP: PortUnreachableException for ICMP. */
    public abstract IOException takeError() throws IOException;

    // Streams and datagrams: the one I/O path, over this socket's dispatcher.

    /** The OS calls of this socket's buffer I/O. */
    protected abstract IoDispatcher io();

    /** An address in our byte layout (SockAddr); NullPointerException for null. */
    protected abstract byte[] encode(SocketAddress address);

    /** A sender written by the dispatcher into an array of {@link #addressSize()} bytes. */
    protected abstract SocketAddress decodeSender(byte[] address);

    /** The size of the address arrays the dispatcher fills. */
    protected abstract int addressSize();

    /** Bytes read, 0 when nothing is ready or dst is full, -1 at end of stream. */
    public final int read(ByteBuffer dst) throws IOException {
        return BufferIo.read(this, io(), dst, false);
    }

    /** As {@link #read(ByteBuffer)}, leaving the data queued. */
    public final int peek(ByteBuffer dst) throws IOException {
        return BufferIo.read(this, io(), dst, true);
    }

    /** Bytes written, 0 when the kernel buffer is full. */
    public final int write(ByteBuffer src) throws IOException {
        return BufferIo.write(this, io(), src);
    }

    /** Scattering read of dsts[offset, offset + length): as {@link #read(ByteBuffer)}. */
    public final long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        return BufferIo.read(this, io(), dsts, offset, length);
    }

    /** Gathering write of srcs[offset, offset + length): as {@link #write(ByteBuffer)}; never SIGPIPE. */
    public final long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        return BufferIo.write(this, io(), srcs, offset, length);
    }

    /**
     * Sends src's remaining bytes as one datagram to {@code target} (null: to the
     * connected peer). Bytes sent, or -1 when it would block (nothing sent).
     */
    public final int sendDatagram(ByteBuffer src, SocketAddress target) throws IOException {
        BufferIo.checkReadable(src, "src");
        byte[] address = target == null ? null : encode(target);
        return BufferIo.send(this, io(), src, address, kind == SocketKind.UDP);
    }

    /**
     * Receives one datagram into dst's room (what does not fit is discarded), or with
     * {@code peek} leaves it queued. With {@code keepSender} the sender is kept for
     * {@link #lastSender()}. Returns the datagram's length as far as the OS tells it
     * (it exceeds the bytes placed when the datagram was truncated, where the OS reports
     * that), or -1 when none is waiting. dst's position moves by the bytes placed.
     */
    public final int receiveDatagram(ByteBuffer dst, boolean peek, boolean keepSender) throws IOException {
        byte[] address = null;
        if (keepSender) {
            address = sender;
            if (address == null) {
                address = sender = new byte[addressSize()];   // reused: receiving allocates only the result
            }
        }
        int length = BufferIo.receive(this, io(), dst, peek, address, kind == SocketKind.UDP);
        if (length >= 0) {
            lastDatagramLength = length;
        }
        return length;
    }

    /** One datagram into dst: the bytes placed in it, or -1 when none is waiting. */
    public final int receivePlaced(ByteBuffer dst, boolean peek) throws IOException {
        int before = dst == null ? 0 : dst.position();   // null: receiveDatagram throws
        return receiveDatagram(dst, peek, false) < 0 ? -1 : dst.position() - before;
    }

    /** One datagram into dst: its sender, or null when none is waiting. */
    public final SocketAddress receiveFrom(ByteBuffer dst, boolean peek) throws IOException {
        return receiveDatagram(dst, peek, true) < 0 ? null : lastSender();
    }

    /** The full length of the last datagram received, or -1 before any. */
    public final int lastDatagramLength() {
        return lastDatagramLength;
    }

    /** The sender of the last datagram received with {@code keepSender}, or null. */
    public final SocketAddress lastSender() {
        return sender == null ? null : decodeSender(sender);
    }

    /** Joins or leaves an IPv4 group on the interface with address iface (0.0.0.0: any). */
    public abstract void membershipV4(boolean join, Inet4Address group, Inet4Address iface) throws IOException;

    /** Joins or leaves an IPv6 group on an interface index (0: any). */
    public abstract void membershipV6(boolean join, Inet6Address group, int ifaceIndex) throws IOException;

    // Options

    public final int intOption(NamedOption option) throws IOException {
        return getIntOption(namedLevel(option), namedName(option), option.osName);
    }

    /** IllegalArgumentException for a value outside the option's range, as setOption gives. */
    public final void setIntOption(NamedOption option, int value) throws IOException {
        checkRange(option.osName, value, option.min, option.max);
        setIntOption(namedLevel(option), namedName(option), value, option.osName);
    }

    /** The (level, name) of a named option on this OS. */
    protected abstract int namedLevel(NamedOption option);

    protected abstract int namedName(NamedOption option);

    /** Lingering on close in seconds, or -1 when off. */
    public abstract int linger() throws IOException;

    /**
     * Sets lingering on close in seconds, clamped to what the OS takes; negative turns it
     * off. The one place for it: TcpSocket.setLinger and setOption(SO_LINGER) both land here.
     */
    public final void setLingerSeconds(int seconds) throws IOException {
        setLinger(Math.min(seconds, MAX_LINGER_SECONDS));
    }

    /** Sets lingering on close in seconds (at most 65535); negative turns it off. */
    protected abstract void setLinger(int seconds) throws IOException;

    /** Sets the IP time-to-live, or the unicast hop limit on IPv6. Negative: IllegalArgumentException. */
    /**
     * Sets the IP time-to-live, or the unicast hop limit on IPv6: outside 0..255,
     * IllegalArgumentException (as setOption gives for IP_MULTICAST_TTL); a value the OS
     * refuses (0 on Linux) is an IOException naming the option.
     */
    public final void setTtl(int ttl) throws IOException {
        checkRange("IP_TTL", ttl, 0, 255);
        setIntOption(ttlLevel(), ttlName(), ttl, ttlOptionName());
    }

    public final int ttl() throws IOException {
        return getIntOption(ttlLevel(), ttlName(), ttlOptionName());
    }

    private String ttlOptionName() throws IOException {
        return isIpv6() ? "IPV6_UNICAST_HOPS" : "IP_TTL";
    }

    /** The (level, name) of IP_TTL, or IPV6_UNICAST_HOPS on an IPv6 socket. */
    protected abstract int ttlLevel() throws IOException;

    protected abstract int ttlName() throws IOException;

    private static void checkRange(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("value of " + option + " out of range [" + min + ", " + max + "]: " + value);
        }
    }

    /** This OS's option table. */
    protected abstract SocketOptionTable optionTable();

    /** Whether options take the IPv6 column of the table. */
    protected abstract boolean isIpv6() throws IOException;

    /** An int option by the (level, name) of the table. */
    /** An int option by (level, name); {@code option} names it in error messages. */
    protected abstract int getIntOption(int level, int name, String option) throws IOException;

    protected abstract void setIntOption(int level, int name, int value, String option) throws IOException;

    /**
     * Sets an option of the table. UnsupportedOperationException when it does not apply
     * to this kind of socket, NullPointerException for a null option or value,
     * IllegalArgumentException for a value out of range.
     */
    public final <T> void setOption(SocketOption<T> option, T value) throws IOException {
        Objects.requireNonNull(option, "option");
        SocketOptionTable.Entry entry = optionTable().entry(option, kind);
        Objects.requireNonNull(value, "value");
        if (!option.type().isInstance(value)) {
            throw new IllegalArgumentException("value of " + option + " must be a " + option.type().getSimpleName());
        }
        boolean ipv6 = isIpv6();
        int level = checkLevel(entry, ipv6);
        int name = entry.name(ipv6);
        switch (entry.value) {
            case BOOLEAN:
                setIntOption(level, name, (Boolean) value ? 1 : 0, option.name());
                break;
            case INT:
                int n = (Integer) value;
                checkRange(option.name(), n, entry.min, entry.max);
                setIntOption(level, name, n, option.name());
                break;
            case LINGER:
                setLingerSeconds((Integer) value);
                break;
            case INTERFACE:
                setIntOption(level, name, interfaceValue((NetworkInterface) value, ipv6), option.name());
                break;
            default:
                throw new AssertionError(entry.value);
        }
    }

    /** Reads an option of the table; exceptions as {@link #setOption}. */
    public final <T> T getOption(SocketOption<T> option) throws IOException {
        Objects.requireNonNull(option, "option");
        SocketOptionTable.Entry entry = optionTable().entry(option, kind);
        boolean ipv6 = isIpv6();
        int level = checkLevel(entry, ipv6);
        int name = entry.name(ipv6);
        Object value;
        switch (entry.value) {
            case BOOLEAN:
                value = getIntOption(level, name, option.name()) != 0;
                break;
            case INT:
                value = getIntOption(level, name, option.name());
                break;
            case LINGER:
                value = linger();
                break;
            case INTERFACE:
                value = networkInterface(getIntOption(level, name, option.name()), ipv6);
                break;
            default:
                throw new AssertionError(entry.value);
        }
        return option.type().cast(value);
    }

    private static int checkLevel(SocketOptionTable.Entry entry, boolean ipv6) {
        int level = entry.level(ipv6);
        if (level == SocketOptionTable.ABSENT) {
            throw new UnsupportedOperationException("'" + entry.option + "' is not supported on this address family");
        }
        return level;
    }

    /** IPv6: the interface index; IPv4: its first IPv4 address as an in_addr in memory order. */
    private static int interfaceValue(NetworkInterface nif, boolean ipv6) throws IOException {
        if (ipv6) {
            return nif.getIndex();
        }
        for (Enumeration<InetAddress> e = nif.getInetAddresses(); e.hasMoreElements(); ) {
            InetAddress address = e.nextElement();
            if (address instanceof Inet4Address) {
                // An int of 4 bytes is read by the OS as a struct in_addr.
                return ByteBuffer.wrap(address.getAddress()).order(ByteOrder.nativeOrder()).getInt();
            }
        }
        throw new java.net.SocketException("interface " + nif.getName() + " has no IPv4 address");
    }

    private static NetworkInterface networkInterface(int value, boolean ipv6) throws IOException {
        if (value == 0) {
            return null;
        }
        if (ipv6) {
            return NetworkInterface.getByIndex(value);
        }
        byte[] raw = new byte[4];
        ByteBuffer.wrap(raw).order(ByteOrder.nativeOrder()).putInt(value);
        try {
            return NetworkInterface.getByInetAddress(InetAddress.getByAddress(raw));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

}
