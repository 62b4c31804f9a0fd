package io.mio4j.net;

import io.mio4j.Interest;
import io.mio4j.Registry;
import io.mio4j.Source;
import io.mio4j.Token;
import io.mio4j.internal.unix.SockAddr;
import io.mio4j.internal.unix.Socket;
import io.mio4j.internal.unix.SocketOptions;

import java.io.IOException;
import java.net.SocketOption;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channel;
import java.nio.file.Path;

/** A non-blocking Unix domain stream listener. */
public final class UnixListener implements Source, Channel {
    private static final int BACKLOG = 1024;   // as mio

    private final Socket socket;

    private UnixListener(int fd) {
        this.socket = Socket.adopt(fd, this, SocketOptions.Kind.UNIX_LISTENER);
    }

    /**
     * Binds a listener to a path, which must not exist yet (the caller removes the
     * socket file when done).
     *
     * @param path the socket file's path
     * @return the listener
     * @throws IllegalArgumentException if the path is empty or longer than the OS allows
     * @throws IOException              if the OS refuses, e.g. BindException when the path exists
     */
    public static UnixListener bind(Path path) throws IOException {
        byte[] encoded = SockAddr.encodeUnix(path);
        UnixListener listener = new UnixListener(Socket.open(Socket.AF_UNIX, Socket.SOCK_STREAM));
        try {
            listener.socket.bind(encoded);
            listener.socket.listen(BACKLOG);
            return listener;
        } catch (IOException | RuntimeException e) {
            listener.close();
            throw e;
        }
    }

    /**
     * Accepts a pending connection.
     *
     * @return the connection, or null when none is pending
     * @throws IOException if the OS reports an error
     */
    public UnixStream accept() throws IOException {
        byte[] peer = new byte[SockAddr.MAX];
        int fd = socket.accept(peer);
        return fd < 0 ? null : UnixStream.adopt(fd);
    }

    /**
     * @return the address this listener is bound to
     * @throws IOException if the OS reports an error
     */
    public UnixDomainSocketAddress localAddress() throws IOException {
        return SockAddr.asUnix(socket.localAddress());
    }

    /**
     * @return the pending socket error (cleared), or null
     * @throws IOException if the OS reports an error
     */
    public IOException takeError() throws IOException {
        return socket.takeError();
    }

    /**
     * Sets a socket option (SO_SNDBUF, SO_RCVBUF).
     *
     * @throws UnsupportedOperationException if the option does not apply to this socket
     * @throws IOException                   if the OS reports an error
     */
    public <T> void setOption(SocketOption<T> option, T value) throws IOException {
        socket.setOption(option, value);
    }

    /**
     * Reads a socket option.
     *
     * @throws UnsupportedOperationException if the option does not apply to this socket
     * @throws IOException                   if the OS reports an error
     */
    public <T> T getOption(SocketOption<T> option) throws IOException {
        return socket.getOption(option);
    }

    @Override
    public void register(Registry registry, Token token, Interest interests) throws IOException {
        socket.source().register(registry, token, interests);
    }

    @Override
    public void reregister(Registry registry, Token token, Interest interests) throws IOException {
        socket.source().reregister(registry, token, interests);
    }

    @Override
    public void deregister(Registry registry) throws IOException {
        socket.source().deregister(registry);
    }

    /** @return the descriptor (still owned by this listener), or -1 once closed */
    public int fd() {
        return socket.fd();
    }

    @Override
    public boolean isOpen() {
        return socket.isOpen();
    }

    /** Closes the listener, deregistering it. Idempotent; any thread. The socket file stays. */
    @Override
    public void close() {
        socket.close();
    }

    @Override
    public String toString() {
        return "UnixListener{fd=" + fd() + "}";
    }
}
