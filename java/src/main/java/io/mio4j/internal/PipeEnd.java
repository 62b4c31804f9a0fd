package io.mio4j.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.function.LongToIntFunction;

/**
 * One end of an OS pipe behind io.mio4j.unix.Pipe, as {@link NetSocket} is a socket behind
 * io.mio4j.net: opened by {@link Backend#openPipe}, its I/O on {@link BufferIo}.
 */
public abstract class PipeEnd extends IoSource {
    /** @param closer closes the descriptor: one shared by every pipe end of a kind */
    protected PipeEnd(long fd, LongToIntFunction closer) {
        super(fd, closer);   // the end is its own source and handle
    }

    /** For registration with a Poll: the end itself. */
    public final IoSource source() {
        return this;
    }

    /**
     * Registers {@code owner}, the public object, with the Cleaner: when it becomes
     * unreachable unclosed, the descriptor is closed. Returns this.
     */
    public final PipeEnd ownedBy(Object owner) {
        cleanWith(owner);
        return this;
    }

    /** Bytes read, 0 when nothing is ready or dst is full, -1 at end of stream. */
    public abstract int read(ByteBuffer dst) throws IOException;

    /** Bytes written, 0 when the pipe is full. */
    public abstract int write(ByteBuffer src) throws IOException;

    public abstract void setNonBlocking(boolean on) throws IOException;

    /** The descriptor, or -1 once closed. */
    public final int fd() {
        return fdOrMinusOne();
    }
}
