package io.mio4j.internal;

import io.mio4j.Interest;
import io.mio4j.Registry;
import io.mio4j.Token;

import io.mio4j.internal.io.Errno;
import io.mio4j.internal.io.OsHandle;

import java.io.IOException;
import java.util.Objects;

/**
 * A descriptor of ours (socket, pipe end) and its registration: with which poller, if
 * any. One place for the rules of API.md: registered twice or with a second Poll, or
 * reregistered/deregistered while not registered: IllegalStateException; a source
 * whose Poll was closed counts as not registered; closing deregisters.
 */
public final class IoSource {
    private final OsHandle handle;
    // Written under this object's lock; volatile so wouldBlock(), on the I/O path, can
    // read it without taking the lock.
    private volatile Poller poller;

    public IoSource(OsHandle handle) {
        this.handle = handle;
    }

    public OsHandle handle() {
        return handle;
    }

    public void register(Registry registry, Token token, Interest interests) throws IOException {
        Poller target = checkArguments(registry, token, interests);
        synchronized (this) {
            if (poller != null && poller.isOpen()) {
                throw new IllegalStateException(poller == target
                        ? "source is already registered with this Poll"
                        : "source is registered with another Poll");
            }
            long h = handle.acquireHandle();
            try {
                target.register(h, token, interests);
            } finally {
                handle.release();
            }
            poller = target;
        }
    }

    public void reregister(Registry registry, Token token, Interest interests) throws IOException {
        Poller target = checkArguments(registry, token, interests);
        synchronized (this) {
            checkRegisteredWith(target);
            long h = handle.acquireHandle();
            try {
                target.reregister(h, token, interests);
            } finally {
                handle.release();
            }
        }
    }

    public void deregister(Registry registry) throws IOException {
        Poller target = Access.poller(Objects.requireNonNull(registry, "registry"));
        synchronized (this) {
            checkRegisteredWith(target);
            long h = handle.acquireHandle();
            try {
                target.deregister(h);
            } finally {
                handle.release();
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
        long h = handle.acquireHandle();
        try {
            return Errno.check(name, call.on(h));
        } finally {
            handle.release();
        }
    }

    /** Tells the poller (if any) that an operation reported would-block. */
    public void wouldBlock() {
        Poller current = poller;
        if (current != null) {
            current.wouldBlock(handle.handleOrMinusOne());
        }
    }

    /** Deregisters (quietly: the descriptor is going away) and closes. Idempotent. */
    public void close() {
        synchronized (this) {
            if (poller != null && poller.isOpen() && handle.isOpen()) {
                try {
                    long h = handle.acquireHandle();
                    try {
                        poller.deregister(h);
                    } finally {
                        handle.release();
                    }
                } catch (IOException | RuntimeException ignored) {
                    // closing the descriptor removes it from the poller anyway
                }
            }
            poller = null;
        }
        handle.close();
    }

    private static Poller checkArguments(Registry registry, Token token, Interest interests) {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(interests, "interests");
        return Access.poller(registry);
    }

    private void checkRegisteredWith(Poller target) {
        if (poller == null || !poller.isOpen()) {
            throw new IllegalStateException("source is not registered");
        }
        if (poller != target) {
            throw new IllegalStateException("source is registered with another Poll");
        }
    }
}
