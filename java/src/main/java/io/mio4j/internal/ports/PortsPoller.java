package io.mio4j.internal.ports;

import io.mio4j.Interest;
import io.mio4j.Token;
import io.mio4j.internal.EventBuffer;
import io.mio4j.internal.Poller;
import io.mio4j.internal.TokenTable;
import io.mio4j.internal.WakerHandle;
import io.mio4j.internal.io.Errno;
import io.mio4j.internal.io.OsHandle;
import io.mio4j.internal.loader.Binding;
import io.mio4j.internal.unix.Posix;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The event ports poller (illumos, Solaris). A PORT_SOURCE_FD association is one-shot:
 * once the port delivers an event for an fd, the fd is no longer associated. mio's
 * edge-triggered contract is given on top of that as the AFD backend gives it: the fd is
 * associated again when an operation on it hits would-block ({@link #wouldBlock}, which
 * BufferIo and accept call on every would-block) and on reregister. Association polls
 * the fd at once, so readiness that came between the delivery and the re-association
 * is reported, not lost. Event data is TokenTable's (generation, fd), so events of a
 * stale registration are dropped. Wake-ups, the poller's own (interrupt, close) and the
 * Waker's, are PORT_SOURCE_USER events (port_send), coalesced while one is queued.
 */
final class PortsPoller extends Poller {
    /** The user word of the poller's own wake-ups; the Waker's are 1, 2, ... */
    private static final long INTERNAL_WAKE = 0;

    /** The real binding, made on first use only: Platform lists this backend on every OS. */
    static final class Kernel {
        /** Held in a static final field: the JIT sees one implementation and inlines its calls. */
        static final PortsCalls CALLS = Binding.implementation(PortsCalls.class);
        static final PortEvents EVENTS = new PortEvents(CALLS);

        private Kernel() {
        }
    }

    private final PortsCalls calls;
    private final PortEvents abi;
    private final OsHandle port;
    private final TokenTable table = new TokenTable();   // also the lock of everything below
    private final Associations associations = new Associations();
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private PortsWaker waker;
    private long lastWakerUser;

    private PortsPoller(PortsCalls calls, PortEvents abi, OsHandle port) {
        super(port);
        this.calls = calls;
        this.abi = abi;
        this.port = port;
    }

    static PortsPoller open() throws IOException {
        return open(Kernel.CALLS, Kernel.EVENTS);
    }

    /** Over any binding of the calls: the real one, or a test's double of the kernel. */
    static PortsPoller open(PortsCalls calls, PortEvents abi) throws IOException {
        int fd = Errno.check("port_create", calls.create());
        OsHandle handle = new OsHandle(fd, Posix.CALLS::close);
        PortsPoller poller = new PortsPoller(calls, abi, handle);
        handle.cleanWith(poller);
        return poller;
    }

    @Override
    public void register(long handle, Token token, Interest interests) throws IOException {
        int fd = descriptor(handle);
        int p = (int) acquire();
        try {
            synchronized (table) {
                if (associations.isRegistered(fd)) {
                    // port_associate would just re-associate: say what epoll_ctl says.
                    throw Errno.exception("port_associate", -Errno.EEXIST);
                }
                associate(p, fd, token, interests);
            }
        } finally {
            release();
        }
    }

    @Override
    public void reregister(long handle, Token token, Interest interests) throws IOException {
        int fd = descriptor(handle);
        int p = (int) acquire();
        try {
            synchronized (table) {
                if (!associations.isRegistered(fd)) {
                    throw Errno.exception("port_associate", -Errno.ENOENT);
                }
                // Replaces the events and data, and drops an undelivered event of the old
                // registration; if fd is still ready the kernel queues a new one.
                associate(p, fd, token, interests);
            }
        } finally {
            release();
        }
    }

    /** Hold the lock: no delivery can be recorded between the kernel's change and ours. */
    private void associate(int p, int fd, Token token, Interest interests) throws IOException {
        int events = abi.events(interests);
        long data = table.propose(fd, token);   // before the kernel can deliver an event with it
        int rc = calls.associate(p, fd, events, data);
        if (rc < 0) {
            table.abandon(fd);
            if (associations.isRegistered(fd)) {
                associations.disarmed(fd);   // the kernel may have dropped the old association
            }
            throw Errno.exception("port_associate", rc);
        }
        table.commit(fd);
        associations.associated(fd, events, data);
    }

    @Override
    public void deregister(long handle) throws IOException {
        int fd = descriptor(handle);
        int p = (int) acquire();
        try {
            synchronized (table) {
                if (!associations.isRegistered(fd)) {
                    throw Errno.exception("port_dissociate", -Errno.ENOENT);
                }
                associations.remove(fd);
                table.remove(fd);
                // Called even when the event was delivered: the kernel forgets the fd only
                // then. ENOENT just says that there was no active association.
                int rc = calls.dissociate(p, fd);
                if (rc < 0 && rc != -Errno.ENOENT) {
                    throw Errno.exception("port_dissociate", rc);
                }
            }
        } finally {
            release();
        }
    }

    /**
     * An operation on handle hit would-block: re-associate it if its association has
     * delivered its event, so the next readiness is reported. One port_associate then,
     * none while the association is still active. Errors are ignored (an fd that is not
     * registered, or closed: EBADFD); a failed association is retried at the next
     * would-block. Allocates nothing.
     */
    @Override
    public void wouldBlock(long handle) {
        if (handle < 0 || handle > Integer.MAX_VALUE) {
            return;
        }
        int fd = (int) handle;
        int p;
        try {
            p = port.acquire();
        } catch (ClosedChannelException closed) {
            return;
        }
        try {
            synchronized (table) {
                if (associations.needsAssociation(fd)) {
                    long data = associations.data(fd);
                    if (calls.associate(p, fd, associations.events(fd), data) == 0) {
                        associations.associated(fd, associations.events(fd), data);
                    }
                }
            }
        } finally {
            release();
        }
    }

    @Override
    public int select(EventBuffer events, long timeoutNanos) throws IOException {
        int p = (int) acquire();
        try {
            ByteBuffer raw = events.raw(abi.size);
            long result = calls.getn(p, raw, events.capacity(), 1, timeoutNanos);
            int count = (int) result;
            int error = (int) (result >> 32);
            // Events that came with ETIME or EINTR are delivered all the same: their fds
            // are no longer associated, so they must be reported, never dropped.
            decode(raw, count, events);
            if (error == 0 || error == -abi.etime) {
                return events.size();
            }
            if (Errno.isInterrupted(error)) {
                return events.size() == 0 ? INTERRUPTED : events.size();
            }
            // Whatever was queued is lost with the events: the next wakes send again.
            wakePending.set(false);
            synchronized (table) {
                if (waker != null) {
                    waker.delivered();
                }
            }
            throw Errno.exception("port_getn", error);
        } finally {
            release();
        }
    }

    private void decode(ByteBuffer raw, int n, EventBuffer events) {
        if (n <= 0) {
            return;
        }
        synchronized (table) {
            TokenTable.Slots slots = table.snapshot();
            for (int i = 0, at = 0; i < n; i++, at += abi.size) {
                int source = raw.getShort(at + abi.sourceOffset) & 0xFFFF;
                long user = raw.getLong(at + abi.userOffset);
                if (source == abi.sourceFd) {
                    associations.delivered((int) raw.getLong(at + abi.objectOffset), user);
                    Token token = slots.lookup(user);
                    if (token != null) {
                        events.add(token, abi.readiness(raw.getInt(at + abi.eventsOffset)));
                    }
                } else if (source == abi.sourceUser) {
                    if (user == INTERNAL_WAKE) {
                        wakePending.set(false);   // the wake-up is done
                    } else if (waker != null && user == waker.user()) {
                        waker.delivered();   // before the user can see it: a later wake sends again
                        events.add(waker.token(), EventBuffer.READABLE);
                    }
                    // else: the event of a closed Waker
                }
            }
        }
    }

    @Override
    public void wakeup() throws IOException {
        int p = (int) acquire();
        try {
            if (wakePending.compareAndSet(false, true)) {
                int rc = calls.send(p, abi.pollIn, INTERNAL_WAKE);
                if (rc < 0) {
                    wakePending.set(false);
                    throw Errno.exception("port_send", rc);
                }
            }
        } finally {
            release();
        }
    }

    /** Sends the Waker's event; false when this poller is closed (the wake does nothing). */
    boolean send(long user) throws IOException {
        int p;
        try {
            p = port.acquire();
        } catch (ClosedChannelException closed) {
            return false;
        }
        try {
            Errno.check("port_send", calls.send(p, abi.pollIn, user));
            return true;
        } finally {
            release();
        }
    }

    @Override
    public WakerHandle openWaker(Token token) throws IOException {
        acquire();
        try {
            synchronized (table) {
                if (waker != null) {
                    throw new IllegalStateException("this Poll already has a Waker; close it first");
                }
                waker = new PortsWaker(this, token, ++lastWakerUser);
                return waker;
            }
        } finally {
            release();
        }
    }

    void wakerClosed(PortsWaker closed) {
        synchronized (table) {
            if (waker == closed) {
                waker = null;   // its queued event, if any, is dropped by decode
            }
        }
    }



    /** A descriptor is an int; anything else cannot be one of ours. */
    private static int descriptor(long handle) {
        if (handle < 0 || handle > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("not a file descriptor: " + handle);
        }
        return (int) handle;
    }

}
