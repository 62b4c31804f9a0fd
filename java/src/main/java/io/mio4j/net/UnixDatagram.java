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
import java.nio.ByteBuffer;
import java.nio.channels.Channel;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A non-blocking Unix domain datagram socket.
 *
 * <p>Each send is one datagram and each receive takes one datagram. A datagram longer
 * than the destination buffer's room is truncated to it and the rest is discarded;
 * compare the bytes placed with {@link #lastDatagramLength()}, the datagram's full
 * length, to tell. Heap buffers pass through a per-thread scratch buffer, so at most
 * 256 KiB of a datagram reach one. Unix only: UnsupportedOperationException elsewhere.
 */
public final class UnixDatagram extends DatagramSource implements Source, Channel {

    private UnixDatagram(NetSocket socket) {
        super(socket);
    }

    /**
     * Creates a socket bound to a path, which must not exist yet.
     *
     * @throws IllegalArgumentException if the path is empty or longer than the OS allows
     * @throws IOException              if the OS refuses, e.g. BindException when the path exists
     */
    public static UnixDatagram bind(Path path) throws IOException {
        UnixDomainSocketAddress address = UnixDomainSocketAddress.of(Objects.requireNonNull(path, "path"));
        UnixDatagram datagram = unbound();
        try {
            datagram.socket.bind(address);
            return datagram;
        } catch (IOException | RuntimeException e) {
            datagram.close();
            throw e;
        }
    }

    /**
     * Creates an unnamed socket: it can send, and receive replies only once connected
     * (its peers see an empty path as its address).
     *
     * @throws IOException if the OS reports an error
     */
    public static UnixDatagram unbound() throws IOException {
        return new UnixDatagram(Platform.openSocket(SocketKind.UNIX_DATAGRAM, false));
    }

    /**
     * Creates two unnamed sockets connected to each other (socketpair).
     *
     * @throws IOException if the OS reports an error
     */
    public static UnixDatagram[] pair() throws IOException {
        NetSocket[] ends = Platform.backend().openSocketPair(SocketKind.UNIX_DATAGRAM);
        return new UnixDatagram[] {new UnixDatagram(ends[0]), new UnixDatagram(ends[1])};
    }

    /**
     * Sets the peer: send and receive then use it.
     *
     * @throws IllegalArgumentException if the path is empty or longer than the OS allows
     * @throws IOException              if the OS refuses (no socket at that path)
     */
    public void connect(Path path) throws IOException {
        socket.connect(UnixDomainSocketAddress.of(Objects.requireNonNull(path, "path")));
    }

    /**
     * Sends src's remaining bytes as one datagram to the socket bound at {@code target}.
     *
     * @return the bytes sent (src's position moves by them), 0 for an empty datagram, or
     *         -1 when it could not be sent without blocking (the receiver's queue is full)
     * @throws IllegalArgumentException if the path is empty or longer than the OS allows
     * @throws IOException              if the OS reports an error (e.g. no socket there)
     */
    public int sendTo(ByteBuffer src, Path target) throws IOException {
        Objects.requireNonNull(src, "src");
        return socket.sendDatagram(src, UnixDomainSocketAddress.of(Objects.requireNonNull(target, "path")));
    }

    /**
     * Receives one datagram into dst.
     *
     * @return the sender's address (an empty path when the sender is unnamed), or null
     *         when no datagram is waiting
     * @throws IllegalArgumentException if dst is read-only
     * @throws IOException              if the OS reports an error
     */
    public UnixDomainSocketAddress receiveFrom(ByteBuffer dst) throws IOException {
        return (UnixDomainSocketAddress) socket.receiveFrom(dst, false);
    }

    /**
     * Shuts down the reading half.
     *
     * @throws IOException if the OS reports an error
     */
    public void shutdownInput() throws IOException {
        socket.shutdownInput();
    }

    /**
     * Shuts down the writing half: sending is then an IOException ("Broken pipe").
     *
     * @throws IOException if the OS reports an error
     */
    public void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    /**
     * @return the bound address, or an empty path when unnamed
     * @throws IOException if the OS reports an error
     */
    public UnixDomainSocketAddress localAddress() throws IOException {
        return (UnixDomainSocketAddress) socket.localAddress();
    }

    /**
     * @return the connected peer (an empty path when it is unnamed), or null when not connected
     * @throws IOException if the OS reports an error
     */
    public UnixDomainSocketAddress peerAddress() throws IOException {
        return (UnixDomainSocketAddress) socket.peerAddress();
    }

}
