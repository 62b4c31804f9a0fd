package io.mio4j.internal.afd;

import io.mio4j.Interest;
import io.mio4j.Token;
import io.mio4j.internal.EventBuffer;
import io.mio4j.internal.Poller;
import io.mio4j.internal.io.Errno;
import io.mio4j.internal.io.NativeConstant;
import io.mio4j.internal.io.OsHandle;
import io.mio4j.internal.loader.Binding;
import io.mio4j.internal.TokenTable;
import io.mio4j.internal.WakerHandle;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;

/**
 * The Windows selector: AFD polls completing on an I/O completion port
 * (native/afd/afd_selector.c). Edge-triggered behaviour is emulated there as mio
 * does it: an event disarms what it reported until {@link #wouldBlock} (called by
 * the socket code on every would-block) or a reregister arms it again. Wake-ups are
 * completion packets: Thread.interrupt() and close() post one with generation-0
 * data, the Waker one with its own registration's data.
 */
final class AfdPoller extends Poller {
    /** Held in a static final field: the JIT sees one implementation and inlines its calls. */
    static final AfdCalls CALLS = Binding.implementation(AfdCalls.class);

    private static final int INTEREST_READABLE = constant("INTEREST_READABLE");
    private static final int INTEREST_WRITABLE = constant("INTEREST_WRITABLE");
    private static final int INTEREST_PRIORITY = constant("INTEREST_PRIORITY");
    static final int ERROR_NOT_FOUND = constant("ERROR_NOT_FOUND");
    static final AfdEvents EVENTS = new AfdEvents(constant("EVENT_SIZE"),
            constant("EVENT_DATA_OFFSET"), constant("EVENT_READINESS_OFFSET"),
            constant("READABLE"), constant("WRITABLE"), constant("ERROR"),
            constant("READ_CLOSED"), constant("WRITE_CLOSED"), constant("PRIORITY"));
    private static final long INTERNAL_WAKE = TokenTable.internalData(0);
    private static final long NANOS_PER_MILLI = 1_000_000L;

    private final OsHandle port;
    private final Registrations registrations = new Registrations();   // also the lock
    private AfdWaker waker;   // guarded by registrations

    private AfdPoller(OsHandle port) {
        super(port);
        this.port = port;
    }

    static AfdPoller open() throws IOException {
        long handle = CALLS.open();
        if (handle < 0) {
            throw Errno.exception("CreateIoCompletionPort", handle);
        }
        OsHandle port = OsHandle.ofHandle(handle, CALLS::close);
        AfdPoller selector = new AfdPoller(port);
        port.cleanWith(selector);
        return selector;
    }

    /** The one interest → AFD selector bits mapping (AIO and LIO mean nothing here). */
    static int interests(Interest interests) {
        int bits = 0;
        if (interests.isReadable()) {
            bits |= INTEREST_READABLE;
        }
        if (interests.isWritable()) {
            bits |= INTEREST_WRITABLE;
        }
        if (interests.isPriority()) {
            bits |= INTEREST_PRIORITY;
        }
        return bits;
    }

    @Override
    public void register(long handle, Token token, Interest interests) throws IOException {
        long selector = acquire();
        try {
            synchronized (registrations) {
                // The slot is filled before the kernel can report an event for it.
                long data = registrations.add(handle, token);
                int rc = CALLS.register(selector, handle, data, interests(interests));
                if (rc < 0) {
                    registrations.remove(handle);
                    throw Errno.exception("register", rc);
                }
            }
        } finally {
            release();
        }
    }

    @Override
    public void reregister(long handle, Token token, Interest interests) throws IOException {
        long selector = acquire();
        try {
            synchronized (registrations) {
                int slot = registrations.slotOf(handle);
                if (slot < 0) {
                    throw Errno.exception("reregister", -ERROR_NOT_FOUND);
                }
                TokenTable tokens = registrations.tokens();
                long data = tokens.propose(slot, token);
                int rc = CALLS.reregister(selector, handle, data, interests(interests));
                if (rc < 0) {
                    tokens.abandon(slot);
                    throw Errno.exception("reregister", rc);
                }
                tokens.commit(slot);
            }
        } finally {
            release();
        }
    }

    @Override
    public void deregister(long handle) throws IOException {
        long selector = acquire();
        try {
            synchronized (registrations) {
                int rc = CALLS.deregister(selector, handle);
                registrations.remove(handle);
                Errno.check("deregister", rc);
            }
        } finally {
            release();
        }
    }

    /** Re-arms handle's interests. Errors are ignored: an unregistered socket has none. */
    @Override
    public void wouldBlock(long handle) {
        if (handle < 0 || !port.isOpen()) {
            return;
        }
        long selector;
        try {
            selector = port.acquireHandle();
        } catch (ClosedChannelException closedMeanwhile) {
            return;
        }
        try {
            CALLS.wouldBlock(selector, handle);
        } finally {
            release();
        }
    }

    @Override
    public int select(EventBuffer events, long timeoutNanos) throws IOException {
        long selector = acquire();
        try {
            ByteBuffer raw = events.raw(EVENTS.eventSize());
            int n = CALLS.select(selector, raw, events.capacity(), timeoutMillis(timeoutNanos));
            if (n < 0) {
                throw Errno.exception("GetQueuedCompletionStatusEx", n);
            }
            if (n == 0 && timeoutNanos > 0) {
                // The library may return early with nothing (a cancelled poll being
                // re-armed): let Poll wait for what is left of the timeout.
                return INTERRUPTED;
            }
            EVENTS.decode(raw, n, registrations.snapshot(), events);
            return events.size();
        } finally {
            release();
        }
    }

    /** Milliseconds for the wait: -1 for no limit, rounded up, never above int. */
    static int timeoutMillis(long nanos) {
        if (nanos < 0) {
            return -1;
        }
        long millis = nanos / NANOS_PER_MILLI + (nanos % NANOS_PER_MILLI == 0 ? 0 : 1);
        return (int) Math.min(millis, Integer.MAX_VALUE);
    }

    @Override
    public void wakeup() throws IOException {
        post(INTERNAL_WAKE);
    }

    void post(long data) throws IOException {
        long selector = acquire();
        try {
            Errno.check("PostQueuedCompletionStatus", CALLS.wake(selector, data));
        } finally {
            release();
        }
    }

    @Override
    public WakerHandle openWaker(Token token) throws IOException {
        acquire();
        try {
            synchronized (registrations) {
                if (waker != null) {
                    throw new IllegalStateException("this Poll already has a Waker; close it first");
                }
                long data = registrations.addInternal(token);
                waker = new AfdWaker(this, data);
                return waker;
            }
        } finally {
            release();
        }
    }

    void wakerClosed(AfdWaker closed) {
        synchronized (registrations) {
            if (waker == closed) {
                registrations.free(TokenTable.fdOf(closed.data()));
                waker = null;
            }
        }
    }




    private static int constant(String name) {
        return NativeConstant.required(name, CALLS.constant(name));
    }
}
