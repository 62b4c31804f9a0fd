package io.mio4j.internal.unix;

import io.mio4j.internal.Errno;
import io.mio4j.internal.FdHandle;
import io.mio4j.internal.IoSource;
import io.mio4j.internal.ScratchBuffers;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
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

    /** What a read-like call returns when nothing is ready. */
    public static final int WOULD_BLOCK = Integer.MIN_VALUE;

    private final IoSource source;

    private Socket(IoSource source) {
        this.source = source;
    }

    /** Wraps a descriptor we own; {@code owner} is the public object the Cleaner watches. */
    public static Socket adopt(int fd, Object owner) {
        FdHandle handle = new FdHandle(fd, FdNative::close).cleanWith(owner);
        return new Socket(new IoSource(handle));
    }

    /** A new non-blocking, close-on-exec socket. */
    public static int open(int family, int type) throws IOException {
        return Errno.check("socket", SocketNative.socket(family, type, 0));
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

    /** The pending SO_ERROR as an exception (clearing it), or null. */
    public IOException takeError() throws IOException {
        int error = getIntOption(SOL_SOCKET, SO_ERROR);
        return error == 0 ? null : Errno.exception("SO_ERROR", -error);
    }

    /**
     * Stream read (recv with flags): bytes read, 0 when nothing is ready or dst is
     * full, -1 at end of stream. Moves dst's position by the bytes read.
     */
    public int read(ByteBuffer dst, int flags) throws IOException {
        checkWritable(dst);
        int pos = dst.position();
        int room = dst.limit() - pos;
        if (room == 0) {
            return 0;
        }
        int fd = source.handle().acquire();
        try {
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
        int pos = src.position();
        int remaining = src.limit() - pos;
        if (remaining == 0) {
            return 0;
        }
        int fd = source.handle().acquire();
        try {
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

    static void checkWritable(ByteBuffer dst) {
        Objects.requireNonNull(dst, "dst");
        if (dst.isReadOnly()) {
            throw new IllegalArgumentException("read-only buffer");
        }
    }
}
