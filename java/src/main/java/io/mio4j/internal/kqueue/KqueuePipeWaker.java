package io.mio4j.internal.kqueue;

import io.mio4j.Interest;
import io.mio4j.Token;
import io.mio4j.internal.WakerHandle;
import io.mio4j.internal.io.Errno;
import io.mio4j.internal.io.OsHandle;
import io.mio4j.internal.unix.Posix;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A Waker over a pipe whose read end is registered (edge-triggered, readable) with the
 * user's token, as mio's on NetBSD and OpenBSD: each byte written is a new edge. The
 * pipe is emptied only when a write would block.
 */
final class KqueuePipeWaker implements WakerHandle {
    private final KqueuePoller poller;
    private final OsHandle writer;   // closes the read end too
    private final int reader;
    private final ByteBuffer drain = ByteBuffer.allocateDirect(64);   // guarded by itself

    private KqueuePipeWaker(KqueuePoller poller, OsHandle writer, int reader) {
        this.poller = poller;
        this.writer = writer;
        this.reader = reader;
    }

    static KqueuePipeWaker open(KqueuePoller poller, Token token) throws IOException {
        int[] fds = new int[2];
        Errno.check("pipe", Posix.CALLS.pipe(fds));
        int reader = fds[0];
        OsHandle writer = new OsHandle(fds[1], fd -> {
            KqueuePoller.closeFd(reader);
            return KqueuePoller.closeFd(fd);
        });
        try {
            poller.register(reader, token, Interest.READABLE);
        } catch (IOException | RuntimeException e) {
            writer.close();
            throw e;
        }
        KqueuePipeWaker waker = new KqueuePipeWaker(poller, writer, reader);
        writer.cleanWith(waker);
        return waker;
    }

    @Override
    public void wake() throws IOException {
        int fd = writer.acquire();
        try {
            int rc = Posix.CALLS.write(fd, KqueuePoller.ONE_BYTE, 0, 1);
            if (Errno.isWouldBlock(rc)) {
                // The pipe is full: empty it, then the write is a new edge.
                synchronized (drain) {
                    while (Posix.CALLS.read(reader, drain, 0, drain.capacity()) > 0) {
                        // wake-ups nobody has polled for yet: one event covers them all
                    }
                }
                rc = Posix.CALLS.write(fd, KqueuePoller.ONE_BYTE, 0, 1);
            }
            Errno.check("write(pipe)", rc);
        } finally {
            writer.release();
        }
    }

    @Override
    public void close() throws IOException {
        if (!writer.isOpen()) {
            return;
        }
        try {
            if (poller.isOpen()) {
                writer.acquire();
                try {
                    poller.deregister(reader);
                } finally {
                    writer.release();
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // closing the pipe removes it from the kqueue anyway
        } finally {
            writer.close();
            poller.wakerClosed(this);
        }
    }
}
