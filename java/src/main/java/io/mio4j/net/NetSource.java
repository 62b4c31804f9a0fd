package io.mio4j.net;

import io.mio4j.Interest;
import io.mio4j.Registry;
import io.mio4j.Source;
import io.mio4j.Token;
import io.mio4j.internal.NetSocket;

import java.io.IOException;
import java.net.SocketOption;
import java.nio.channels.Channel;

/**
 * What every socket class of this package shares, written once: registration, the
 * descriptor, close, options and the pending error, all delegated to the socket behind
 * it. Package-private, so the public classes keep their declared shape (javac gives each
 * a public bridge to these methods).
 */
abstract class NetSource implements Source, Channel {
    final NetSocket socket;

    NetSource(NetSocket socket) {
        this.socket = socket.ownedBy(this);
    }

    @Override
    public final void register(Registry registry, Token token, Interest interests) throws IOException {
        socket.source().register(registry, token, interests);
    }

    @Override
    public final void reregister(Registry registry, Token token, Interest interests) throws IOException {
        socket.source().reregister(registry, token, interests);
    }

    @Override
    public final void deregister(Registry registry) throws IOException {
        socket.source().deregister(registry);
    }

    /**
     * @return the descriptor (still owned by this socket: do not close it), or -1 once closed
     * @throws UnsupportedOperationException where sockets are not descriptors (Windows)
     */
    public final int fd() {
        return socket.fd();
    }

    @Override
    public final boolean isOpen() {
        return socket.isOpen();
    }

    /** Closes the socket, deregistering it. Idempotent; any thread. */
    @Override
    public final void close() {
        socket.close();
    }

    /**
     * @return the pending socket error (cleared), or null
     * @throws IOException if the OS reports an error
     */
    public final IOException takeError() throws IOException {
        return socket.takeError();
    }

    /**
     * Sets a socket option.
     *
     * @throws UnsupportedOperationException if the option does not apply to this socket
     * @throws IllegalArgumentException      if the value is out of range
     * @throws IOException                   if the OS reports an error
     */
    public final <T> void setOption(SocketOption<T> option, T value) throws IOException {
        socket.setOption(option, value);
    }

    /**
     * Reads a socket option.
     *
     * @throws UnsupportedOperationException if the option does not apply to this socket
     * @throws IOException                   if the OS reports an error
     */
    public final <T> T getOption(SocketOption<T> option) throws IOException {
        return socket.getOption(option);
    }

    @Override
    public final String toString() {
        return getClass().getSimpleName() + "{" + socket + "}";
    }
}
