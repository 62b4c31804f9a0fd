package io.mio4j.internal.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.Cleaner;
import java.nio.channels.ClosedChannelException;
import java.util.function.IntUnaryOperator;
import java.util.function.LongToIntFunction;

/**
 * Owns one OS handle (a Unix descriptor or a Windows SOCKET/HANDLE) and closes it
 * exactly once. Every operation holds the handle between {@link #acquire()} and
 * {@link #release()}; {@link #close()} from any thread closes the descriptor only once no
 * operation holds it, so no thread ever passes a number that the OS has meanwhile given
 * to another file.
 *
 * <p>Kept small, as one lives per connection: the state is a field updated through a
 * VarHandle (no AtomicInteger), the closer is shared by every handle of a kind (never a
 * lambda per handle), and the handle is its own Cleaner action. It is its own Runnable
 * for that reason only: {@link #run()} is close().
 */
public class OsHandle implements Runnable {
    private static final Cleaner CLEANER = Cleaner.create();
    private static final int CLOSED = 1;   // state: users * 2 | CLOSED
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(OsHandle.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final long handle;   // a descriptor (int) on Unix, a SOCKET/HANDLE on Windows
    private final LongToIntFunction closer;
    @SuppressWarnings("unused")   // through STATE
    private volatile int state;
    private volatile boolean handedOver;   // closed here, but the OS handle lives on elsewhere
    private volatile Cleaner.Cleanable cleanable;

    /**
     * @param fd     the descriptor, owned from now on
     * @param closer closes it and returns 0 or -errno (errors are ignored: the
     *               descriptor is gone either way)
     */
    public OsHandle(int fd, IntUnaryOperator closer) {
        this(fd, (LongToIntFunction) h -> closer.applyAsInt((int) h));
    }

    /**
     * @param handle the descriptor or SOCKET, owned from now on
     * @param closer closes it and returns 0 or a negative error (ignored); one shared by
     *               every handle of a kind
     */
    protected OsHandle(long handle, LongToIntFunction closer) {
        this.handle = handle;
        this.closer = closer;
    }

    /**
     * A pointer-sized handle (a Windows SOCKET), owned from now on; use it through
     * {@link #acquireHandle()}. A factory, not a constructor: an overload would make
     * {@code new OsHandle(fd, x -> ...)} ambiguous.
     */
    public static OsHandle ofHandle(long handle, LongToIntFunction closer) {
        return new OsHandle(handle, closer);
    }

    /**
     * Whether close() must {@link #preClose} when it finds a call still using the handle
     * (a call that may be blocked in the OS). A method, not a field: only pipe ends in
     * blocking mode need it, and every handle would pay for a field.
     */
    protected boolean needsPreClose() {
        return false;
    }

    /**
     * Makes a call blocked on the handle return; runs while close() holds a use, so the
     * number cannot be reused meanwhile.
     */
    protected void preClose(long handle) {
    }

    /** Closes the descriptor when {@code owner} becomes unreachable without close(). */
    public OsHandle cleanWith(Object owner) {
        cleanable = CLEANER.register(owner, this);   // holds this handle, never its owner
        return this;
    }

    /** The Cleaner's action: close(). */
    @Override
    public final void run() {
        close();
    }

    /** Takes a use of the descriptor; pair with {@link #release()} in a finally block. */
    public final int acquire() throws ClosedChannelException {
        return (int) acquireHandle();
    }

    /** As {@link #acquire()}, for handles wider than an int (Windows SOCKETs). */
    public final long acquireHandle() throws ClosedChannelException {
        for (;;) {
            int s = (int) STATE.getVolatile(this);
            if ((s & CLOSED) != 0) {
                throw new ClosedChannelException();
            }
            if (STATE.compareAndSet(this, s, s + 2)) {
                return handle;
            }
        }
    }

    /** Ends a use; the last use after close() closes the descriptor. */
    public final void release() {
        if ((int) STATE.getAndAdd(this, -2) - 2 == CLOSED) {
            closeNow();
        }
    }

    /**
     * Marks the handle closed. Returns true for the call that did so, false when it was
     * already closed. The descriptor itself closes now, or when the last use ends.
     */
    public boolean close() {
        for (;;) {
            int s = (int) STATE.getVolatile(this);
            if ((s & CLOSED) != 0) {
                return false;
            }
            boolean preClose = s != 0 && needsPreClose();
            // With a pre-close, this thread takes a use too, released once it is done.
            if (STATE.compareAndSet(this, s, (s | CLOSED) + (preClose ? 2 : 0))) {
                if (s == 0) {
                    closeNow();
                } else if (preClose) {
                    try {
                        preClose(handle);
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

    /**
     * Gives the OS handle to a new owner (TcpSocket's connect/listen): this one counts as
     * closed from now on, but the OS handle is not closed.
     */
    public final long handOver() throws ClosedChannelException {
        long h = acquireHandle();
        handedOver = true;
        release();
        close();
        return h;
    }

    public final boolean isOpen() {
        return ((int) STATE.getVolatile(this) & CLOSED) == 0;
    }

    /** The descriptor, or -1 once closed. For interop (fd()), not for I/O. */
    public final int fdOrMinusOne() {
        return isOpen() ? (int) handle : -1;
    }

    /** The handle, or -1 once closed; not for I/O (no use is taken). */
    public final long handleOrMinusOne() {
        return isOpen() ? handle : -1;
    }

    private void closeNow() {
        if (!handedOver) {
            closer.applyAsInt(handle);
        }
    }
}
