package io.mio4j.net;

import io.mio4j.Interest;
import io.mio4j.Registry;
import io.mio4j.Source;
import io.mio4j.Token;
import io.mio4j.internal.NetSocket;
import io.mio4j.internal.SocketKind;
import io.mio4j.internal.platform.Platform;

import java.io.IOException;
import java.net.SocketOption;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channel;
import java.nio.file.Path;
import java.util.Objects;

/** A non-blocking Unix domain stream listener (Unix only: UnsupportedOperationException elsewhere). */
public final class UnixListener extends NetSource implements Source, Channel {
    private static final int BACKLOG = 1024;   // as mio

    private UnixListener(NetSocket socket) {
        super(socket);
    }

    /**
     * Binds a listener to a path, which must not exist yet (the caller removes the
     * socket file when done).
     *
     * @param path the socket file's path
     * @return the listener
     * @throws IllegalArgumentException      if the path is empty or longer than the OS allows
     * @throws IOException                   if the OS refuses, e.g. BindException when the path exists
     * @throws UnsupportedOperationException where the OS has no Unix domain sockets
     */
    public static UnixListener bind(Path path) throws IOException {
        UnixDomainSocketAddress address = UnixDomainSocketAddress.of(Objects.requireNonNull(path, "path"));
        UnixListener listener = new UnixListener(Platform.openSocket(SocketKind.UNIX_LISTENER, false));
        try {
            listener.socket.bind(address);
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
        NetSocket accepted = socket.accept();
        return accepted == null ? null : UnixStream.adopt(accepted);
    }

    /**
     * @return the address this listener is bound to
     * @throws IOException if the OS reports an error
     */
    public UnixDomainSocketAddress localAddress() throws IOException {
        return (UnixDomainSocketAddress) socket.localAddress();
    }

}
