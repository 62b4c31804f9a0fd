package io.mio4j.internal.epoll;

import io.mio4j.Interest;
import io.mio4j.Token;
import io.mio4j.internal.EventBuffer;
import io.mio4j.internal.Poller;
import io.mio4j.internal.TokenTable;
import io.mio4j.internal.WakerHandle;
import io.mio4j.internal.io.Errno;
import io.mio4j.internal.io.NativeConstant;
import io.mio4j.internal.io.OsHandle;
import io.mio4j.internal.loader.Binding;
import io.mio4j.internal.unix.Posix;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The epoll poller. Registrations are edge-triggered; the 64-bit event data carries
 * (generation, fd) so that events of a stale registration are dropped (TokenTable).
 * An internal eventfd, registered with generation 0, wakes a blocked epoll_wait for
 * Thread.interrupt() and close().
 */
final class EpollPoller extends Poller {
    /** Held in a static final field: the JIT sees one implementation and inlines its calls. */
    static final EpollCalls CALLS = Binding.implementation(EpollCalls.class);
    private static final int EPOLLIN = constant("EPOLLIN");
    private static final int EPOLLOUT = constant("EPOLLOUT");
    private static final int EPOLLPRI = constant("EPOLLPRI");
    private static final int EPOLLERR = constant("EPOLLERR");
    private static final int EPOLLHUP = constant("EPOLLHUP");
    private static final int EPOLLRDHUP = constant("EPOLLRDHUP");
    private static final int EPOLLET = constant("EPOLLET");
    private static final int CTL_ADD = constant("EPOLL_CTL_ADD");
    private static final int CTL_MOD = constant("EPOLL_CTL_MOD");
    private static final int CTL_DEL = constant("EPOLL_CTL_DEL");
    private static final int EVENT_SIZE = constant("SIZEOF_EPOLL_EVENT");
    private static final int EVENTS_OFFSET = constant("OFFSETOF_EVENTS");
    private static final int DATA_OFFSET = constant("OFFSETOF_DATA");
    private static final long NANOS_PER_MILLI = 1_000_000L;

    static final boolean HAS_PWAIT2 = CALLS.probePwait2() == 0;

    /** struct epoll_event as the C library lays it out: {size, events offset, data offset}. */
    static int[] eventLayout() {
        return new int[] {EVENT_SIZE, EVENTS_OFFSET, DATA_OFFSET};
    }

    private final OsHandle epoll;
    private final int wakeFd;
    private final TokenTable table = new TokenTable();   // also the registration lock
    private EventFdWaker waker;   // guarded by table

    private EpollPoller(OsHandle epoll, int wakeFd) {
        super(epoll);
        this.epoll = epoll;
        this.wakeFd = wakeFd;
    }

    static EpollPoller open() throws IOException {
        int ep = Errno.check("epoll_create1", CALLS.create());
        int wake = CALLS.eventfd();
        if (wake < 0) {
            closeFd(ep);
            throw Errno.exception("eventfd", wake);
        }
        int rc = CALLS.ctl(ep, CTL_ADD, wake, EPOLLIN | EPOLLET, TokenTable.internalData(wake));
        if (rc < 0) {
            closeFd(ep);
            closeFd(wake);
            throw Errno.exception("epoll_ctl", rc);
        }
        // Both close together, once no select holds the epoll descriptor.
        OsHandle handle = new OsHandle(ep, fd -> {
            closeFd(wake);
            return closeFd(fd);
        });
        EpollPoller selector = new EpollPoller(handle, wake);
        handle.cleanWith(selector);
        return selector;
    }

    /** The one interest → epoll flags mapping. */
    static int flags(Interest interests) {
        int flags = EPOLLET;
        if (interests.isReadable()) {
            flags |= EPOLLIN | EPOLLRDHUP;
        }
        if (interests.isWritable()) {
            flags |= EPOLLOUT;
        }
        if (interests.isPriority()) {
            flags |= EPOLLPRI;
        }
        return flags;
    }

    /** The one epoll flags → readiness mapping, as mio 0.7 reads epoll events. */
    static int readiness(int events) {
        int bits = 0;
        if ((events & (EPOLLIN | EPOLLPRI)) != 0) {
            bits |= EventBuffer.READABLE;
        }
        if ((events & EPOLLOUT) != 0) {
            bits |= EventBuffer.WRITABLE;
        }
        if ((events & EPOLLERR) != 0) {
            bits |= EventBuffer.ERROR;
        }
        // Both halves closed, or the peer shut down its writing half (FIN).
        if ((events & EPOLLHUP) != 0 || ((events & EPOLLIN) != 0 && (events & EPOLLRDHUP) != 0)) {
            bits |= EventBuffer.READ_CLOSED;
        }
        // Both halves closed, or a pipe's read end closed (EPOLLERR, alone or with EPOLLOUT).
        if ((events & EPOLLHUP) != 0 || ((events & EPOLLOUT) != 0 && (events & EPOLLERR) != 0)
                || events == EPOLLERR) {
            bits |= EventBuffer.WRITE_CLOSED;
        }
        if ((events & EPOLLPRI) != 0) {
            bits |= EventBuffer.PRIORITY;
        }
        return bits;
    }

    @Override
    public void register(long handle, Token token, Interest interests) throws IOException {
        control(CTL_ADD, descriptor(handle), token, interests, false);
    }

    @Override
    public void reregister(long handle, Token token, Interest interests) throws IOException {
        control(CTL_MOD, descriptor(handle), token, interests, false);
    }

    /** The Waker's own registration, which users cannot reach. */
    void registerWaker(int fd, Token token) throws IOException {
        control(CTL_ADD, fd, token, Interest.READABLE, true);
    }

    /** A descriptor is an int; anything else cannot be one of ours. */
    private static int descriptor(long handle) {
        if (handle < 0 || handle > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("not a file descriptor: " + handle);
        }
        return (int) handle;
    }

    /**
     * IllegalArgumentException for this poller's own descriptors (the epoll descriptor,
     * its wake-up eventfd, its Waker's eventfd): a SourceFd of one of them would let a user
     * break close(), interrupts or the Waker. Hold the table's lock.
     */
    private void refuseOwn(int fd) {
        if (fd == epoll.fdOrMinusOne() || fd == wakeFd || waker != null && fd == waker.fd()) {
            throw new IllegalArgumentException("descriptor " + fd + " belongs to this Poll itself");
        }
    }

    private void control(int op, int fd, Token token, Interest interests, boolean own) throws IOException {
        int ep = (int) acquire();
        try {
            synchronized (table) {
                if (!own) {
                    refuseOwn(fd);
                }
                // Proposed before the kernel can report an event for it; the current
                // registration stays valid until the kernel has accepted or refused.
                long data = table.propose(fd, token);
                int rc = CALLS.ctl(ep, op, fd, flags(interests), data);
                if (rc < 0) {
                    table.abandon(fd);
                    throw Errno.exception("epoll_ctl", rc);
                }
                table.commit(fd);
            }
        } finally {
            release();
        }
    }

    @Override
    public void deregister(long handle) throws IOException {
        deregister(descriptor(handle), false);
    }

    /** The Waker's own deregistration. */
    void deregisterWaker(int fd) throws IOException {
        deregister(fd, true);
    }

    private void deregister(int fd, boolean own) throws IOException {
        int ep = (int) acquire();
        try {
            synchronized (table) {
                if (!own) {
                    refuseOwn(fd);
                }
                int rc = CALLS.ctl(ep, CTL_DEL, fd, 0, 0L);
                table.remove(fd);
                Errno.check("epoll_ctl", rc);
            }
        } finally {
            release();
        }
    }

    @Override
    public int select(EventBuffer events, long timeoutNanos) throws IOException {
        int ep = (int) acquire();
        try {
            ByteBuffer raw = events.raw(EVENT_SIZE);
            int capacity = events.capacity();
            int n;
            if (timeoutNanos < 0) {
                n = CALLS.waitMillis(ep, raw, capacity, -1);
            } else if (HAS_PWAIT2 && timeoutNanos % NANOS_PER_MILLI != 0) {
                n = CALLS.waitNanos(ep, raw, capacity, timeoutNanos);
            } else {
                n = CALLS.waitMillis(ep, raw, capacity, roundUpToMillis(timeoutNanos));
            }
            if (n < 0) {
                if (Errno.isInterrupted(n)) {
                    return INTERRUPTED;
                }
                throw Errno.exception("epoll_wait", n);
            }
            decode(raw, n, events);
            return events.size();
        } finally {
            release();
        }
    }

    private void decode(ByteBuffer raw, int n, EventBuffer events) {
        TokenTable.Slots slots = table.snapshot();
        for (int i = 0, at = 0; i < n; i++, at += EVENT_SIZE) {
            int flags = raw.getInt(at + EVENTS_OFFSET);
            long data = raw.getLong(at + DATA_OFFSET);
            if (TokenTable.generationOf(data) == TokenTable.INTERNAL_GENERATION) {
                CALLS.eventfdRead(wakeFd);   // reset the counter; the wake-up is done
                continue;
            }
            Token token = slots.lookup(data);
            if (token != null) {
                events.add(token, readiness(flags));
            }
        }
    }

    static int roundUpToMillis(long nanos) {
        long millis = nanos / NANOS_PER_MILLI + (nanos % NANOS_PER_MILLI == 0 ? 0 : 1);
        return (int) Math.min(millis, Integer.MAX_VALUE);
    }

    @Override
    public void wakeup() throws IOException {
        int ep = (int) acquire();
        try {
            int rc = CALLS.eventfdWrite(wakeFd, 1);
            // EAGAIN: the counter is full, so a wake-up is already pending.
            if (rc < 0 && !Errno.isWouldBlock(rc)) {
                throw Errno.exception("write(eventfd)", rc);
            }
        } finally {
            release();
        }
    }

    @Override
    public WakerHandle openWaker(Token token) throws IOException {
        synchronized (table) {
            if (waker != null) {
                throw new IllegalStateException("this Poll already has a Waker; close it first");
            }
            waker = EventFdWaker.open(this, token);
            return waker;
        }
    }

    void wakerClosed(EventFdWaker closed) {
        synchronized (table) {
            if (waker == closed) {
                waker = null;
            }
        }
    }




    /** Closes a descriptor of this poller's own (the epoll and eventfd descriptors). */
    static int closeFd(int fd) {
        return Posix.CALLS.close(fd);
    }

    private static int constant(String name) {
        return NativeConstant.required(name, CALLS.constant(name));
    }
}
