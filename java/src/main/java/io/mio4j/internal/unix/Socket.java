package io.mio4j.internal.unix;

import io.mio4j.internal.Errno;
import io.mio4j.internal.FdHandle;
import io.mio4j.internal.IoSource;
import io.mio4j.internal.NetSocket;
import io.mio4j.internal.ScratchBuffers;
import io.mio4j.internal.SocketKind;
import io.mio4j.internal.SocketOptionTable;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.Objects;

/**
 * The socket calls behind every io.mio4j.net and io.mio4j.unix socket on Unix: one
 * place for reading and writing buffers (direct: zero copy; heap: through a scratch
 * buffer), would-block as a return value, and the descriptor's safe use and close.
 */
public final class Socket extends NetSocket {
    private static final int AF_INET = Constants.socket("AF_INET");
    private static final int AF_INET6 = Constants.socket("AF_INET6");
    private static final int AF_UNIX = Constants.socket("AF_UNIX");
    private static final int SOCK_STREAM = Constants.socket("SOCK_STREAM");
    private static final int SOCK_DGRAM = Constants.socket("SOCK_DGRAM");
    private static final int SOL_SOCKET = Constants.socket("SOL_SOCKET");
    private static final int SO_ERROR = Constants.socket("SO_ERROR");
    private static final int SO_REUSEADDR = Constants.socket("SO_REUSEADDR");
    private static final int SHUT_RD = Constants.socket("SHUT_RD");
    private static final int SHUT_WR = Constants.socket("SHUT_WR");
    private static final int MSG_PEEK = Constants.socket("MSG_PEEK");
    private static final int IPPROTO_IP = Constants.socket("IPPROTO_IP");
    private static final int IPPROTO_IPV6 = Constants.socket("IPPROTO_IPV6");
    private static final int IP_TTL = Constants.socket("IP_TTL");
    private static final int IPV6_UNICAST_HOPS = Constants.socket("IPV6_UNICAST_HOPS");
    private static final int MSG_TRUNC = Constants.socket("MSG_TRUNC");
    private static final int IP_ADD_MEMBERSHIP = Constants.datagram("IP_ADD_MEMBERSHIP");
    private static final int IP_DROP_MEMBERSHIP = Constants.datagram("IP_DROP_MEMBERSHIP");
    private static final int IPV6_JOIN_GROUP = Constants.datagram("IPV6_JOIN_GROUP");
    private static final int IPV6_LEAVE_GROUP = Constants.datagram("IPV6_LEAVE_GROUP");

    private final IoSource source;
    private int family;              // learnt on first use; 0 = not yet
    private volatile boolean handedOver;   // the descriptor now belongs to another Socket
    private byte[] sender;           // the last sender kept by receiveDatagram; made on first use

    private Socket(int fd, SocketKind kind) {
        super(kind);
        this.source = new IoSource(new FdHandle(fd, f -> handedOver ? 0 : FdNative.close(f)));
    }

    /** A new non-blocking, close-on-exec socket of this kind (Backend.openSocket on Unix). */
    public static Socket open(SocketKind kind, boolean ipv6) throws IOException {
        int family = kind.isUnix() ? AF_UNIX : ipv6 ? AF_INET6 : AF_INET;
        int type = kind == SocketKind.UDP || kind == SocketKind.UNIX_DATAGRAM ? SOCK_DGRAM : SOCK_STREAM;
        return new Socket(open(family, type), kind);
    }

    /** Two connected Unix domain sockets of this kind (Backend.openSocketPair on Unix). */
    public static Socket[] pair(SocketKind kind) throws IOException {
        if (!kind.isUnix()) {
            throw new IllegalArgumentException("socketpair of " + kind.label() + " sockets");
        }
        int[] fds = new int[2];
        Errno.check("socketpair", SocketNative.socketpair(AF_UNIX,
                kind == SocketKind.UNIX_DATAGRAM ? SOCK_DGRAM : SOCK_STREAM, fds));
        return new Socket[] {new Socket(fds[0], kind), new Socket(fds[1], kind)};
    }

    @Override
    public Socket ownedBy(Object owner) {
        source.handle().cleanWith(owner);
        return this;
    }

    /**
     * Gives the descriptor to a new Socket (TcpSocket's connect/listen): this Socket is
     * closed afterwards, but the descriptor stays open in the one returned.
     */
    @Override
    public Socket handOver(SocketKind newKind) throws ClosedChannelException {
        int fd = source.handle().acquire();
        handedOver = true;
        source.handle().release();
        source.close();
        return new Socket(fd, newKind);
    }

    /** AF_INET, AF_INET6 or AF_UNIX. */
    private int family() throws IOException {
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
    private static int open(int family, int type) throws IOException {
        return Errno.check("socket", SocketNative.socket(family, type, 0));
    }

    @Override
    public IoSource source() {
        return source;
    }

    @Override
    public int fd() {
        return source.handle().fdOrMinusOne();
    }

    @Override
    public boolean isOpen() {
        return source.handle().isOpen();
    }

    @Override
    public void close() {
        source.close();
    }

    @Override
    public String toString() {
        return "fd=" + fd();
    }

    /** Our layout of an InetSocketAddress or a UnixDomainSocketAddress. */
    private static byte[] encode(SocketAddress address) {
        if (address instanceof UnixDomainSocketAddress) {
            return SockAddr.encodeUnix(((UnixDomainSocketAddress) address).getPath());
        }
        return SockAddr.encode((InetSocketAddress) Objects.requireNonNull(address, "address"));
    }

    /** Unix sockets: an unnamed (or unnameable) address is the empty path, as in API.md. */
    private SocketAddress decode(byte[] address) {
        SocketAddress decoded = SockAddr.decode(address);
        return kind.isUnix() ? SockAddr.asUnix(decoded) : decoded;
    }

    @Override
    public void bind(SocketAddress address) throws IOException {
        bind(encode(address));
    }

    private void bind(byte[] address) throws IOException {
        int fd = source.handle().acquire();
        try {
            Errno.check("bind", SocketNative.bind(fd, address));
        } finally {
            source.handle().release();
        }
    }

    @Override
    public void listen(int backlog) throws IOException {
        int fd = source.handle().acquire();
        try {
            Errno.check("listen", SocketNative.listen(fd, backlog));
        } finally {
            source.handle().release();
        }
    }

    @Override
    public void reuseAddressForListening() throws IOException {
        setIntOption(SOL_SOCKET, SO_REUSEADDR, 1);
    }

    @Override
    public boolean connect(SocketAddress address) throws IOException {
        return connect(encode(address));
    }

    /** Starts a connect: true when it completed at once, false while in progress. */
    private boolean connect(byte[] address) throws IOException {
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

    @Override
    public Socket accept() throws IOException {
        SocketKind accepted = kind.accepted();
        int fd = accept(new byte[SockAddr.MAX]);
        return fd < 0 ? null : new Socket(fd, accepted);
    }

    /** The accepted descriptor, or -1 when none is pending; the peer goes to address. */
    private int accept(byte[] address) throws IOException {
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

    @Override
    public SocketAddress localAddress() throws IOException {
        byte[] address = new byte[SockAddr.MAX];
        int fd = source.handle().acquire();
        try {
            Errno.check("getsockname", SocketNative.localAddress(fd, address));
        } finally {
            source.handle().release();
        }
        return decode(address);
    }

    /** The peer's address, or null while not connected. */
    @Override
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
        return decode(address);
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
        int fd = source.handle().acquire();
        try {
            Errno.check("shutdown", SocketNative.shutdown(fd, how));
        } finally {
            source.handle().release();
        }
    }

    @Override
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

    @Override
    public void setIntOption(int level, int name, int value) throws IOException {
        int fd = source.handle().acquire();
        try {
            Errno.check("setsockopt", SocketNative.setIntOption(fd, level, name, value));
        } finally {
            source.handle().release();
        }
    }

    /** SO_LINGER in seconds, or -1 when off. */
    @Override
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
    @Override
    public void setLinger(int seconds) throws IOException {
        int fd = source.handle().acquire();
        try {
            Errno.check("setsockopt(SO_LINGER)", SocketNative.setLinger(fd, seconds >= 0, Math.max(seconds, 0)));
        } finally {
            source.handle().release();
        }
    }

    /** IP_TTL, or the unicast hop limit on an IPv6 socket. Negative: IllegalArgumentException. */
    @Override
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

    @Override
    public int ttl() throws IOException {
        return family() == AF_INET6
                ? getIntOption(IPPROTO_IPV6, IPV6_UNICAST_HOPS)
                : getIntOption(IPPROTO_IP, IP_TTL);
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
    public int intOption(NamedOption option) throws IOException {
        return getIntOption(UdpOptions.level(option), UdpOptions.name(option));
    }

    @Override
    public void setIntOption(NamedOption option, int value) throws IOException {
        setIntOption(UdpOptions.level(option), UdpOptions.name(option), value);
    }

    /**
     * The pending SO_ERROR as an exception (clearing it), or null; for UDP a datagram
     * exception (PortUnreachableException for an ICMP error).
     */
    @Override
    public IOException takeError() throws IOException {
        int error = getIntOption(SOL_SOCKET, SO_ERROR);
        if (error == 0) {
            return null;
        }
        return kind == SocketKind.UDP ? Errno.datagramException("SO_ERROR", -error) : Errno.exception("SO_ERROR", -error);
    }

    // Datagrams (UdpSocket, UnixDatagram): one datagram per call, never partial.

    @Override
    public int sendDatagram(ByteBuffer src, SocketAddress target) throws IOException {
        Objects.requireNonNull(src, "src");
        return sendDatagram(src, target == null ? null : encode(target));
    }

    /**
     * Sends src's remaining bytes as one datagram to {@code address} (null: to the
     * connected peer). Returns the bytes sent, or -1 when it would block (nothing was
     * sent; src's position is unchanged).
     */
    private int sendDatagram(ByteBuffer src, byte[] address) throws IOException {
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
        return kind == SocketKind.UDP ? Errno.datagramException(call, result) : Errno.exception(call, result);
    }

    private static int sendDatagram(int fd, ByteBuffer buffer, int pos, int len, byte[] address) {
        return address == null
                ? SocketNative.send(fd, buffer, pos, len, 0)
                : DatagramNative.sendTo(fd, buffer, pos, len, address);
    }

    @Override
    public int receiveDatagram(ByteBuffer dst, boolean peek, boolean keepSender) throws IOException {
        byte[] address = null;
        if (keepSender) {
            address = sender;
            if (address == null) {
                address = sender = new byte[SockAddr.MAX];   // reused: receiving allocates only the result
            }
        }
        return receiveDatagram(dst, peek ? MSG_PEEK : 0, address);
    }

    @Override
    public SocketAddress lastSender() {
        if (sender == null) {
            return null;
        }
        return kind.isUnix() ? SockAddr.decodeUnix(sender) : SockAddr.decodeInet(sender);
    }

    /**
     * Receives one datagram into dst's room, or with {@link #MSG_PEEK} copies it and
     * leaves it queued; what does not fit is discarded (heap buffers take at most
     * {@link ScratchBuffers#MAX} bytes). With {@code address} non-null the sender is
     * written into it ({@link SockAddr#MAX} bytes). Returns the datagram's full length,
     * which exceeds the bytes placed when it was truncated, or -1 when none is waiting.
     * dst's position moves by the bytes placed.
     */
    private int receiveDatagram(ByteBuffer dst, int flags, byte[] address) throws IOException {
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

    /** Joins (IP_ADD_MEMBERSHIP) or leaves (IP_DROP_MEMBERSHIP) an IPv4 group. */
    @Override
    public void membershipV4(boolean join, Inet4Address groupAddress, Inet4Address ifaceAddress) throws IOException {
        byte[] group = Objects.requireNonNull(groupAddress, "group").getAddress();
        byte[] iface = Objects.requireNonNull(ifaceAddress, "iface").getAddress();
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
    @Override
    public void membershipV6(boolean join, Inet6Address groupAddress, int ifindex) throws IOException {
        byte[] group = Objects.requireNonNull(groupAddress, "group").getAddress();
        int fd = source.handle().acquire();
        try {
            int option = join ? IPV6_JOIN_GROUP : IPV6_LEAVE_GROUP;
            Errno.check(join ? "setsockopt(IPV6_JOIN_GROUP)" : "setsockopt(IPV6_LEAVE_GROUP)",
                    DatagramNative.membershipV6(fd, option, group, ifindex));
        } finally {
            source.handle().release();
        }
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return read(dst, 0);
    }

    @Override
    public int peek(ByteBuffer dst) throws IOException {
        return read(dst, MSG_PEEK);
    }

    /**
     * Stream read (recv with flags): bytes read, 0 when nothing is ready or dst is
     * full, -1 at end of stream. Moves dst's position by the bytes read.
     */
    private int read(ByteBuffer dst, int flags) throws IOException {
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
    @Override
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
    @Override
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
    @Override
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
}
