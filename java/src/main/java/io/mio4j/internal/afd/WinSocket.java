package io.mio4j.internal.afd;

import io.mio4j.internal.Errno;
import io.mio4j.internal.FdHandle;
import io.mio4j.internal.IoSource;
import io.mio4j.internal.NativeConstant;
import io.mio4j.internal.NetSocket;
import io.mio4j.internal.ScratchBuffers;
import io.mio4j.internal.SocketKind;
import io.mio4j.internal.SocketOptionTable;
import io.mio4j.internal.unix.SockAddr;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.Objects;

/**
 * The Winsock twin of io.mio4j.internal.unix.Socket: the socket calls behind every
 * io.mio4j.net socket on Windows, with the same method names and meanings where both
 * have them. Would-block is a return value and each one calls
 * {@code source.wouldBlock()}, which re-arms the AFD poll (edge-triggered emulation).
 * Errors are negated Winsock codes that {@link Errno} maps to the same exceptions as
 * on Unix (its constants name Winsock codes here). The SOCKET is owned by an FdHandle
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
    private static final int MSG_PEEK = constant("PEEK");
    /**
     * Option "levels" exist for the shared shape of getIntOption/setIntOption only:
     * Windows option numbers (OPT_*) are ours and each names its own level.
     */
    private static final int SOL_SOCKET = WinSocketOptions.LEVEL;
    private static final int SO_ERROR = constant("OPT_ERROR");
    private static final int OPT_LINGER = constant("OPT_LINGER");
    private static final int OPT_IP_TTL = constant("OPT_IP_TTL");
    private static final int OPT_IPV6_UNICAST_HOPS = constant("OPT_IPV6_UNICAST_HOPS");

    private static final int IOV_MAX = constant("IOV_MAX");
    private static final int ADDRESS_SIZE = constant("ADDRESS_SIZE");

    private final IoSource source;
    private final boolean ipv6;            // known from birth: Winsock has no cheap "family of"
    private volatile boolean handedOver;   // the SOCKET now belongs to another WinSocket
    private byte[] sender;                 // the last sender kept by receiveDatagram; made on first use

    private WinSocket(long handle, SocketKind kind, boolean ipv6) {
        super(kind);
        this.source = new IoSource(FdHandle.ofHandle(handle, h -> handedOver ? 0 : WinSocketNative.close(h)));
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
        long s = WinSocketNative.socket(family, type);
        if (s < 0) {
            throw Errno.exception("socket", s);
        }
        return s;
    }

    @Override
    public WinSocket ownedBy(Object owner) {
        source.handle().cleanWith(owner);
        return this;
    }

    /**
     * Gives the SOCKET to a new WinSocket (TcpSocket's connect/listen): this one is closed
     * afterwards, but the SOCKET stays open in the one returned.
     */
    @Override
    public WinSocket handOver(SocketKind newKind) throws ClosedChannelException {
        long s = source.handle().acquireHandle();
        handedOver = true;
        source.handle().release();
        source.close();
        return new WinSocket(s, newKind, ipv6);
    }

    @Override
    public IoSource source() {
        return source;
    }

    /** Windows sockets are not descriptors. */
    @Override
    public int fd() {
        throw new UnsupportedOperationException("fd() is Unix-only: a Windows socket is a SOCKET"
                + " handle, not a file descriptor");
    }

    /** The SOCKET, or -1 once closed. For interop, not for I/O. */
    public long handle() {
        return source.handle().handleOrMinusOne();
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
        return "socket=" + handle();
    }

    /** Our layout of an InetSocketAddress (the natives share the Unix natives' layout). */
    private static byte[] encode(SocketAddress address) {
        if (!(Objects.requireNonNull(address, "address") instanceof InetSocketAddress)) {
            throw new UnsupportedOperationException(address.getClass().getSimpleName() + " is Unix-only");
        }
        return SockAddr.encode((InetSocketAddress) address);
    }

    @Override
    public void bind(SocketAddress address) throws IOException {
        bind(encode(address));
    }

    private void bind(byte[] address) throws IOException {
        long s = source.handle().acquireHandle();
        try {
            Errno.check("bind", WinSocketNative.bind(s, address));
        } finally {
            source.handle().release();
        }
    }

    @Override
    public void listen(int backlog) throws IOException {
        long s = source.handle().acquireHandle();
        try {
            Errno.check("listen", WinSocketNative.listen(s, backlog));
        } finally {
            source.handle().release();
        }
    }

    /**
     * Nothing: on Windows SO_REUSEADDR lets another socket bind the same port while this
     * one listens ("socket hijacking"), so a listener, as in mio, goes without it.
     */
    @Override
    public void reuseAddressForListening() {
    }

    @Override
    public boolean connect(SocketAddress address) throws IOException {
        return connect(encode(address));
    }

    /** Starts a connect: true when it completed at once, false while in progress. */
    private boolean connect(byte[] address) throws IOException {
        long s = source.handle().acquireHandle();
        try {
            return Errno.check("connect", WinSocketNative.connect(s, address)) == 0;
        } finally {
            source.handle().release();
        }
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
        long s = source.handle().acquireHandle();
        try {
            long rc = WinSocketNative.accept(s, address);
            if (rc < 0 && Errno.isWouldBlock((int) rc)) {
                source.wouldBlock();
                return -1;
            }
            if (rc < 0) {
                throw Errno.exception("accept", rc);
            }
            return rc;
        } finally {
            source.handle().release();
        }
    }

    /** An array for the natives to write an address into. */
    private static byte[] addressBuffer() {
        return new byte[Math.max(ADDRESS_SIZE, SockAddr.MAX)];
    }

    @Override
    public SocketAddress localAddress() throws IOException {
        byte[] address = addressBuffer();
        long s = source.handle().acquireHandle();
        try {
            Errno.check("getsockname", WinSocketNative.localAddress(s, address));
        } finally {
            source.handle().release();
        }
        return SockAddr.decode(address);
    }

    /** The peer's address, or null while not connected. */
    @Override
    public SocketAddress peerAddress() throws IOException {
        byte[] address = addressBuffer();
        long s = source.handle().acquireHandle();
        try {
            int rc = WinSocketNative.peerAddress(s, address);
            if (rc == -Errno.ENOTCONN) {
                return null;
            }
            Errno.check("getpeername", rc);
        } finally {
            source.handle().release();
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
        long s = source.handle().acquireHandle();
        try {
            Errno.check("shutdown", WinSocketNative.shutdown(s, how));
        } finally {
            source.handle().release();
        }
    }

    /** level is ignored (see {@link #SOL_SOCKET}); name is one of the OPT_* numbers. */
    @Override
    public int getIntOption(int level, int name) throws IOException {
        int[] value = new int[1];
        long s = source.handle().acquireHandle();
        try {
            Errno.check("getsockopt", WinSocketNative.getIntOption(s, name, value));
        } finally {
            source.handle().release();
        }
        return value[0];
    }

    /** level is ignored (see {@link #SOL_SOCKET}); name is one of the OPT_* numbers. */
    @Override
    public void setIntOption(int level, int name, int value) throws IOException {
        long s = source.handle().acquireHandle();
        try {
            Errno.check("setsockopt", WinSocketNative.setIntOption(s, name, value));
        } finally {
            source.handle().release();
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
    public int intOption(NamedOption option) throws IOException {
        return getIntOption(SOL_SOCKET, WinSocketOptions.named(option));
    }

    @Override
    public void setIntOption(NamedOption option, int value) throws IOException {
        setIntOption(SOL_SOCKET, WinSocketOptions.named(option), value);
    }

    /** SO_LINGER in seconds, or -1 when off (the C side reads the struct linger). */
    @Override
    public int linger() throws IOException {
        return getIntOption(SOL_SOCKET, OPT_LINGER);
    }

    /** Sets SO_LINGER: a negative number turns it off; at most 65535 (u_short). */
    @Override
    public void setLinger(int seconds) throws IOException {
        setIntOption(SOL_SOCKET, OPT_LINGER, Math.min(seconds, 0xFFFF));
    }

    /** IP_TTL, or the unicast hop limit on an IPv6 socket. Negative: IllegalArgumentException. */
    @Override
    public void setTtl(int ttl) throws IOException {
        if (ttl < 0) {
            throw new IllegalArgumentException("negative ttl: " + ttl);
        }
        setIntOption(SOL_SOCKET, ipv6 ? OPT_IPV6_UNICAST_HOPS : OPT_IP_TTL, ttl);
    }

    @Override
    public int ttl() throws IOException {
        return getIntOption(SOL_SOCKET, ipv6 ? OPT_IPV6_UNICAST_HOPS : OPT_IP_TTL);
    }

    /**
     * The pending SO_ERROR as an exception (clearing it), or null; for UDP a datagram
     * exception.
     */
    @Override
    public IOException takeError() throws IOException {
        int error = getIntOption(SOL_SOCKET, SO_ERROR);
        if (error == 0) {
            return null;
        }
        return kind == SocketKind.UDP ? Errno.datagramException("SO_ERROR", -error) : Errno.exception("SO_ERROR", -error);
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
     * Stream read (recv with flags 0 or MSG_PEEK): bytes read, 0 when nothing is ready
     * or dst is full, -1 at end of stream. Moves dst's position by the bytes read.
     */
    private int read(ByteBuffer dst, int flags) throws IOException {
        checkWritable(dst);
        if (!dst.hasRemaining()) {
            return 0;
        }
        int n = receive(dst, flags, "recv");
        if (n == WOULD_BLOCK) {
            return 0;
        }
        return n == 0 ? -1 : n;
    }

    /** Stream write: bytes written, 0 when the kernel buffer is full. */
    @Override
    public int write(ByteBuffer src) throws IOException {
        if (!Objects.requireNonNull(src, "src").hasRemaining()) {
            return 0;
        }
        int n = send(src);
        return n == WOULD_BLOCK ? 0 : n;
    }

    /**
     * Windows tells no datagram's full length: a truncated one (WSAEMSGSIZE) counts as
     * the bytes placed, so the length returned never exceeds dst's room.
     */
    @Override
    public int receiveDatagram(ByteBuffer dst, boolean peek, boolean keepSender) throws IOException {
        int flags = peek ? MSG_PEEK : 0;
        if (!keepSender) {
            int n = receive(dst, flags, "recv");
            return n == WOULD_BLOCK ? -1 : n;
        }
        byte[] from = sender;
        if (from == null) {
            from = sender = addressBuffer();   // reused: receiving allocates only the result
        }
        return receiveFrom(dst, flags, from);
    }

    @Override
    public SocketAddress lastSender() {
        return sender == null ? null : SockAddr.decodeInet(sender);
    }

    /** Datagram send to target (null: the connected peer): bytes sent, or -1 when it would block. */
    @Override
    public int sendDatagram(ByteBuffer src, SocketAddress target) throws IOException {
        Objects.requireNonNull(src, "src");
        if (target != null) {
            return sendTo(src, encode(target));
        }
        int n = send(src);
        return n == WOULD_BLOCK ? -1 : n;
    }

    private int receive(ByteBuffer dst, int flags, String call) throws IOException {
        checkWritable(dst);
        int pos = dst.position();
        int room = dst.limit() - pos;
        long s = source.handle().acquireHandle();
        try {
            int n;
            if (dst.isDirect()) {
                n = WinSocketNative.recv(s, dst, pos, room, flags);
            } else {
                ByteBuffer scratch = ScratchBuffers.get(room);
                n = WinSocketNative.recv(s, scratch, 0, scratch.limit(), flags);
                if (n > 0) {
                    dst.put(pos, scratch, 0, n);   // absolute: allocates nothing
                }
            }
            if (n >= 0) {
                dst.position(pos + n);
                return n;
            }
            if (Errno.isWouldBlock(n)) {
                source.wouldBlock();
                return WOULD_BLOCK;
            }
            String name = flags == MSG_PEEK ? call + "(MSG_PEEK)" : call;
            throw kind == SocketKind.UDP ? Errno.datagramException(name, n) : Errno.exception(name, n);
        } finally {
            source.handle().release();
        }
    }

    private int send(ByteBuffer src) throws IOException {
        Objects.requireNonNull(src, "src");
        int pos = src.position();
        int remaining = src.limit() - pos;
        long s = source.handle().acquireHandle();
        try {
            int n;
            if (src.isDirect()) {
                n = WinSocketNative.send(s, src, pos, remaining);
            } else {
                ByteBuffer scratch = ScratchBuffers.get(remaining);
                int len = scratch.limit();
                scratch.put(0, src, pos, len);   // absolute: allocates nothing
                n = WinSocketNative.send(s, scratch, 0, len);
            }
            if (n >= 0) {
                src.position(pos + n);
                return n;
            }
            if (Errno.isWouldBlock(n)) {
                source.wouldBlock();
                return WOULD_BLOCK;
            }
            throw kind == SocketKind.UDP ? Errno.datagramException("send", n) : Errno.exception("send", n);
        } finally {
            source.handle().release();
        }
    }

    /**
     * Scattering stream read into dsts[offset..offset+length): bytes read, 0 when
     * nothing is ready, -1 at end of stream. Direct buffers are read in place (at
     * most IOV_MAX of them per call); otherwise through one scratch buffer.
     */
    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, Objects.requireNonNull(dsts, "dsts").length);
        long room = 0;
        boolean direct = true;
        for (int i = offset; i < offset + length; i++) {
            checkWritable(dsts[i]);
            room += dsts[i].remaining();
            direct &= dsts[i].isDirect();
        }
        if (room == 0) {
            return 0;
        }
        if (!direct) {
            ByteBuffer scratch = ScratchBuffers.get((int) Math.min(room, ScratchBuffers.MAX));
            int n = read(scratch, 0);
            if (n > 0) {
                scatter(scratch, n, dsts, offset, length);
            }
            return n;
        }
        Vectors v = Vectors.of(dsts, offset, length, IOV_MAX);
        long s = source.handle().acquireHandle();
        try {
            int n = WinSocketNative.recvv(s, v.buffers, v.positions, v.lengths, v.count);
            if (n > 0) {
                v.advance(n);
                return n;
            }
            if (n == 0) {
                return -1;
            }
            if (Errno.isWouldBlock(n)) {
                source.wouldBlock();
                return 0;
            }
            throw Errno.exception("recv", n);
        } finally {
            v.clear();
            source.handle().release();
        }
    }

    /** Gathering stream write of srcs[offset..offset+length): bytes written, 0 when full. */
    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, Objects.requireNonNull(srcs, "srcs").length);
        long total = 0;
        boolean direct = true;
        for (int i = offset; i < offset + length; i++) {
            total += Objects.requireNonNull(srcs[i], "src").remaining();
            direct &= srcs[i].isDirect();
        }
        if (total == 0) {
            return 0;
        }
        if (!direct) {
            ByteBuffer scratch = ScratchBuffers.get((int) Math.min(total, ScratchBuffers.MAX));
            gather(srcs, offset, length, scratch);
            scratch.flip();
            int n = write(scratch);
            consume(srcs, offset, length, n);
            return n;
        }
        Vectors v = Vectors.of(srcs, offset, length, IOV_MAX);
        long s = source.handle().acquireHandle();
        try {
            int n = WinSocketNative.sendv(s, v.buffers, v.positions, v.lengths, v.count);
            if (n >= 0) {
                v.advance(n);
                return n;
            }
            if (Errno.isWouldBlock(n)) {
                source.wouldBlock();
                return 0;
            }
            throw Errno.exception("send", n);
        } finally {
            v.clear();
            source.handle().release();
        }
    }

    /**
     * Datagram receive (flags 0 or MSG_PEEK), the sender written to from: the bytes
     * placed (truncated to dst's room), or -1 when no datagram is waiting.
     */
    private int receiveFrom(ByteBuffer dst, int flags, byte[] from) throws IOException {
        checkWritable(dst);
        int pos = dst.position();
        int room = dst.limit() - pos;
        long s = source.handle().acquireHandle();
        try {
            int n;
            if (dst.isDirect()) {
                n = WinSocketNative.recvFrom(s, dst, pos, room, flags, from);
            } else {
                ByteBuffer scratch = ScratchBuffers.get(room);
                n = WinSocketNative.recvFrom(s, scratch, 0, scratch.limit(), flags, from);
                if (n > 0) {
                    dst.put(pos, scratch, 0, n);
                }
            }
            if (n >= 0) {
                dst.position(pos + n);
                return n;
            }
            if (Errno.isWouldBlock(n)) {
                source.wouldBlock();
                return -1;
            }
            throw Errno.datagramException(flags == MSG_PEEK ? "recvfrom(MSG_PEEK)" : "recvfrom", n);
        } finally {
            source.handle().release();
        }
    }

    /** Datagram send to address: bytes sent, or -1 when it would block (nothing sent). */
    private int sendTo(ByteBuffer src, byte[] address) throws IOException {
        Objects.requireNonNull(src, "src");
        int pos = src.position();
        int remaining = src.limit() - pos;
        long s = source.handle().acquireHandle();
        try {
            int n;
            if (src.isDirect()) {
                n = WinSocketNative.sendTo(s, src, pos, remaining, address);
            } else {
                ByteBuffer scratch = ScratchBuffers.get(remaining);
                int len = scratch.limit();
                scratch.put(0, src, pos, len);
                n = WinSocketNative.sendTo(s, scratch, 0, len, address);
            }
            if (n >= 0) {
                src.position(pos + n);
                return n;
            }
            if (Errno.isWouldBlock(n)) {
                source.wouldBlock();
                return -1;
            }
            throw Errno.datagramException("sendto", n);
        } finally {
            source.handle().release();
        }
    }

    /** Joins (join true) or leaves an IPv4 group; iface null or 0.0.0.0: the system's choice. */
    @Override
    public void membershipV4(boolean join, Inet4Address group, Inet4Address iface) throws IOException {
        Objects.requireNonNull(group, "group");
        long s = source.handle().acquireHandle();
        try {
            Errno.check(join ? "setsockopt(IP_ADD_MEMBERSHIP)" : "setsockopt(IP_DROP_MEMBERSHIP)", WinSocketNative.multicastV4(s,
                    group.getAddress(), iface == null ? null : iface.getAddress(), join ? 1 : 0));
        } finally {
            source.handle().release();
        }
    }

    /** Joins (join true) or leaves an IPv6 group on an interface index (0: any). */
    @Override
    public void membershipV6(boolean join, Inet6Address group, int ifaceIndex) throws IOException {
        Objects.requireNonNull(group, "group");
        long s = source.handle().acquireHandle();
        try {
            Errno.check(join ? "setsockopt(IPV6_ADD_MEMBERSHIP)" : "setsockopt(IPV6_DROP_MEMBERSHIP)",
                    WinSocketNative.multicastV6(s, group.getAddress(), ifaceIndex, join ? 1 : 0));
        } finally {
            source.handle().release();
        }
    }

    private static void scatter(ByteBuffer scratch, int n, ByteBuffer[] dsts, int offset, int length) {
        int at = 0;
        for (int i = offset; i < offset + length && at < n; i++) {
            int k = Math.min(dsts[i].remaining(), n - at);
            dsts[i].put(dsts[i].position(), scratch, at, k);
            dsts[i].position(dsts[i].position() + k);
            at += k;
        }
    }

    private static void gather(ByteBuffer[] srcs, int offset, int length, ByteBuffer scratch) {
        for (int i = offset; i < offset + length && scratch.hasRemaining(); i++) {
            int k = Math.min(srcs[i].remaining(), scratch.remaining());
            scratch.put(scratch.position(), srcs[i], srcs[i].position(), k);
            scratch.position(scratch.position() + k);
        }
    }

    private static void consume(ByteBuffer[] srcs, int offset, int length, int n) {
        for (int i = offset; i < offset + length && n > 0; i++) {
            int k = Math.min(srcs[i].remaining(), n);
            srcs[i].position(srcs[i].position() + k);
            n -= k;
        }
    }

    private static int constant(String name) {
        return NativeConstant.required(name, WinSocketNative.constant(name));
    }
}
