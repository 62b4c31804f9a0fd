package io.mio4j.internal;

import io.mio4j.Interest;
import io.mio4j.Registry;
import io.mio4j.Token;

import io.mio4j.internal.io.Errno;
import io.mio4j.internal.io.OsHandle;

import java.io.IOException;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedChannelException;
import java.util.Objects;
import java.util.function.LongToIntFunction;

/**
 * A descriptor of ours (socket, pipe end) and its registration: with which poller, if
 * any. One place for the rules of API.md: registered twice or with a second Poll, or
 * reregistered/deregistered while not registered: IllegalStateException; a source
 * whose Poll was closed counts as not registered; closing deregisters.
 */
public class IoSource extends OsHandle {
    // Written under this object's lock; volatile so wouldBlock(), on the I/O path, can
    // read it without taking the lock.
    private volatile Poller poller;

    /**
     * @param handle the descriptor or SOCKET, owned from now on
     * @param closer closes it: one shared by every source of a kind (see OsHandle)
     */
    public IoSource(long handle, LongToIntFunction closer) {
        super(handle, closer);
    }

    /** This source is its own handle: one object less per connection. */
    public final OsHandle handle() {
        return this;
    }

    public void register(Registry registry, Token token, Interest interests) throws IOException {
        Poller target = checkArguments(registry, token, interests);
        synchronized (this) {
            if (poller != null && poller.isOpen()) {
                throw new IllegalStateException(poller == target
                        ? "source is already registered with this Poll"
                        : "source is registered with another Poll");
            }
            long h = acquireHandle();
            try {
                target.register(h, token, interests);
            } finally {
                release();
            }
            poller = target;
        }
    }

    public void reregister(Registry registry, Token token, Interest interests) throws IOException {
        Poller target = checkArguments(registry, token, interests);
        synchronized (this) {
            checkRegisteredWith(target);
            long h = acquireHandle();
            try {
                target.reregister(h, token, interests);
            } finally {
                release();
            }
        }
    }

    public void deregister(Registry registry) throws IOException {
        Poller target = Access.poller(Objects.requireNonNull(registry, "registry"));
        synchronized (this) {
            checkRegisteredWith(target);
            long h = acquireHandle();
            try {
                target.deregister(h);
            } finally {
                release();
            }
            poller = null;
        }
    }

    /** One call of the OS on the held descriptor: its result, or -errno. */
    public interface Call {
        int on(long handle);
    }

    /**
     * Runs a call that is not on a hot path (bind, listen, options...) with the descriptor
     * held: its non-negative result, or the IOException naming {@code name}.
     */
    public int call(String name, Call call) throws IOException {
        return run(name, call, false);
    }

    /**
     * As {@link #call}, for socket options and memberships: an OS refusal is a
     * SocketException (never a BindException: a second join is not an address in use).
     */
    public int optionCall(String name, Call call) throws IOException {
        return run(name, call, true);
    }

    private int run(String name, Call call, boolean option) throws IOException {
        long h = acquireHandle();
        try {
            int rc = call.on(h);
            if (rc < 0) {
                throw exception(name, rc, option ? Errors.OPTION : Errors.PLAIN);
            }
            return rc;
        } finally {
            release();
        }
    }

    /** Which of Errno's mappings a failed call takes. */
    public enum Errors { PLAIN, DATAGRAM, OPTION }

    /**
     * The exception for a failed call on this descriptor. When close() ran meanwhile (from
     * another thread; the descriptor stayed valid because the call held it), the error may
     * be the close's own doing (EPIPE once the other end of a Pipe was closed too): the
     * caller is told of the close instead, as API.md promises.
     */
    public IOException exception(String call, long result, Errors errors) {
        if (!isOpen()) {
            return new AsynchronousCloseException();
        }
        switch (errors) {
            case DATAGRAM:
                return Errno.datagramException(call, result);
            case OPTION:
                return Errno.optionException(call, result);
            default:
                return Errno.exception(call, result);
        }
    }

    /** Tells the poller (if any) that an operation reported would-block. */
    public void wouldBlock() {
        Poller current = poller;
        if (current != null) {
            current.wouldBlock(handleOrMinusOne());
        }
    }

    /**
     * Deregisters (quietly: the descriptor is going away) and closes; true for the call
     * that closed it. Idempotent; also the Cleaner's action (run()).
     */
    @Override
    public boolean close() {
        synchronized (this) {
            if (poller != null && poller.isOpen() && isOpen()) {
                try {
                    long h = acquireHandle();
                    try {
                        poller.deregister(h);
                    } finally {
                        release();
                    }
                } catch (IOException | RuntimeException ignored) {
                    // closing the descriptor removes it from the poller anyway
                }
            }
            poller = null;
        }
        return super.close();
    }

    private static Poller checkArguments(Registry registry, Token token, Interest interests) {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(interests, "interests");
        return Access.poller(registry);
    }

    private void checkRegisteredWith(Poller target) throws ClosedChannelException {
        if (!isOpen()) {
            throw new ClosedChannelException();   // closed: ClosedChannelException, as for every call
        }
        if (poller == null || !poller.isOpen()) {
            throw new IllegalStateException("source is not registered");
        }
        if (poller != target) {
            throw new IllegalStateException("source is registered with another Poll");
        }
    }
}
