package io.mio4j.net;

import io.mio4j.internal.NetSocket;

import java.io.IOException;
import java.nio.ByteBuffer;

/** What UdpSocket and UnixDatagram share: connected datagrams, written once. */
abstract class DatagramSource extends NetSource {
    DatagramSource(NetSocket socket) {
        super(socket);
    }

    /**
     * Sends src's remaining bytes as one datagram to the connected peer.
     *
     * @return the bytes sent, 0 for an empty datagram, or -1 when it could not be sent
     *         without blocking (nothing was sent)
     * @throws IOException if the OS reports an error: not connected (EDESTADDRREQ), the
     *                     peer gone, or (UDP) PortUnreachableException for an earlier datagram
     */
    public final int send(ByteBuffer src) throws IOException {
        return socket.sendDatagram(src, null);
    }

    /**
     * Receives one datagram into dst; what does not fit is discarded (compare with
     * {@link #lastDatagramLength()}). Allocates nothing.
     *
     * @return the bytes placed in dst (0 for an empty datagram), or -1 when no datagram
     *         is waiting
     * @throws IllegalArgumentException if dst is read-only
     * @throws IOException              if the OS reports an error, e.g. PortUnreachableException
     */
    public final int receive(ByteBuffer dst) throws IOException {
        return socket.receivePlaced(dst, false);
    }

    /**
     * The full length of the datagram that the last successful receive, receiveFrom,
     * peek or peekFrom found. It exceeds the bytes placed in the buffer exactly when that
     * datagram was truncated (where the OS tells it: not on Windows).
     *
     * @return the length in bytes, or -1 before any datagram was received
     */
    public final int lastDatagramLength() {
        return socket.lastDatagramLength();
    }
}
