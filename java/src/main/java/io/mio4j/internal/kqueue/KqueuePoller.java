package io.mio4j.internal.kqueue;

import io.mio4j.Interest;
import io.mio4j.Token;
import io.mio4j.internal.EventBuffer;
import io.mio4j.internal.Poller;
import io.mio4j.internal.TokenTable;
import io.mio4j.internal.WakerHandle;
import io.mio4j.internal.io.Errno;
import io.mio4j.internal.io.OsHandle;
import io.mio4j.internal.loader.NativeLoader;
import io.mio4j.internal.unix.Posix;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;

import static io.mio4j.internal.kqueue.Kqueue.EVFILT_AIO;
import static io.mio4j.internal.kqueue.Kqueue.EVFILT_LIO;
import static io.mio4j.internal.kqueue.Kqueue.EVFILT_READ;
import static io.mio4j.internal.kqueue.Kqueue.EVFILT_USER;
import static io.mio4j.internal.kqueue.Kqueue.EVFILT_WRITE;
import static io.mio4j.internal.kqueue.Kqueue.EV_ADD;
import static io.mio4j.internal.kqueue.Kqueue.EV_CLEAR;
import static io.mio4j.internal.kqueue.Kqueue.EV_DELETE;
import static io.mio4j.internal.kqueue.Kqueue.EV_EOF;
import static io.mio4j.internal.kqueue.Kqueue.EV_ERROR;
import static io.mio4j.internal.kqueue.Kqueue.EV_RECEIPT;
import static io.mio4j.internal.kqueue.Kqueue.NOTE_TRIGGER;

/**
 * The kqueue poller, after mio 0.7's kqueue selector. Registrations are edge-triggered
 * (EV_CLEAR): EVFILT_READ for READABLE, EVFILT_WRITE for WRITABLE, submitted in one
 * kevent call with EV_RECEIPT and every receipt checked. PRIORITY, AIO and LIO add no
 * filter (kqueue has no priority indication; AIO/LIO events come from aio requests, not
 * from registrations). udata carries (generation, fd) as epoll's data does
 * (TokenTable), so events of a stale registration are dropped. One event is one filter:
 * a source that is readable and writable comes as two events, as in mio.
 *
 * <p>The poller wakes itself (Thread.interrupt(), close()) with an EVFILT_USER event
 * where the OS has one that mio uses, else with a pipe; the Waker works the same way
 * ({@link KqueueBackend#userFilterWakes}).
 */
final class KqueuePoller extends Poller {
    /** EVFILT_USER idents: the poller's own wake-up and the Waker's. */
    private static final int WAKE_IDENT = 0;
    private static final int WAKER_IDENT = 1;
    /** "pipe" makes the poller and its Waker use pipes even where EVFILT_USER exists (tests). */
    static final String WAKER_PROPERTY = "mio4j.kqueue.waker";
    static final boolean USER_FILTER = KqueueBackend.userFilterWakes(NativeLoader.os(),
            System.getProperty(WAKER_PROPERTY, ""), Kqueue.EVFILT_USER != Kqueue.ABSENT
                    && Kqueue.NOTE_TRIGGER != Kqueue.ABSENT);
    /** One byte for wake-up writes to a pipe; never written to, so shared. */
    static final ByteBuffer ONE_BYTE = ByteBuffer.allocateDirect(1);

    private final OsHandle kqueue;
    private final int wakeReader;   // the wake-up pipe's ends, -1 with EVFILT_USER
    private final int wakeWriter;
    private final TokenTable table = new TokenTable();   // also the registration lock
    private final ByteBuffer changes = Kqueue.records(2);   // guarded by table
    private final ByteBuffer trigger = Kqueue.records(1);   // guarded by itself
    private final ByteBuffer drain = ByteBuffer.allocateDirect(64);   // select only
    private WakerHandle waker;   // guarded by table
    private volatile Token userWakerToken;   // the EVFILT_USER Waker's token, or null

    private KqueuePoller(OsHandle kqueue, int wakeReader, int wakeWriter) {
        super(kqueue);
        this.kqueue = kqueue;
        this.wakeReader = wakeReader;
        this.wakeWriter = wakeWriter;
    }

    static KqueuePoller open() throws IOException {
        int kq = Errno.check("kqueue", Kqueue.CALLS.create());
        int[] pipe = {-1, -1};
        try {
            ByteBuffer record = Kqueue.records(1);
            if (USER_FILTER) {
                Kqueue.set(record, 0, WAKE_IDENT, EVFILT_USER, EV_ADD | EV_CLEAR | EV_RECEIPT, 0,
                        TokenTable.internalData(WAKE_IDENT));
            } else {
                Errno.check("pipe", Posix.CALLS.pipe(pipe));
                Kqueue.set(record, 0, pipe[0], EVFILT_READ, EV_ADD | EV_CLEAR | EV_RECEIPT, 0,
                        TokenTable.internalData(pipe[0]));
            }
            int rc = submit(kq, record, 1, 0, 0);
            if (rc < 0) {
                throw Errno.exception("kevent", rc);
            }
        } catch (IOException | RuntimeException e) {
            closePipe(pipe);
            closeFd(kq);
            throw e;
        }
        // All close together, once no select holds the kqueue descriptor.
        OsHandle handle = new OsHandle(kq, fd -> {
            closePipe(pipe);
            return closeFd(fd);
        });
        KqueuePoller poller = new KqueuePoller(handle, pipe[0], pipe[1]);
        handle.cleanWith(poller);
        return poller;
    }

    /** The one kevent → readiness mapping, as mio 0.7 reads kqueue events. */
    static int readiness(int filter, int flags, int fflags) {
        int bits = 0;
        boolean eof = (flags & EV_EOF) != 0;
        if (filter == EVFILT_READ) {
            bits |= EventBuffer.READABLE | (eof ? EventBuffer.READ_CLOSED : 0);
        } else if (filter == EVFILT_WRITE) {
            bits |= EventBuffer.WRITABLE | (eof ? EventBuffer.WRITE_CLOSED : 0);
        } else if (filter == EVFILT_AIO) {
            bits |= EventBuffer.AIO;
        } else if (filter == EVFILT_LIO) {
            bits |= EventBuffer.LIO;
        }
        // With EV_EOF, fflags holds the socket's error, if it has one.
        if ((flags & EV_ERROR) != 0 || (eof && fflags != 0)) {
            bits |= EventBuffer.ERROR;
        }
        return bits;
    }

    @Override
    public void register(long handle, Token token, Interest interests) throws IOException {
        int fd = descriptor(handle);
        int kq = (int) acquire();
        try {
            synchronized (table) {
                // Proposed before the kernel can report an event for it; the current
                // registration stays valid until the kernel has accepted or refused.
                long data = table.propose(fd, token);
                int flags = EV_ADD | EV_CLEAR | EV_RECEIPT;
                int n = 0;
                if (interests.isWritable()) {
                    Kqueue.set(changes, n++, fd, EVFILT_WRITE, flags, 0, data);
                }
                if (interests.isReadable()) {
                    Kqueue.set(changes, n++, fd, EVFILT_READ, flags, 0, data);
                }
                // EPIPE: old macOS refuses a pipe whose other end is closed, yet reports
                // its events (mio#582); mio ignores it.
                decide(fd, n == 0 ? 0 : submit(kq, changes, n, Errno.EPIPE, Errno.EPIPE));
            }
        } finally {
            release();
        }
    }

    @Override
    public void reregister(long handle, Token token, Interest interests) throws IOException {
        int fd = descriptor(handle);
        int kq = (int) acquire();
        try {
            synchronized (table) {
                long data = table.propose(fd, token);
                // The kernel cannot say which filters fd has: each is added or deleted,
                // and ENOENT (deleting one that was not there) is no error.
                Kqueue.set(changes, 0, fd, EVFILT_WRITE, change(interests.isWritable()), 0, data);
                Kqueue.set(changes, 1, fd, EVFILT_READ, change(interests.isReadable()), 0, data);
                decide(fd, submit(kq, changes, 2, Errno.ENOENT, Errno.EPIPE));
            }
        } finally {
            release();
        }
    }

    private static int change(boolean wanted) {
        return (wanted ? EV_ADD : EV_DELETE) | EV_CLEAR | EV_RECEIPT;
    }

    /** Commits fd's proposed registration, or abandons it and throws for a negative rc. Hold the lock. */
    private void decide(int fd, int rc) throws IOException {
        if (rc < 0) {
            table.abandon(fd);
            throw Errno.exception("kevent", rc);
        }
        table.commit(fd);
    }

    @Override
    public void deregister(long handle) throws IOException {
        int fd = descriptor(handle);
        int kq = (int) acquire();
        try {
            synchronized (table) {
                Kqueue.set(changes, 0, fd, EVFILT_WRITE, EV_DELETE | EV_RECEIPT, 0, 0L);
                Kqueue.set(changes, 1, fd, EVFILT_READ, EV_DELETE | EV_RECEIPT, 0, 0L);
                int rc = submit(kq, changes, 2, Errno.ENOENT, Errno.ENOENT);
                table.remove(fd);
                Errno.check("kevent", rc);
            }
        } finally {
            release();
        }
    }

    /**
     * Submits {@code n} change records, their receipts written over them: 0, or the
     * -errno of the call or of the first receipt whose error is neither ignored value.
     */
    private static int submit(int kq, ByteBuffer records, int n, int ignored, int alsoIgnored) {
        int rc = Kqueue.CALLS.submit(kq, records, n, records, n);
        // EINTR: every change was applied (kevent(2)); records without a receipt still
        // hold the change, which has no EV_ERROR flag.
        if (rc < 0 && !Errno.isInterrupted(rc)) {
            return rc;
        }
        for (int i = 0; i < n; i++) {
            long error = Kqueue.data(records, i);
            if ((Kqueue.flags(records, i) & EV_ERROR) != 0 && error != 0 && error != ignored
                    && error != alsoIgnored) {
                return (int) -error;
            }
        }
        return 0;
    }

    /** A descriptor is an int; anything else cannot be one of ours. */
    private static int descriptor(long handle) {
        if (handle < 0 || handle > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("not a file descriptor: " + handle);
        }
        return (int) handle;
    }

    @Override
    public int select(EventBuffer events, long timeoutNanos) throws IOException {
        int kq = (int) acquire();
        try {
            ByteBuffer raw = events.raw(Kqueue.SIZE);
            int n = Kqueue.CALLS.waitNanos(kq, raw, events.capacity(), timeoutNanos);
            if (n < 0) {
                if (Errno.isInterrupted(n)) {
                    return INTERRUPTED;
                }
                throw Errno.exception("kevent", n);
            }
            decode(raw, n, events);
            return events.size();
        } finally {
            release();
        }
    }

    private void decode(ByteBuffer raw, int n, EventBuffer events) {
        TokenTable.Slots slots = table.snapshot();
        for (int i = 0; i < n; i++) {
            int filter = Kqueue.filter(raw, i);
            long udata = Kqueue.udata(raw, i);
            if (TokenTable.generationOf(udata) == TokenTable.INTERNAL_GENERATION) {
                if (filter == EVFILT_USER) {
                    Token token = userWakerToken;
                    if (Kqueue.ident(raw, i) == WAKER_IDENT && token != null) {
                        events.add(token, EventBuffer.READABLE);
                    }
                    // else the poller's own wake-up: EV_CLEAR has reset it
                } else {
                    drainWakePipe();
                }
                continue;
            }
            Token token = slots.lookup(udata);
            if (token != null) {
                events.add(token, readiness(filter, Kqueue.flags(raw, i), Kqueue.fflags(raw, i)));
            }
        }
    }

    private void drainWakePipe() {
        while (Posix.CALLS.read(wakeReader, drain, 0, drain.capacity()) > 0) {
            // each byte was one wake-up; one event was enough
        }
    }

    @Override
    public void wakeup() throws IOException {
        int kq = (int) acquire();
        try {
            if (USER_FILTER) {
                Errno.check("kevent", triggerUser(kq, WAKE_IDENT));
            } else {
                int rc = Posix.CALLS.write(wakeWriter, ONE_BYTE, 0, 1);
                // EAGAIN: the pipe is full, so a wake-up is already pending.
                if (rc < 0 && !Errno.isWouldBlock(rc)) {
                    throw Errno.exception("write(pipe)", rc);
                }
            }
        } finally {
            release();
        }
    }

    /** NOTE_TRIGGER on an EVFILT_USER event: 0 or -errno (-ENOENT: it was deleted). */
    private int triggerUser(int kq, int ident) {
        synchronized (trigger) {
            Kqueue.set(trigger, 0, ident, EVFILT_USER, EV_RECEIPT, NOTE_TRIGGER, TokenTable.internalData(ident));
            return submit(kq, trigger, 1, 0, 0);
        }
    }

    @Override
    public WakerHandle openWaker(Token token) throws IOException {
        synchronized (table) {
            if (waker != null) {
                throw new IllegalStateException("this Poll already has a Waker; close it first");
            }
            waker = USER_FILTER ? new KqueueUserWaker(this, token) : KqueuePipeWaker.open(this, token);
            return waker;
        }
    }

    /** Adds the Waker's EVFILT_USER event (KqueueUserWaker). Hold the table's lock. */
    void addUserWaker(Token token) throws IOException {
        int kq = (int) acquire();
        try {
            Kqueue.set(changes, 0, WAKER_IDENT, EVFILT_USER, EV_ADD | EV_CLEAR | EV_RECEIPT, 0,
                    TokenTable.internalData(WAKER_IDENT));
            Errno.check("kevent", submit(kq, changes, 1, 0, 0));
            userWakerToken = token;
        } finally {
            release();
        }
    }

    /** Triggers the Waker's event; does nothing once the poller is closed. */
    void triggerUserWaker() throws IOException {
        int kq;
        try {
            kq = kqueue.acquire();
        } catch (ClosedChannelException e) {
            return;   // no poller left to notice, as with the pipe Waker
        }
        try {
            int rc = triggerUser(kq, WAKER_IDENT);
            // ENOENT: the Waker was closed meanwhile, a race that ends in success.
            if (rc < 0 && rc != -Errno.ENOENT) {
                throw Errno.exception("kevent", rc);
            }
        } finally {
            release();
        }
    }

    /** Deletes the Waker's event and lets a new Waker open. */
    void removeUserWaker(WakerHandle closed) {
        synchronized (table) {
            userWakerToken = null;
            if (kqueue.isOpen()) {
                try {
                    int kq = kqueue.acquire();
                    try {
                        Kqueue.set(changes, 0, WAKER_IDENT, EVFILT_USER, EV_DELETE | EV_RECEIPT, 0, 0L);
                        submit(kq, changes, 1, 0, 0);   // a failure leaves an event no one reports
                    } finally {
                        release();
                    }
                } catch (ClosedChannelException ignored) {
                    // closed meanwhile: the kqueue took the event with it
                }
            }
            wakerClosed(closed);
        }
    }

    void wakerClosed(WakerHandle closed) {
        synchronized (table) {
            if (waker == closed) {
                waker = null;
            }
        }
    }




    private static void closePipe(int[] pipe) {
        if (pipe[0] >= 0) {
            closeFd(pipe[0]);
            closeFd(pipe[1]);
        }
    }

    /** Closes a descriptor of this poller's own (kqueue, pipes). */
    static int closeFd(int fd) {
        return Posix.CALLS.close(fd);
    }
}
