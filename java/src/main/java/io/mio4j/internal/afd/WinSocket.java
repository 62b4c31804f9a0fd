package io.mio4j.internal.afd;

import io.mio4j.internal.Errno;
import io.mio4j.internal.FdHandle;
import io.mio4j.internal.IoSource;
import io.mio4j.internal.NativeConstant;
import io.mio4j.internal.ScratchBuffers;
import io.mio4j.internal.unix.SockAddr;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * The Winsock twin of io.mio4j.internal.unix.Socket: the socket calls behind every
 * io.mio4j.net socket on Windows, with the same method names and meanings where both
 * have them. Would-block is a return value and each one calls
 * {@code source.wouldBlock()}, which re-arms the AFD poll (edge-triggered emulation).
 * Errors are negated Winsock codes that {@link Errno} maps to the same exceptions as
 * on Unix (its constants name Winsock codes here). The SOCKET is owned by an FdHandle
 * (a long handle), so close() from any thread is safe.
 */
public final class WinSocket {
    public static final int AF_INET = constant("FAMILY_V4");
    public static final int AF_INET6 = constant("FAMILY_V6");
    public static final int SOCK_STREAM = constant("STREAM");
    public static final int SOCK_DGRAM = constant("DATAGRAM");
    public static final int SHUT_RD = constant("SHUT_READ");
    public static final int SHUT_WR = constant("SHUT_WRITE");
    public static final int MSG_PEEK = constant("PEEK");
    /**
     * Option "levels" exist for the shared shape of getIntOption/setIntOption only:
     * Windows option numbers (OPT_*) are ours and each names its own level.
     */
    public static final int SOL_SOCKET = 0;
    public static final int SO_ERROR = constant("OPT_ERROR");
    public static final int SO_REUSEADDR = constant("OPT_REUSEADDR");
    public static final int OPT_EXCLUSIVEADDRUSE = constant("OPT_EXCLUSIVEADDRUSE");
    public static final int OPT_KEEPALIVE = constant("OPT_KEEPALIVE");
    public static final int OPT_RCVBUF = constant("OPT_RCVBUF");
    public static final int OPT_SNDBUF = constant("OPT_SNDBUF");
    public static final int OPT_BROADCAST = constant("OPT_BROADCAST");
    public static final int OPT_LINGER = constant("OPT_LINGER");
    public static final int OPT_TCP_NODELAY = constant("OPT_TCP_NODELAY");
    public static final int OPT_TCP_KEEPIDLE = constant("OPT_TCP_KEEPIDLE");
    public static final int OPT_TCP_KEEPINTVL = constant("OPT_TCP_KEEPINTVL");
    public static final int OPT_TCP_KEEPCNT = constant("OPT_TCP_KEEPCNT");
    public static final int OPT_IP_TTL = constant("OPT_IP_TTL");
    public static final int OPT_IPV6_UNICAST_HOPS = constant("OPT_IPV6_UNICAST_HOPS");
    public static final int OPT_IP_MULTICAST_TTL = constant("OPT_IP_MULTICAST_TTL");
    public static final int OPT_IP_MULTICAST_LOOP = constant("OPT_IP_MULTICAST_LOOP");
    public static final int OPT_IPV6_MULTICAST_LOOP = constant("OPT_IPV6_MULTICAST_LOOP");
    public static final int OPT_IPV6_V6ONLY = constant("OPT_IPV6_V6ONLY");

    /** What a read-like call returns when nothing is ready. */
    public static final int WOULD_BLOCK = Integer.MIN_VALUE;

    private static final int IOV_MAX = constant("IOV_MAX");
    private static final int ADDRESS_SIZE = constant("ADDRESS_SIZE");

    private final IoSource source;

    private WinSocket(IoSource source) {
        this.source = source;
    }

    /** Wraps a SOCKET we own; {@code owner} is the public object the Cleaner watches. */
    public static WinSocket adopt(long handle, Object owner) {
        FdHandle owned = FdHandle.ofHandle(handle, WinSocketNative::close).cleanWith(owner);
        return new WinSocket(new IoSource(owned));
    }

    /** A new non-blocking, non-inheritable, overlapped socket. */
    public static long open(int family, int type) throws IOException {
        long s = WinSocketNative.socket(family, type);
        if (s < 0) {
            throw Errno.exception("socket", s);
        }
        return s;
    }

    public static int family(InetSocketAddress address) {
        Objects.requireNonNull(address, "address");
        return address.getAddress() instanceof Inet6Address ? AF_INET6 : AF_INET;
    }

    public IoSource source() {
        return source;
    }

    /** Windows sockets are not descriptors. */
    public int fd() {
        throw new UnsupportedOperationException("fd() is Unix-only: a Windows socket is a SOCKET"
                + " handle, not a file descriptor");
    }

    /** The SOCKET, or -1 once closed. For interop, not for I/O. */
    public long handle() {
        return source.handle().handleOrMinusOne();
    }

    public boolean isOpen() {
        return source.handle().isOpen();
    }

    public void close() {
        source.close();
    }

    public void bind(byte[] address) throws IOException {
        long s = source.handle().acquireHandle();
        try {
            Errno.check("bind", WinSocketNative.bind(s, address));
        } finally {
            source.handle().release();
        }
    }

    public void listen(int backlog) throws IOException {
        long s = source.handle().acquireHandle();
        try {
            Errno.check("listen", WinSocketNative.listen(s, backlog));
        } finally {
            source.handle().release();
        }
    }

    /** Starts a connect: true when it completed at once, false while in progress. */
    public boolean connect(byte[] address) throws IOException {
        long s = source.handle().acquireHandle();
        try {
            return Errno.check("connect", WinSocketNative.connect(s, address)) == 0;
        } finally {
            source.handle().release();
        }
    }

    /**
     * The accepted SOCKET, or -1 when none is pending; the peer goes to address (at
     * least {@link #addressBuffer()}'s size, or null).
     */
    public long accept(byte[] address) throws IOException {
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
    public static byte[] addressBuffer() {
        return new byte[Math.max(ADDRESS_SIZE, SockAddr.MAX)];
    }

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

    public void shutdown(int how) throws IOException {
        long s = source.handle().acquireHandle();
        try {
            Errno.check("shutdown", WinSocketNative.shutdown(s, how));
        } finally {
            source.handle().release();
        }
    }

    /** level is ignored (see {@link #SOL_SOCKET}); name is one of the OPT_* numbers. */
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
    public void setIntOption(int level, int name, int value) throws IOException {
        long s = source.handle().acquireHandle();
        try {
            Errno.check("setsockopt", WinSocketNative.setIntOption(s, name, value));
        } finally {
            source.handle().release();
        }
    }

    /** The pending SO_ERROR as an exception (clearing it), or null. */
    public IOException takeError() throws IOException {
        int error = getIntOption(SOL_SOCKET, SO_ERROR);
        return error == 0 ? null : Errno.exception("SO_ERROR", -error);
    }

    /**
     * Stream read (recv with flags 0 or MSG_PEEK): bytes read, 0 when nothing is ready
     * or dst is full, -1 at end of stream. Moves dst's position by the bytes read.
     */
    public int read(ByteBuffer dst, int flags) throws IOException {
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
    public int write(ByteBuffer src) throws IOException {
        if (!Objects.requireNonNull(src, "src").hasRemaining()) {
            return 0;
        }
        int n = send(src);
        return n == WOULD_BLOCK ? 0 : n;
    }

    /**
     * Datagram receive on a connected socket (flags 0 or MSG_PEEK): the datagram's
     * length placed in dst (truncated to its room), or -1 when none is waiting.
     */
    public int receive(ByteBuffer dst, int flags) throws IOException {
        int n = receive(dst, flags, "recv");
        return n == WOULD_BLOCK ? -1 : n;
    }

    /** Datagram send on a connected socket: bytes sent, or -1 when it would block. */
    public int sendDatagram(ByteBuffer src) throws IOException {
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
            throw Errno.exception(flags == MSG_PEEK ? "recv(MSG_PEEK)" : call, n);
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
            throw Errno.exception("send", n);
        } finally {
            source.handle().release();
        }
    }

    /**
     * Scattering stream read into dsts[offset..offset+length): bytes read, 0 when
     * nothing is ready, -1 at end of stream. Direct buffers are read in place (at
     * most IOV_MAX of them per call); otherwise through one scratch buffer.
     */
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
     * Datagram receive (flags 0 or MSG_PEEK): the sender, or null when no datagram is
     * waiting. dst's position moves by the bytes placed in it (truncated to its room).
     */
    public SocketAddress receiveFrom(ByteBuffer dst, int flags) throws IOException {
        checkWritable(dst);
        int pos = dst.position();
        int room = dst.limit() - pos;
        byte[] from = addressBuffer();
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
                return SockAddr.decode(from);
            }
            if (Errno.isWouldBlock(n)) {
                source.wouldBlock();
                return null;
            }
            throw Errno.datagramException(flags == MSG_PEEK ? "recvfrom(MSG_PEEK)" : "recvfrom", n);
        } finally {
            source.handle().release();
        }
    }

    /** Datagram send to address: bytes sent, or -1 when it would block (nothing sent). */
    public int sendTo(ByteBuffer src, byte[] address) throws IOException {
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

    /** Joins (join true) or leaves an IPv4 group; iface null: the system's choice. */
    public void multicastV4(Inet4Address group, Inet4Address iface, boolean join) throws IOException {
        Objects.requireNonNull(group, "group");
        long s = source.handle().acquireHandle();
        try {
            Errno.check(join ? "IP_ADD_MEMBERSHIP" : "IP_DROP_MEMBERSHIP", WinSocketNative.multicastV4(s,
                    group.getAddress(), iface == null ? null : iface.getAddress(), join ? 1 : 0));
        } finally {
            source.handle().release();
        }
    }

    /** Joins (join true) or leaves an IPv6 group on an interface index (0: any). */
    public void multicastV6(Inet6Address group, int ifaceIndex, boolean join) throws IOException {
        Objects.requireNonNull(group, "group");
        long s = source.handle().acquireHandle();
        try {
            Errno.check(join ? "IPV6_ADD_MEMBERSHIP" : "IPV6_DROP_MEMBERSHIP",
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

    static void checkWritable(ByteBuffer dst) {
        Objects.requireNonNull(dst, "dst");
        if (dst.isReadOnly()) {
            throw new IllegalArgumentException("read-only buffer");
        }
    }

    private static int constant(String name) {
        return NativeConstant.required(name, WinSocketNative.constant(name));
    }
}
