package io.mio4j.internal.unix;

import io.mio4j.internal.Errno;
import io.mio4j.internal.FdHandle;
import io.mio4j.internal.IoSource;
import io.mio4j.internal.ScratchBuffers;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketAddress;
import java.net.SocketOption;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ClosedChannelException;
import java.util.Enumeration;
import java.util.Objects;

/**
 * The socket calls behind every io.mio4j.net and io.mio4j.unix socket on Unix: one
 * place for reading and writing buffers (direct: zero copy; heap: through a scratch
 * buffer), would-block as a return value, and the descriptor's safe use and close.
 */
public final class Socket {
    public static final int AF_INET = Constants.socket("AF_INET");
    public static final int AF_INET6 = Constants.socket("AF_INET6");
    public static final int AF_UNIX = Constants.socket("AF_UNIX");
    public static final int SOCK_STREAM = Constants.socket("SOCK_STREAM");
    public static final int SOCK_DGRAM = Constants.socket("SOCK_DGRAM");
    public static final int SOL_SOCKET = Constants.socket("SOL_SOCKET");
    public static final int SO_ERROR = Constants.socket("SO_ERROR");
    public static final int SO_REUSEADDR = Constants.socket("SO_REUSEADDR");
    public static final int SHUT_RD = Constants.socket("SHUT_RD");
    public static final int SHUT_WR = Constants.socket("SHUT_WR");
    public static final int MSG_PEEK = Constants.socket("MSG_PEEK");
    public static final int IPPROTO_IP = Constants.socket("IPPROTO_IP");
    public static final int IPPROTO_IPV6 = Constants.socket("IPPROTO_IPV6");
    public static final int IP_TTL = Constants.socket("IP_TTL");
    public static final int IPV6_UNICAST_HOPS = Constants.socket("IPV6_UNICAST_HOPS");
    public static final int MSG_TRUNC = Constants.socket("MSG_TRUNC");
    private static final int IP_ADD_MEMBERSHIP = Constants.datagram("IP_ADD_MEMBERSHIP");
    private static final int IP_DROP_MEMBERSHIP = Constants.datagram("IP_DROP_MEMBERSHIP");
    private static final int IPV6_JOIN_GROUP = Constants.datagram("IPV6_JOIN_GROUP");
    private static final int IPV6_LEAVE_GROUP = Constants.datagram("IPV6_LEAVE_GROUP");

    /** What a read-like call returns when nothing is ready. */
    public static final int WOULD_BLOCK = Integer.MIN_VALUE;

    private final IoSource source;
    private final SocketOptions.Kind kind;
    private int family;              // learnt on first use; 0 = not yet
    private volatile boolean handedOver;   // the descriptor now belongs to another Socket

    private Socket(int fd, Object owner, SocketOptions.Kind kind) {
        FdHandle handle = new FdHandle(fd, f -> handedOver ? 0 : FdNative.close(f)).cleanWith(owner);
        this.source = new IoSource(handle);
        this.kind = kind;
    }

    /**
     * Wraps a descriptor we own; {@code owner} is the public object the Cleaner watches.
     * Without a kind, setOption/getOption throw UnsupportedOperationException.
     */
    public static Socket adopt(int fd, Object owner) {
        return new Socket(fd, owner, null);
    }

    /** As {@link #adopt(int, Object)}; {@code kind} decides which options apply. */
    public static Socket adopt(int fd, Object owner, SocketOptions.Kind kind) {
        return new Socket(fd, owner, kind);
    }

    /**
     * Gives the descriptor up for another owner (TcpSocket's connect/listen): this
     * Socket is closed afterwards, but the descriptor stays open and is returned.
     */
    public int handOver() throws ClosedChannelException {
        int fd = source.handle().acquire();
        handedOver = true;
        source.handle().release();
        source.close();
        return fd;
    }

    public SocketOptions.Kind kind() {
        return kind;
    }

    /** AF_INET, AF_INET6 or AF_UNIX. */
    public int family() throws IOException {
        int f = family;
        if (f == 0) {
            int fd = source.handle().acquire();
            try {
                f = Errno.check("getsockname", SocketNative.family(fd));
            } finally {
                source.handle().release();
            }
            family = f;
        }
        return f;
    }

    /** A new non-blocking, close-on-exec socket. */
    public static int open(int family, int type) throws IOException {
        return Errno.check("socket", SocketNative.socket(family, type, 0));
    }

    /** Two connected non-blocking, close-on-exec sockets (socketpair). */
    public static int[] pair(int family, int type) throws IOException {
        int[] fds = new int[2];
        Errno.check("socketpair", SocketNative.socketpair(family, type, fds));
        return fds;
    }

    public static int family(InetSocketAddress address) {
        Objects.requireNonNull(address, "address");
        return address.getAddress() instanceof java.net.Inet6Address ? AF_INET6 : AF_INET;
    }

    public IoSource source() {
        return source;
    }

    public int fd() {
        return source.handle().fdOrMinusOne();
    }

    public boolean isOpen() {
        return source.handle().isOpen();
    }

    public void close() {
        source.close();
    }

    public void bind(byte[] address) throws IOException {
        int fd = source.handle().acquire();
        try {
            Errno.check("bind", SocketNative.bind(fd, address));
        } finally {
            source.handle().release();
        }
    }

    public void listen(int backlog) throws IOException {
        int fd = source.handle().acquire();
        try {
            Errno.check("listen", SocketNative.listen(fd, backlog));
        } finally {
            source.handle().release();
        }
    }

    /** Starts a connect: true when it completed at once, false while in progress. */
    public boolean connect(byte[] address) throws IOException {
        int fd = source.handle().acquire();
        try {
            int rc = SocketNative.connect(fd, address);
            if (rc == -Errno.EINPROGRESS) {
                return false;
            }
            Errno.check("connect", rc);
            return true;
        } finally {
            source.handle().release();
        }
    }

    /** The accepted descriptor, or -1 when none is pending; the peer goes to address. */
    public int accept(byte[] address) throws IOException {
        int fd = source.handle().acquire();
        try {
            int rc = SocketNative.accept(fd, address);
            if (Errno.isWouldBlock(rc)) {
                source.wouldBlock();
                return -1;
            }
            return Errno.check("accept", rc);
        } finally {
            source.handle().release();
        }
    }

    public SocketAddress localAddress() throws IOException {
        byte[] address = new byte[SockAddr.MAX];
        int fd = source.handle().acquire();
        try {
            Errno.check("getsockname", SocketNative.localAddress(fd, address));
        } finally {
            source.handle().release();
        }
        return SockAddr.decode(address);
    }

    /** The peer's address, or null while not connected. */
    public SocketAddress peerAddress() throws IOException {
        byte[] address = new byte[SockAddr.MAX];
        int fd = source.handle().acquire();
        try {
            int rc = SocketNative.peerAddress(fd, address);
            if (rc == -Errno.ENOTCONN) {
                return null;
            }
            Errno.check("getpeername", rc);
        } finally {
            source.handle().release();
        }
        return SockAddr.decode(address);
    }

    public void shutdown(int how) throws IOException {
        int fd = source.handle().acquire();
        try {
            Errno.check("shutdown", SocketNative.shutdown(fd, how));
        } finally {
            source.handle().release();
        }
    }

    public int getIntOption(int level, int name) throws IOException {
        int[] value = new int[1];
        int fd = source.handle().acquire();
        try {
            Errno.check("getsockopt", SocketNative.getIntOption(fd, level, name, value));
        } finally {
            source.handle().release();
        }
        return value[0];
    }

    public void setIntOption(int level, int name, int value) throws IOException {
        int fd = source.handle().acquire();
        try {
            Errno.check("setsockopt", SocketNative.setIntOption(fd, level, name, value));
        } finally {
            source.handle().release();
        }
    }

    /** SO_LINGER in seconds, or -1 when off. */
    public int linger() throws IOException {
        int[] value = new int[2];
        int fd = source.handle().acquire();
        try {
            Errno.check("getsockopt(SO_LINGER)", SocketNative.getLinger(fd, value));
        } finally {
            source.handle().release();
        }
        return value[0] != 0 ? value[1] : -1;
    }

    /** Sets SO_LINGER: a negative number turns it off. */
    public void setLinger(int seconds) throws IOException {
        int fd = source.handle().acquire();
        try {
            Errno.check("setsockopt(SO_LINGER)", SocketNative.setLinger(fd, seconds >= 0, Math.max(seconds, 0)));
        } finally {
            source.handle().release();
        }
    }

    /** IP_TTL, or the unicast hop limit on an IPv6 socket. Negative: IllegalArgumentException. */
    public void setTtl(int ttl) throws IOException {
        if (ttl < 0) {
            throw new IllegalArgumentException("negative ttl: " + ttl);
        }
        if (family() == AF_INET6) {
            setIntOption(IPPROTO_IPV6, IPV6_UNICAST_HOPS, ttl);
        } else {
            setIntOption(IPPROTO_IP, IP_TTL, ttl);
        }
    }

    public int ttl() throws IOException {
        return family() == AF_INET6
                ? getIntOption(IPPROTO_IPV6, IPV6_UNICAST_HOPS)
                : getIntOption(IPPROTO_IP, IP_TTL);
    }

    /**
     * Sets an option of {@link SocketOptions}' table. UnsupportedOperationException when
     * it does not apply to this kind of socket, NullPointerException for a null option or
     * value, IllegalArgumentException for a value out of range.
     */
    public <T> void setOption(SocketOption<T> option, T value) throws IOException {
        Objects.requireNonNull(option, "option");
        SocketOptions.Entry entry = SocketOptions.entry(option, kind);
        Objects.requireNonNull(value, "value");
        if (!option.type().isInstance(value)) {
            throw new IllegalArgumentException("value of " + option + " must be a " + option.type().getSimpleName());
        }
        int family = family();
        int level = checkLevel(entry, family);
        int name = entry.name(family);
        switch (entry.value) {
            case BOOLEAN:
                setIntOption(level, name, (Boolean) value ? 1 : 0);
                break;
            case INT:
                int n = (Integer) value;
                if (n < entry.min || n > entry.max) {
                    throw new IllegalArgumentException("value of " + option + " out of range ["
                            + entry.min + ", " + entry.max + "]: " + n);
                }
                setIntOption(level, name, n);
                break;
            case LINGER:
                setLinger(Math.min((Integer) value, 0xFFFF));   // the JDK clamps to 65535 too
                break;
            case INTERFACE:
                setIntOption(level, name, interfaceValue((NetworkInterface) value, family));
                break;
            default:
                throw new AssertionError(entry.value);
        }
    }

    /** Reads an option of {@link SocketOptions}' table; exceptions as {@link #setOption}. */
    public <T> T getOption(SocketOption<T> option) throws IOException {
        Objects.requireNonNull(option, "option");
        SocketOptions.Entry entry = SocketOptions.entry(option, kind);
        int family = family();
        int level = checkLevel(entry, family);
        int name = entry.name(family);
        Object value;
        switch (entry.value) {
            case BOOLEAN:
                value = getIntOption(level, name) != 0;
                break;
            case INT:
                value = getIntOption(level, name);
                break;
            case LINGER:
                value = linger();
                break;
            case INTERFACE:
                value = networkInterface(getIntOption(level, name), family);
                break;
            default:
                throw new AssertionError(entry.value);
        }
        return option.type().cast(value);
    }

    private static int checkLevel(SocketOptions.Entry entry, int family) {
        int level = entry.level(family);
        if (level < 0) {
            throw new UnsupportedOperationException("'" + entry.option + "' is not supported on this address family");
        }
        return level;
    }

    /** IPv6: the interface index; IPv4: its first IPv4 address as an in_addr in memory order. */
    private static int interfaceValue(NetworkInterface nif, int family) throws IOException {
        if (family == AF_INET6) {
            return nif.getIndex();
        }
        for (Enumeration<InetAddress> e = nif.getInetAddresses(); e.hasMoreElements(); ) {
            InetAddress address = e.nextElement();
            if (address instanceof Inet4Address) {
                // An int of 4 bytes is read by the kernel as a struct in_addr.
                return ByteBuffer.wrap(address.getAddress()).order(ByteOrder.nativeOrder()).getInt();
            }
        }
        throw new java.net.SocketException("interface " + nif.getName() + " has no IPv4 address");
    }

    private static NetworkInterface networkInterface(int value, int family) throws IOException {
        if (value == 0) {
            return null;
        }
        if (family == AF_INET6) {
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

    /** The pending SO_ERROR as an exception (clearing it), or null. */
    public IOException takeError() throws IOException {
        int error = getIntOption(SOL_SOCKET, SO_ERROR);
        return error == 0 ? null : Errno.exception("SO_ERROR", -error);
    }

    // Datagrams (UdpSocket, UnixDatagram): one datagram per call, never partial.

    /** The pending SO_ERROR as a datagram exception (PortUnreachableException for an ICMP error), or null. */
    public IOException takeDatagramError() throws IOException {
        int error = getIntOption(SOL_SOCKET, SO_ERROR);
        return error == 0 ? null : Errno.datagramException("SO_ERROR", -error);
    }

    /**
     * Sends src's remaining bytes as one datagram to {@code address} (null: to the
     * connected peer). Returns the bytes sent, or -1 when it would block (nothing was
     * sent; src's position is unchanged).
     */
    public int sendDatagram(ByteBuffer src, byte[] address) throws IOException {
        Objects.requireNonNull(src, "src");
        int pos = src.position();
        int len = src.limit() - pos;
        int fd = source.handle().acquire();
        try {
            int n;
            if (src.isDirect()) {
                n = sendDatagram(fd, src, pos, len, address);
            } else {
                // A datagram cannot be split: one larger than the scratch buffer gets its own.
                ByteBuffer direct = len <= ScratchBuffers.MAX ? ScratchBuffers.get(len) : ByteBuffer.allocateDirect(len);
                direct.put(0, src, pos, len);   // absolute: allocates nothing
                n = sendDatagram(fd, direct, 0, len, address);
            }
            if (n >= 0) {
                src.position(pos + n);
                return n;
            }
            if (Errno.isWouldBlock(n)) {
                source.wouldBlock();
                return -1;
            }
            throw datagramError(address == null ? "send" : "sendto", n);
        } finally {
            source.handle().release();
        }
    }

    /** UDP: a refused send is an ICMP port-unreachable (PortUnreachableException). */
    private IOException datagramError(String call, int result) {
        return kind == SocketOptions.Kind.UDP ? Errno.datagramException(call, result) : Errno.exception(call, result);
    }

    private static int sendDatagram(int fd, ByteBuffer buffer, int pos, int len, byte[] address) {
        return address == null
                ? SocketNative.send(fd, buffer, pos, len, 0)
                : DatagramNative.sendTo(fd, buffer, pos, len, address);
    }

    /**
     * Receives one datagram into dst's room, or with {@link #MSG_PEEK} copies it and
     * leaves it queued; what does not fit is discarded (heap buffers take at most
     * {@link ScratchBuffers#MAX} bytes). With {@code address} non-null the sender is
     * written into it ({@link SockAddr#MAX} bytes). Returns the datagram's full length,
     * which exceeds the bytes placed when it was truncated, or -1 when none is waiting.
     * dst's position moves by the bytes placed.
     */
    public int receiveDatagram(ByteBuffer dst, int flags, byte[] address) throws IOException {
        checkWritable(dst);
        int pos = dst.position();
        int room = dst.limit() - pos;
        int fd = source.handle().acquire();
        try {
            int n;
            int placed;
            if (dst.isDirect()) {
                n = receiveDatagram(fd, dst, pos, room, flags, address);
                placed = Math.min(n, room);
            } else {
                ByteBuffer scratch = ScratchBuffers.get(room);
                n = receiveDatagram(fd, scratch, 0, scratch.limit(), flags, address);
                placed = Math.min(n, scratch.limit());
                if (placed > 0) {
                    dst.put(pos, scratch, 0, placed);   // absolute: allocates nothing
                }
            }
            if (n >= 0) {
                dst.position(pos + placed);
                return n;
            }
            if (Errno.isWouldBlock(n)) {
                source.wouldBlock();
                return -1;
            }
            String call = address == null ? "recv" : "recvfrom";
            throw datagramError(flags == MSG_PEEK ? call + "(MSG_PEEK)" : call, n);
        } finally {
            source.handle().release();
        }
    }

    private static int receiveDatagram(int fd, ByteBuffer buffer, int pos, int len, int flags, byte[] address) {
        // MSG_TRUNC: the result is the datagram's real length, so truncation can be told.
        return address == null
                ? SocketNative.recv(fd, buffer, pos, len, flags | MSG_TRUNC)
                : DatagramNative.recvFrom(fd, buffer, pos, len, flags | MSG_TRUNC, address);
    }

    /** Joins (IP_ADD_MEMBERSHIP) or leaves (IP_DROP_MEMBERSHIP) an IPv4 group; addresses are 4 raw bytes. */
    public void membershipV4(boolean join, byte[] group, byte[] iface) throws IOException {
        int fd = source.handle().acquire();
        try {
            int option = join ? IP_ADD_MEMBERSHIP : IP_DROP_MEMBERSHIP;
            Errno.check(join ? "setsockopt(IP_ADD_MEMBERSHIP)" : "setsockopt(IP_DROP_MEMBERSHIP)",
                    DatagramNative.membershipV4(fd, option, group, iface));
        } finally {
            source.handle().release();
        }
    }

    /** Joins (IPV6_JOIN_GROUP) or leaves (IPV6_LEAVE_GROUP) an IPv6 group on an interface (0: any). */
    public void membershipV6(boolean join, byte[] group, int ifindex) throws IOException {
        int fd = source.handle().acquire();
        try {
            int option = join ? IPV6_JOIN_GROUP : IPV6_LEAVE_GROUP;
            Errno.check(join ? "setsockopt(IPV6_JOIN_GROUP)" : "setsockopt(IPV6_LEAVE_GROUP)",
                    DatagramNative.membershipV6(fd, option, group, ifindex));
        } finally {
            source.handle().release();
        }
    }

    /**
     * Stream read (recv with flags): bytes read, 0 when nothing is ready or dst is
     * full, -1 at end of stream. Moves dst's position by the bytes read.
     */
    public int read(ByteBuffer dst, int flags) throws IOException {
        checkWritable(dst);
        int fd = source.handle().acquire();
        try {
            int pos = dst.position();
            int room = dst.limit() - pos;
            if (room == 0) {
                return 0;
            }
            int n;
            if (dst.isDirect()) {
                n = SocketNative.recv(fd, dst, pos, room, flags);
            } else {
                ByteBuffer scratch = ScratchBuffers.get(room);
                n = SocketNative.recv(fd, scratch, 0, scratch.limit(), flags);
                if (n > 0) {
                    dst.put(pos, scratch, 0, n);   // absolute: allocates nothing
                }
            }
            if (n > 0) {
                dst.position(pos + n);
                return n;
            }
            if (n == 0) {
                return -1;
            }
            if (Errno.isWouldBlock(n)) {
                source.wouldBlock();
                return 0;
            }
            throw Errno.exception(flags == MSG_PEEK ? "recv(MSG_PEEK)" : "recv", n);
        } finally {
            source.handle().release();
        }
    }

    /** Stream write: bytes written, 0 when the kernel buffer is full. */
    public int write(ByteBuffer src) throws IOException {
        Objects.requireNonNull(src, "src");
        int fd = source.handle().acquire();
        try {
            int pos = src.position();
            int remaining = src.limit() - pos;
            if (remaining == 0) {
                return 0;
            }
            int n;
            if (src.isDirect()) {
                n = SocketNative.send(fd, src, pos, remaining, 0);
            } else {
                ByteBuffer scratch = ScratchBuffers.get(remaining);
                int len = scratch.limit();
                scratch.put(0, src, pos, len);   // absolute: allocates nothing
                n = SocketNative.send(fd, scratch, 0, len, 0);
            }
            if (n >= 0) {
                src.position(pos + n);
                return n;
            }
            if (Errno.isWouldBlock(n)) {
                source.wouldBlock();
                return 0;
            }
            throw Errno.exception("send", n);
        } finally {
            source.handle().release();
        }
    }

    /**
     * Scattering stream read (readv) into dsts[offset, offset + length): bytes read, 0
     * when nothing is ready or no buffer has room, -1 at end of stream. Direct buffers
     * are read into in place, heap buffers through the scratch buffer.
     */
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        Objects.requireNonNull(dsts, "dsts");
        Objects.checkFromIndexSize(offset, length, dsts.length);
        for (int i = offset; i < offset + length; i++) {
            checkWritable(dsts[i]);
        }
        int fd = source.handle().acquire();
        IoVectors vectors = IoVectors.get();
        try {
            ByteBuffer scratch = collect(vectors, dsts, offset, length);
            if (vectors.count == 0) {
                return 0;
            }
            long n = FdNative.readv(fd, vectors.buffers, vectors.positions, vectors.lengths, vectors.count);
            if (n > 0) {
                long left = n;
                for (int k = 0; k < vectors.count && left > 0; k++) {
                    ByteBuffer dst = dsts[vectors.targets[k]];
                    int take = (int) Math.min(left, vectors.lengths[k]);
                    int pos = dst.position();
                    if (vectors.buffers[k] == scratch) {
                        dst.put(pos, scratch, vectors.positions[k], take);
                    }
                    dst.position(pos + take);
                    left -= take;
                }
                return n;
            }
            if (n == 0) {
                return -1;
            }
            if (Errno.isWouldBlock((int) n)) {
                source.wouldBlock();
                return 0;
            }
            throw Errno.exception("readv", n);
        } finally {
            vectors.clear();
            source.handle().release();
        }
    }

    /**
     * Gathering stream write (sendmsg with MSG_NOSIGNAL: never SIGPIPE) from
     * srcs[offset, offset + length): bytes written, 0 when the kernel buffer is full.
     */
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        Objects.requireNonNull(srcs, "srcs");
        Objects.checkFromIndexSize(offset, length, srcs.length);
        for (int i = offset; i < offset + length; i++) {
            if (srcs[i] == null) {
                throw new NullPointerException("srcs[" + i + "]");   // message built only when thrown
            }
        }
        int fd = source.handle().acquire();
        IoVectors vectors = IoVectors.get();
        try {
            ByteBuffer scratch = collect(vectors, srcs, offset, length);
            if (vectors.count == 0) {
                return 0;
            }
            for (int k = 0; k < vectors.count; k++) {
                if (vectors.buffers[k] == scratch) {
                    ByteBuffer src = srcs[vectors.targets[k]];
                    scratch.put(vectors.positions[k], src, src.position(), vectors.lengths[k]);
                }
            }
            long n = SocketNative.sendv(fd, vectors.buffers, vectors.positions, vectors.lengths, vectors.count);
            if (n >= 0) {
                long left = n;
                for (int k = 0; k < vectors.count && left > 0; k++) {
                    ByteBuffer src = srcs[vectors.targets[k]];
                    int take = (int) Math.min(left, vectors.lengths[k]);
                    src.position(src.position() + take);
                    left -= take;
                }
                return n;
            }
            if (Errno.isWouldBlock((int) n)) {
                source.wouldBlock();
                return 0;
            }
            throw Errno.exception("sendmsg", n);
        } finally {
            vectors.clear();
            source.handle().release();
        }
    }

    /**
     * Fills vectors with the non-empty ranges of buffers[offset, offset + length), in
     * order: direct buffers as themselves, heap buffers as ranges of the scratch buffer
     * (returned; null when no heap buffer takes part). Stops at IOV_MAX entries, at
     * Integer.MAX_VALUE bytes, or where the scratch buffer is full, so the bytes covered
     * are always a prefix of what the buffers hold.
     */
    private static ByteBuffer collect(IoVectors vectors, ByteBuffer[] buffers, int offset, int length) {
        int heapBytes = 0;
        for (int i = offset; i < offset + length && heapBytes < ScratchBuffers.MAX; i++) {
            if (!buffers[i].isDirect()) {
                heapBytes += Math.min(buffers[i].remaining(), ScratchBuffers.MAX);
            }
        }
        ByteBuffer scratch = heapBytes > 0 ? ScratchBuffers.get(heapBytes) : null;
        int scratchUsed = 0;
        long total = 0;
        for (int i = offset; i < offset + length && !vectors.isFull(); i++) {
            ByteBuffer buffer = buffers[i];
            int pos = buffer.position();
            int len = (int) Math.min(buffer.limit() - pos, Integer.MAX_VALUE - total);
            if (len == 0) {
                continue;
            }
            if (buffer.isDirect()) {
                vectors.add(buffer, pos, len, i);
            } else {
                len = Math.min(len, scratch.limit() - scratchUsed);
                if (len == 0) {
                    break;
                }
                vectors.add(scratch, scratchUsed, len, i);
                scratchUsed += len;
            }
            total += len;
            if (len < buffer.limit() - pos) {
                break;   // this buffer is covered only in part: nothing after it may be
            }
        }
        return scratch;
    }

    static void checkWritable(ByteBuffer dst) {
        Objects.requireNonNull(dst, "dst");
        if (dst.isReadOnly()) {
            throw new IllegalArgumentException("read-only buffer");
        }
    }
}
