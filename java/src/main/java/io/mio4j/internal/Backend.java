package io.mio4j.internal;

import io.mio4j.internal.loader.Binding;

import java.io.IOException;
import java.util.Map;

/**
 * One OS poller and what comes with it (sockets, pipes): epoll, kqueue, event ports, AFD.
 * Each lives in a package of its own under io.mio4j.internal and is listed once in
 * io.mio4j.internal.platform.Platform; nothing else names it. How it reaches the OS (JNI,
 * FFM, JNA) is the {@link Binding}'s business, not the backend's.
 */
public abstract class Backend {
    /** The poller as Mio4j.backend() names it: "epoll", "kqueue", "event ports", "afd". */
    public abstract String pollerName();

    /**
     * Whether this backend serves the OS named as os-maven-plugin names it ("linux",
     * "osx", "windows", "freebsd"...). Must not touch the OS: it is asked of every backend.
     */
    public abstract boolean serves(String os);

    /** "epoll (jni)": the poller and the binding in use. */
    public final String description() {
        return pollerName() + " (" + Binding.current().label() + ")";
    }

    public abstract Poller openPoller() throws IOException;

    /**
     * A new non-blocking, non-inheritable socket of this kind; {@code ipv6} chooses the
     * family of TCP and UDP sockets. UnsupportedOperationException for a kind this OS
     * lacks (Unix domain sockets on Windows).
     */
    public abstract NetSocket openSocket(SocketKind kind, boolean ipv6) throws IOException;

    /** Two connected Unix domain sockets of this kind (socketpair); Unix-only. */
    public abstract NetSocket[] openSocketPair(SocketKind kind) throws IOException;

    /** A new pipe, both ends non-blocking and close-on-exec: [receiver, sender]; Unix-only. */
    public abstract PipeEnd[] openPipe() throws IOException;

    /**
     * For the Unix-only types (Unix sockets, Pipe, SourceFd, fd()): nothing on Unix;
     * UnsupportedOperationException naming {@code what} where the OS has no such thing.
     * Public classes call this instead of testing the OS themselves.
     */
    public void requireUnix(String what) {
    }

    /** This backend's own facts for Mio4j.diagnostics(), in order ("epoll_event" → "12 bytes, ..."). */
    public Map<String, String> facts() {
        return Map.of();
    }
}
