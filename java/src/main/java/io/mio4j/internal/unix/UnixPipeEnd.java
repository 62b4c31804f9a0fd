package io.mio4j.internal.unix;

import io.mio4j.internal.BufferIo;
import io.mio4j.internal.IoSource;
import io.mio4j.internal.PipeEnd;
import io.mio4j.internal.io.Errno;
import io.mio4j.internal.io.OsHandle;

import java.io.IOException;
import java.nio.ByteBuffer;

/** One end of a pipe on every Unix: read(2)/write(2) on the one I/O path. */
final class UnixPipeEnd extends PipeEnd {
    private final IoSource source;

    private UnixPipeEnd(int fd) {
        this.source = new IoSource(new OsHandle(fd, Posix.CALLS::close));
    }

    /** A new pipe, both ends non-blocking and close-on-exec: [receiver, sender]. */
    static PipeEnd[] open() throws IOException {
        int[] fds = new int[2];
        Errno.check("pipe", Posix.CALLS.pipe(fds));
        return new PipeEnd[] {new UnixPipeEnd(fds[0]), new UnixPipeEnd(fds[1])};
    }

    @Override
    public IoSource source() {
        return source;
    }

    @Override
    public PipeEnd ownedBy(Object owner) {
        source.handle().cleanWith(owner);
        return this;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return BufferIo.read(source, FdDispatcher.INSTANCE, dst, false);
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        return BufferIo.write(source, FdDispatcher.INSTANCE, src);
    }

    @Override
    public void setNonBlocking(boolean on) throws IOException {
        source.call("ioctl(FIONBIO)", h -> Posix.CALLS.setNonBlocking((int) h, on));
    }
}
