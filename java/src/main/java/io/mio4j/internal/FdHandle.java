package io.mio4j.internal;

import java.lang.ref.Cleaner;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

/**
 * Owns one descriptor (or socket handle) and closes it exactly once. Every operation
 * holds the handle between {@link #acquire()} and {@link #release()}; {@link #close()}
 * from any thread closes the descriptor only once no operation holds it, so no thread
 * ever passes a number that the OS has meanwhile given to another file.
 */
public final class FdHandle {
    private static final Cleaner CLEANER = Cleaner.create();
    private static final int CLOSED = 1;   // state: users * 2 | CLOSED

    private final int fd;
    private final IntUnaryOperator closer;
    private final AtomicInteger state = new AtomicInteger();
    private volatile Cleaner.Cleanable cleanable;

    /**
     * @param fd     the descriptor, owned from now on
     * @param closer closes it and returns 0 or -errno (errors are ignored: the
     *               descriptor is gone either way)
     */
    public FdHandle(int fd, IntUnaryOperator closer) {
        this.fd = fd;
        this.closer = closer;
    }

    /** Closes the descriptor when {@code owner} becomes unreachable without close(). */
    public FdHandle cleanWith(Object owner) {
        cleanable = CLEANER.register(owner, new CloseAction(this));
        return this;
    }

    /** Takes a use of the descriptor; pair with {@link #release()} in a finally block. */
    public int acquire() throws ClosedChannelException {
        for (;;) {
            int s = state.get();
            if ((s & CLOSED) != 0) {
                throw new ClosedChannelException();
            }
            if (state.compareAndSet(s, s + 2)) {
                return fd;
            }
        }
    }

    /** Ends a use; the last use after close() closes the descriptor. */
    public void release() {
        if (state.addAndGet(-2) == CLOSED) {
            closeNow();
        }
    }

    /**
     * Marks the handle closed. Returns true for the call that did so, false when it was
     * already closed. The descriptor itself closes now, or when the last use ends.
     */
    public boolean close() {
        for (;;) {
            int s = state.get();
            if ((s & CLOSED) != 0) {
                return false;
            }
            if (state.compareAndSet(s, s | CLOSED)) {
                if (s == 0) {
                    closeNow();
                }
                Cleaner.Cleanable c = cleanable;
                if (c != null) {
                    c.clean();   // nothing left to do on collection
                }
                return true;
            }
        }
    }

    public boolean isOpen() {
        return (state.get() & CLOSED) == 0;
    }

    /** The descriptor, or -1 once closed. For interop (fd()), not for I/O. */
    public int fdOrMinusOne() {
        return isOpen() ? fd : -1;
    }

    private void closeNow() {
        closer.applyAsInt(fd);
    }

    /** Holds only the handle, never its owner, so the owner can be collected. */
    private static final class CloseAction implements Runnable {
        private final FdHandle handle;

        CloseAction(FdHandle handle) {
            this.handle = handle;
        }

        @Override
        public void run() {
            handle.close();
        }
    }
}
