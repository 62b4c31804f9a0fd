package io.mio4j.internal.platform;

import io.mio4j.internal.Backend;
import io.mio4j.internal.afd.AfdBackend;
import io.mio4j.internal.epoll.EpollBackend;
import io.mio4j.internal.kqueue.KqueueBackend;
import io.mio4j.internal.loader.Binding;
import io.mio4j.internal.loader.NativeLoader;
import io.mio4j.internal.ports.PortsBackend;

import io.mio4j.internal.NetSocket;
import io.mio4j.internal.SocketKind;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;

/**
 * The registry of backends: the one place that names them. Each says whether it serves
 * this OS; the first that does is used. A new poller is one package and one line here.
 */
public final class Platform {
    /** In the order they are asked. */
    private static final List<Backend> BACKENDS = List.of(
            new EpollBackend(),
            new KqueueBackend(),
            new PortsBackend(),
            new AfdBackend());

    /**
     * Names the poller to use instead of the one that serves this OS, for testing: for
     * example {@code -Dmio4j.poller=kqueue} runs the kqueue backend on Linux against a
     * library built with it over libkqueue (scripts/test-libkqueue.sh).
     */
    public static final String POLLER_PROPERTY = "mio4j.poller";

    private Platform() {
    }

    /**
     * The backend for this OS.
     *
     * @throws UnsupportedOperationException when no backend serves this OS
     * @throws UnsatisfiedLinkError when no binding to the OS works (see Binding)
     */
    public static Backend backend() {
        Backend backend = Holder.BACKEND;
        if (backend == null) {
            String forced = System.getProperty(POLLER_PROPERTY, "").trim();
            throw new UnsupportedOperationException(forced.isEmpty()
                    ? "mio4j: no poller backend for " + NativeLoader.platform() + " yet"
                    : "mio4j: -D" + POLLER_PROPERTY + "=" + forced + " names no poller");
        }
        Binding.current();   // the binding's failure, if any, first
        return backend;
    }

    /** Why mio4j cannot be used here (no backend for this OS, or no binding works), or null. */
    public static Throwable unavailabilityCause() {
        try {
            backend();
            return null;
        } catch (UnsatisfiedLinkError | UnsupportedOperationException e) {
            return e;
        }
    }

    /** A new TCP or UDP socket of the family of {@code address} (NullPointerException for null). */
    public static NetSocket openSocket(SocketKind kind, InetSocketAddress address) throws IOException {
        Objects.requireNonNull(address, "address");
        return backend().openSocket(kind, address.getAddress() instanceof Inet6Address);
    }

    /** A new socket of this kind; {@code ipv6} chooses the family of TCP and UDP sockets. */
    public static NetSocket openSocket(SocketKind kind, boolean ipv6) throws IOException {
        return backend().openSocket(kind, ipv6);
    }

    /** The backend for this OS, or null; never touches the OS. */
    static Backend find(String os) {
        for (Backend backend : BACKENDS) {
            if (backend.serves(os)) {
                return backend;
            }
        }
        return null;
    }

    /** The backend whose poller is named {@code forced} (see POLLER_PROPERTY), or as find(os) when it is empty. */
    static Backend find(String os, String forced) {
        if (forced.isEmpty()) {
            return find(os);
        }
        for (Backend backend : BACKENDS) {
            if (backend.pollerName().equals(forced)) {
                return backend;
            }
        }
        return null;
    }

    private static final class Holder {
        static final Backend BACKEND = find(NativeLoader.os(), System.getProperty(POLLER_PROPERTY, "").trim());
    }
}
