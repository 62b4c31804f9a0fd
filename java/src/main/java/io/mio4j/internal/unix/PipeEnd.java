package io.mio4j.internal.unix;

import io.mio4j.internal.Errno;
import io.mio4j.internal.FdHandle;
import io.mio4j.internal.IoSource;
import io.mio4j.internal.ScratchBuffers;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * One end of a pipe behind io.mio4j.unix.Pipe: read(2)/write(2) with would-block as a
 * return value, heap buffers through the scratch buffer, and the descriptor's safe use
 * and close.
 */
public final class PipeEnd {
    private final IoSource source;

    private PipeEnd(IoSource source) {
        this.source = source;
    }

    /** Wraps a descriptor we own; {@code owner} is the public object the Cleaner watches. */
    public static PipeEnd adopt(int fd, Object owner) {
        return new PipeEnd(new IoSource(new FdHandle(fd, FdNative::close).cleanWith(owner)));
    }

    /** A new pipe, both ends non-blocking and close-on-exec: [read end, write end]. */
    public static int[] open() throws IOException {
        int[] fds = new int[2];
        Errno.check("pipe2", FdNative.pipe(fds));
        return fds;
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

    public void setNonBlocking(boolean on) throws IOException {
        int fd = source.handle().acquire();
        try {
            Errno.check("ioctl(FIONBIO)", FdNative.setNonBlocking(fd, on));
        } finally {
            source.handle().release();
        }
    }

    /** Bytes read, 0 when nothing is ready or dst is full, -1 at end of stream. */
    public int read(ByteBuffer dst) throws IOException {
        Socket.checkWritable(dst);
        int pos = dst.position();
        int room = dst.limit() - pos;
        if (room == 0) {
            return 0;
        }
        int fd = source.handle().acquire();
        try {
            int n;
            if (dst.isDirect()) {
                n = FdNative.read(fd, dst, pos, room);
            } else {
                ByteBuffer scratch = ScratchBuffers.get(room);
                n = FdNative.read(fd, scratch, 0, scratch.limit());
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
            throw Errno.exception("read", n);
        } finally {
            source.handle().release();
        }
    }

    /** Bytes written, 0 when the pipe is full. Without a reader: IOException (EPIPE). */
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
                n = FdNative.write(fd, src, pos, remaining);
            } else {
                ByteBuffer scratch = ScratchBuffers.get(remaining);
                int len = scratch.limit();
                scratch.put(0, src, pos, len);   // absolute: allocates nothing
                n = FdNative.write(fd, scratch, 0, len);
            }
            if (n >= 0) {
                src.position(pos + n);
                return n;
            }
            if (Errno.isWouldBlock(n)) {
                source.wouldBlock();
                return 0;
            }
            throw Errno.exception("write", n);
        } finally {
            source.handle().release();
        }
    }
}
