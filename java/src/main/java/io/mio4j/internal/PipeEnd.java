package io.mio4j.internal;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * One end of an OS pipe behind io.mio4j.unix.Pipe, as {@link NetSocket} is a socket behind
 * io.mio4j.net: opened by {@link Backend#openPipe}, its I/O on {@link BufferIo}.
 */
public abstract class PipeEnd {
    /** For registration with a Poll, and the descriptor. */
    public abstract IoSource source();

    /**
     * Registers {@code owner}, the public object, with the Cleaner: when it becomes
     * unreachable unclosed, the descriptor is closed. Returns this.
     */
    public abstract PipeEnd ownedBy(Object owner);

    /** Bytes read, 0 when nothing is ready or dst is full, -1 at end of stream. */
    public abstract int read(ByteBuffer dst) throws IOException;

    /** Bytes written, 0 when the pipe is full. */
    public abstract int write(ByteBuffer src) throws IOException;

    public abstract void setNonBlocking(boolean on) throws IOException;

    /** The descriptor, or -1 once closed. */
    public final int fd() {
        return source().handle().fdOrMinusOne();
    }

    public final boolean isOpen() {
        return source().handle().isOpen();
    }

    /** Deregisters and closes. Idempotent; any thread. */
    public final void close() {
        source().close();
    }
}
