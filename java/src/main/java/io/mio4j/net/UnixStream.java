package io.mio4j.net;

import io.mio4j.Interest;
import io.mio4j.Registry;
import io.mio4j.Source;
import io.mio4j.Token;
import io.mio4j.internal.NetSocket;
import io.mio4j.internal.SocketKind;
import io.mio4j.internal.platform.Platform;

import java.io.IOException;
import java.net.SocketAddress;
import java.net.SocketOption;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.GatheringByteChannel;
import java.nio.channels.ScatteringByteChannel;
import java.nio.file.Path;
import java.util.Objects;

/** A non-blocking Unix domain stream connection (Unix only: UnsupportedOperationException elsewhere). */
public final class UnixStream extends StreamSource implements Source, ByteChannel, ScatteringByteChannel, GatheringByteChannel {
    private static final UnixDomainSocketAddress UNNAMED = UnixDomainSocketAddress.of("");

    private UnixStream(NetSocket socket) {
        super(socket);
    }

    /** Wraps an accepted connection. */
    static UnixStream adopt(NetSocket socket) {
        return new UnixStream(socket);
    }

    /**
     * Connects to the listener at {@code path}. A Unix connect completes at once, or
     * fails at once (as in mio, a full backlog is an error, not a wait).
     *
     * @param path the listener's socket file
     * @return the stream
     * @throws IllegalArgumentException if the path is empty or longer than the OS allows
     * @throws IOException              if the OS refuses, e.g. ConnectException when no
     *                                  one listens there, or no such file
     * @throws UnsupportedOperationException where the OS has no Unix domain sockets
     */
    public static UnixStream connect(Path path) throws IOException {
        UnixDomainSocketAddress address = UnixDomainSocketAddress.of(Objects.requireNonNull(path, "path"));
        UnixStream stream = new UnixStream(Platform.openSocket(SocketKind.UNIX_STREAM, false));
        try {
            stream.socket.connect(address);
            return stream;
        } catch (IOException | RuntimeException e) {
            stream.close();
            throw e;
        }
    }

    /**
     * Creates two connected, unnamed streams (socketpair).
     *
     * @return the two ends
     * @throws IOException if the OS reports an error
     */
    public static UnixStream[] pair() throws IOException {
        NetSocket[] ends = Platform.backend().openSocketPair(SocketKind.UNIX_STREAM);
        return new UnixStream[] {new UnixStream(ends[0]), new UnixStream(ends[1])};
    }

    /**
     * @return the local address; an empty path when this end is unnamed
     * @throws IOException if the OS reports an error
     */
    public UnixDomainSocketAddress localAddress() throws IOException {
        return (UnixDomainSocketAddress) socket.localAddress();
    }

    /**
     * @return the peer's address; an empty path when the peer is unnamed
     * @throws IOException if the OS reports an error
     */
    public UnixDomainSocketAddress peerAddress() throws IOException {
        SocketAddress peer = socket.peerAddress();
        return peer == null ? UNNAMED : (UnixDomainSocketAddress) peer;
    }

}
