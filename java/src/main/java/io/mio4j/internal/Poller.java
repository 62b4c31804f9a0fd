package io.mio4j.internal;

import io.mio4j.Interest;
import io.mio4j.Token;

import io.mio4j.internal.io.OsHandle;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;

/**
 * One OS poller instance (a selector in mio's words): the operations every backend (epoll, kqueue, event ports,
 * AFD) provides, so the public classes never know which one runs. Thread-safe except
 * {@link #select}, which one thread calls at a time.
 */
public abstract class Poller {
    /** The poller's own OS handle (epoll descriptor, kqueue, event port, completion port). */
    private final OsHandle handle;

    protected Poller(OsHandle handle) {
        this.handle = handle;
    }

    /**
     * Takes a use of the poller's handle for one call; pair with {@link #release()}.
     *
     * @throws ClosedSelectorException once closed
     */
    protected final long acquire() {
        try {
            return handle.acquireHandle();
        } catch (ClosedChannelException e) {
            throw new ClosedSelectorException();
        }
    }

    protected final void release() {
        handle.release();
    }
    /** What {@link #select} returns when a signal cut the wait short. */
    public static final int INTERRUPTED = -1;

    /*
     * Handles are longs: a descriptor (an int) on Unix, a pointer-sized SOCKET on
     * Windows. A Unix backend refuses a value outside the int range.
     */

    /** Starts watching {@code handle} for {@code interests}; events carry {@code token}. */
    public abstract void register(long handle, Token token, Interest interests) throws IOException;

    /** Replaces the token and interests of a registered handle. */
    public abstract void reregister(long handle, Token token, Interest interests) throws IOException;

    /** Stops watching {@code handle}. */
    public abstract void deregister(long handle) throws IOException;

    /**
     * Waits for readiness and decodes what the kernel reports into {@code events}
     * (cleared by the caller).
     *
     * @param timeoutNanos negative: no limit; 0: do not wait; else a bound, which the
     *                     backend rounds up to its clock's granularity
     * @return the number of events, or {@link #INTERRUPTED} when a signal cut the wait
     *         short (the caller recomputes the time left and calls again)
     * @throws java.nio.channels.ClosedSelectorException once closed
     */
    public abstract int select(EventBuffer events, long timeoutNanos) throws IOException;

    /** Makes a blocked or the next {@link #select} return soon. Any thread. */
    public abstract void wakeup() throws IOException;

    /**
     * Opens this poller's one waker; IllegalStateException while another is open.
     */
    public abstract WakerHandle openWaker(Token token) throws IOException;

    /**
     * Tells the backend that an operation on {@code handle} reported would-block
     * (-1: the handle is closed). Pollers with native edge triggering ignore it; AFD
     * re-arms its poll here. Must not allocate: it is on every read's path.
     */
    public void wouldBlock(long handle) {
    }

    public final boolean isOpen() {
        return handle.isOpen();
    }

    /**
     * Closes the poller; a thread blocked in select returns first (the handle closes with
     * the last use, its own). Idempotent.
     */
    public final void close() throws IOException {
        if (handle.isOpen()) {
            try {
                wakeup();
            } catch (ClosedSelectorException ignored) {
                // closed meanwhile by another thread
            }
            handle.close();
        }
    }
}
