package io.mio4j.unix;

import io.mio4j.Interest;
import io.mio4j.Registry;
import io.mio4j.Source;
import io.mio4j.Token;
import io.mio4j.internal.unix.PipeEnd;

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
     * Creates a pipe (pipe2 with O_NONBLOCK | O_CLOEXEC).
     *
     * @return the pipe
     * @throws IOException if the OS reports an error (e.g. too many open files)
     */
    public static Pipe open() throws IOException {
        int[] fds = PipeEnd.open();
        return new Pipe(new Sender(fds[1]), new Receiver(fds[0]));
    }

    /** @return the writing end */
    public Sender sender() {
        return sender;
    }

    /** @return the reading end */
    public Receiver receiver() {
        return receiver;
    }

    /** The writing end of a pipe. */
    public static final class Sender implements Source, WritableByteChannel {
        private final PipeEnd end;

        private Sender(int fd) {
            this.end = PipeEnd.adopt(fd, this);
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

        /**
         * Sets or clears O_NONBLOCK. While blocking, write waits for room and
         * {@link #close()} from another thread waits until that write returns.
         *
         * @throws IOException if the OS reports an error
         */
        public void setNonBlocking(boolean on) throws IOException {
            end.setNonBlocking(on);
        }

        @Override
        public void register(Registry registry, Token token, Interest interests) throws IOException {
            end.source().register(registry, token, interests);
        }

        @Override
        public void reregister(Registry registry, Token token, Interest interests) throws IOException {
            end.source().reregister(registry, token, interests);
        }

        @Override
        public void deregister(Registry registry) throws IOException {
            end.source().deregister(registry);
        }

        /** @return the descriptor (still owned by this end), or -1 once closed */
        public int fd() {
            return end.fd();
        }

        @Override
        public boolean isOpen() {
            return end.isOpen();
        }

        /** Closes this end, deregistering it; the receiver then reads end of stream. Idempotent; any thread. */
        @Override
        public void close() {
            end.close();
        }

        @Override
        public String toString() {
            return "Pipe.Sender{fd=" + fd() + "}";
        }
    }

    /** The reading end of a pipe. */
    public static final class Receiver implements Source, ReadableByteChannel {
        private final PipeEnd end;

        private Receiver(int fd) {
            this.end = PipeEnd.adopt(fd, this);
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

        /**
         * Sets or clears O_NONBLOCK. While blocking, read waits for data and
         * {@link #close()} from another thread waits until that read returns.
         *
         * @throws IOException if the OS reports an error
         */
        public void setNonBlocking(boolean on) throws IOException {
            end.setNonBlocking(on);
        }

        @Override
        public void register(Registry registry, Token token, Interest interests) throws IOException {
            end.source().register(registry, token, interests);
        }

        @Override
        public void reregister(Registry registry, Token token, Interest interests) throws IOException {
            end.source().reregister(registry, token, interests);
        }

        @Override
        public void deregister(Registry registry) throws IOException {
            end.source().deregister(registry);
        }

        /** @return the descriptor (still owned by this end), or -1 once closed */
        public int fd() {
            return end.fd();
        }

        @Override
        public boolean isOpen() {
            return end.isOpen();
        }

        /** Closes this end, deregistering it; writes to the sender then fail. Idempotent; any thread. */
        @Override
        public void close() {
            end.close();
        }

        @Override
        public String toString() {
            return "Pipe.Receiver{fd=" + fd() + "}";
        }
    }
}
