package io.mio4j.unix;

import io.mio4j.Interest;
import io.mio4j.Registry;
import io.mio4j.Source;
import io.mio4j.Token;
import io.mio4j.internal.PipeEnd;
import io.mio4j.internal.platform.Platform;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * A Unix pipe (mio's unix::pipe): bytes written to the {@link Sender} are read from the
 * {@link Receiver}. Both ends are non-blocking and close-on-exec from birth, and each
 * is a {@link Source} closed on its own.
 */
public final class Pipe {
    private final Sender sender;
    private final Receiver receiver;

    private Pipe(Sender sender, Receiver receiver) {
        this.sender = sender;
        this.receiver = receiver;
    }

    /**
     * Creates a pipe, both ends non-blocking and close-on-exec from birth.
     *
     * @return the pipe
     * @throws IOException                   if the OS reports an error (e.g. too many open files)
     * @throws UnsupportedOperationException where the OS has no Unix pipes (Windows)
     */
    public static Pipe open() throws IOException {
        Platform.backend().requireUnix("Pipe");
        PipeEnd[] ends = Platform.backend().openPipe();
        return new Pipe(new Sender(ends[1]), new Receiver(ends[0]));
    }

    /** @return the writing end */
    public Sender sender() {
        return sender;
    }

    /** @return the reading end */
    public Receiver receiver() {
        return receiver;
    }

    /**
     * What both ends share, written once: registration, the descriptor, the blocking mode
     * and close. Private, so Sender and Receiver keep their declared shape (javac gives
     * each a public bridge to these methods).
     */
    private abstract static class End implements Source {
        final PipeEnd end;

        End(PipeEnd end) {
            this.end = end.ownedBy(this);
        }

        /**
         * Sets or clears O_NONBLOCK. While blocking, a read or write waits, and close()
         * from another thread makes it return with AsynchronousCloseException.
         *
         * @throws IOException if the OS reports an error
         */
        public final void setNonBlocking(boolean on) throws IOException {
            end.setNonBlocking(on);
        }

        @Override
        public final void register(Registry registry, Token token, Interest interests) throws IOException {
            end.source().register(registry, token, interests);
        }

        @Override
        public final void reregister(Registry registry, Token token, Interest interests) throws IOException {
            end.source().reregister(registry, token, interests);
        }

        @Override
        public final void deregister(Registry registry) throws IOException {
            end.source().deregister(registry);
        }

        /** @return the descriptor (still owned by this end: do not close it), or -1 once closed */
        public final int fd() {
            return end.fd();
        }

        public final boolean isOpen() {
            return end.isOpen();
        }

        /** Closes this end, deregistering it. Idempotent; any thread. */
        public final void close() {
            end.close();
        }

        @Override
        public final String toString() {
            return "Pipe." + getClass().getSimpleName() + "{fd=" + fd() + "}";
        }
    }

    /** The writing end of a pipe; when it is closed, the receiver reads end of stream. */
    public static final class Sender extends End implements Source, WritableByteChannel {
        private Sender(PipeEnd end) {
            super(end);
        }

        /**
         * Writes from {@code src}.
         *
         * @return bytes written, 0 when the pipe is full
         * @throws IOException if the OS reports an error, e.g. "Broken pipe" once the
         *                     receiver is closed
         */
        @Override
        public int write(ByteBuffer src) throws IOException {
            return end.write(src);
        }
    }

    /** The reading end of a pipe; when it is closed, writes to the sender fail. */
    public static final class Receiver extends End implements Source, ReadableByteChannel {
        private Receiver(PipeEnd end) {
            super(end);
        }

        /**
         * Reads into {@code dst}.
         *
         * @return bytes read, 0 when nothing is ready (or dst is full), -1 once the
         *         sender is closed and everything was read
         * @throws IllegalArgumentException if dst is read-only
         */
        @Override
        public int read(ByteBuffer dst) throws IOException {
            return end.read(dst);
        }
    }
}
