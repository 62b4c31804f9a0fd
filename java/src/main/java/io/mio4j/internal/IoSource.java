package io.mio4j.internal;

import io.mio4j.Interest;
import io.mio4j.Registry;
import io.mio4j.Token;

import java.io.IOException;
import java.util.Objects;

/**
 * A descriptor of ours (socket, pipe end) and its registration: with which poller, if
 * any. One place for the rules of API.md: registered twice or with a second Poll, or
 * reregistered/deregistered while not registered: IllegalStateException; a source
 * whose Poll was closed counts as not registered; closing deregisters.
 */
public final class IoSource {
    private final FdHandle handle;
    // Written under this object's lock; volatile so wouldBlock(), on the I/O path, can
    // read it without taking the lock.
    private volatile Selector selector;

    public IoSource(FdHandle handle) {
        this.handle = handle;
    }

    public FdHandle handle() {
        return handle;
    }

    public void register(Registry registry, Token token, Interest interests) throws IOException {
        Selector target = checkArguments(registry, token, interests);
        synchronized (this) {
            if (selector != null && selector.isOpen()) {
                throw new IllegalStateException(selector == target
                        ? "source is already registered with this Poll"
                        : "source is registered with another Poll");
            }
            long h = handle.acquireHandle();
            try {
                target.register(h, token, interests);
            } finally {
                handle.release();
            }
            selector = target;
        }
    }

    public void reregister(Registry registry, Token token, Interest interests) throws IOException {
        Selector target = checkArguments(registry, token, interests);
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
        Selector target = Access.selector(Objects.requireNonNull(registry, "registry"));
        synchronized (this) {
            checkRegisteredWith(target);
            long h = handle.acquireHandle();
            try {
                target.deregister(h);
            } finally {
                handle.release();
            }
            selector = null;
        }
    }

    /** Tells the poller (if any) that an operation reported would-block. */
    public void wouldBlock() {
        Selector current = selector;
        if (current != null) {
            current.wouldBlock(handle.handleOrMinusOne());
        }
    }

    /** Deregisters (quietly: the descriptor is going away) and closes. Idempotent. */
    public void close() {
        synchronized (this) {
            if (selector != null && selector.isOpen() && handle.isOpen()) {
                try {
                    long h = handle.acquireHandle();
                    try {
                        selector.deregister(h);
                    } finally {
                        handle.release();
                    }
                } catch (IOException | RuntimeException ignored) {
                    // closing the descriptor removes it from the poller anyway
                }
            }
            selector = null;
        }
        handle.close();
    }

    private static Selector checkArguments(Registry registry, Token token, Interest interests) {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(interests, "interests");
        return Access.selector(registry);
    }

    private void checkRegisteredWith(Selector target) {
        if (selector == null || !selector.isOpen()) {
            throw new IllegalStateException("source is not registered");
        }
        if (selector != target) {
            throw new IllegalStateException("source is registered with another Poll");
        }
    }
}
