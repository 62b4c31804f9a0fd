package io.mio4j.internal.io;

import java.lang.ref.Cleaner;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;
import java.util.function.LongConsumer;
import java.util.function.LongToIntFunction;

/**
 * Owns one OS handle (a Unix descriptor or a Windows SOCKET/HANDLE) and closes it
 * exactly once. Every operation
 * holds the handle between {@link #acquire()} and {@link #release()}; {@link #close()}
 * from any thread closes the descriptor only once no operation holds it, so no thread
 * ever passes a number that the OS has meanwhile given to another file.
 */
public final class OsHandle {
    private static final Cleaner CLEANER = Cleaner.create();
    private static final int CLOSED = 1;   // state: users * 2 | CLOSED

    private final long handle;   // a descriptor (int) on Unix, a SOCKET/HANDLE on Windows
    private final LongToIntFunction closer;
    private final AtomicInteger state = new AtomicInteger();
    private volatile Cleaner.Cleanable cleanable;
    private volatile LongConsumer preCloser;

    /**
     * Runs {@code preCloser} with the handle when close() finds a call still using it, so
     * a call blocked in the OS can be made to return (the handle is held meanwhile, so
     * the number cannot be reused under it). Null: none.
     */
    public void preCloseWith(LongConsumer preCloser) {
        this.preCloser = preCloser;
    }

    /**
     * @param fd     the descriptor, owned from now on
     * @param closer closes it and returns 0 or -errno (errors are ignored: the
     *               descriptor is gone either way)
     */
    public OsHandle(int fd, IntUnaryOperator closer) {
        this(fd, (LongToIntFunction) h -> closer.applyAsInt((int) h));
    }

    private OsHandle(long handle, LongToIntFunction closer) {
        this.handle = handle;
        this.closer = closer;
    }

    /**
     * A pointer-sized handle (a Windows SOCKET), owned from now on; use it through
     * {@link #acquireHandle()}. A factory, not a constructor: an overload would make
     * {@code new OsHandle(fd, x -> ...)} ambiguous.
     *
     * @param closer closes it and returns 0 or a negative error (ignored)
     */
    public static OsHandle ofHandle(long handle, LongToIntFunction closer) {
        return new OsHandle(handle, closer);
    }

    /** Closes the descriptor when {@code owner} becomes unreachable without close(). */
    public OsHandle cleanWith(Object owner) {
        cleanable = CLEANER.register(owner, new CloseAction(this));
        return this;
    }

    /** Takes a use of the descriptor; pair with {@link #release()} in a finally block. */
    public int acquire() throws ClosedChannelException {
        return (int) acquireHandle();
    }

    /** As {@link #acquire()}, for handles wider than an int (Windows SOCKETs). */
    public long acquireHandle() throws ClosedChannelException {
        for (;;) {
            int s = state.get();
            if ((s & CLOSED) != 0) {
                throw new ClosedChannelException();
            }
            if (state.compareAndSet(s, s + 2)) {
                return handle;
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
        LongConsumer pre = preCloser;
        for (;;) {
            int s = state.get();
            if ((s & CLOSED) != 0) {
                return false;
            }
            boolean preClose = s != 0 && pre != null;
            // With a pre-close, this thread takes a use too, released once it is done.
            if (state.compareAndSet(s, (s | CLOSED) + (preClose ? 2 : 0))) {
                if (s == 0) {
                    closeNow();
                } else if (preClose) {
                    try {
                        pre.accept(handle);
                    } finally {
                        release();
                    }
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
        return isOpen() ? (int) handle : -1;
    }

    /** The handle, or -1 once closed; not for I/O (no use is taken). */
    public long handleOrMinusOne() {
        return isOpen() ? handle : -1;
    }

    private void closeNow() {
        closer.applyAsInt(handle);
    }

    /** Holds only the handle, never its owner, so the owner can be collected. */
    private static final class CloseAction implements Runnable {
        private final OsHandle handle;

        CloseAction(OsHandle handle) {
            this.handle = handle;
        }

        @Override
        public void run() {
            handle.close();
        }
    }
}
