package io.mio4j.net;

import io.mio4j.Interest;
import io.mio4j.Registry;
import io.mio4j.Source;
import io.mio4j.Token;
import io.mio4j.internal.unix.SockAddr;
import io.mio4j.internal.unix.Socket;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;

/** A non-blocking TCP connection. */
public final class TcpStream implements Source, ByteChannel {
    private final Socket socket;

    private TcpStream(int fd) {
        this.socket = Socket.adopt(fd, this);
    }

    static TcpStream adopt(int fd) {
        return new TcpStream(fd);
    }

    /**
     * Starts a non-blocking connect. Wait for WRITABLE, then takeError() != null means
     * it failed, peerAddress() != null means it is connected.
     *
     * @param address the peer
     * @return the stream
     * @throws IOException if the connect fails at once
     */
    public static TcpStream connect(InetSocketAddress address) throws IOException {
        byte[] encoded = SockAddr.encode(address);
        TcpStream stream = new TcpStream(Socket.open(Socket.family(address), Socket.SOCK_STREAM));
        try {
            stream.socket.connect(encoded);
            return stream;
        } catch (IOException | RuntimeException e) {
            stream.close();
            throw e;
        }
    }

    /**
     * Reads into {@code dst}.
     *
     * @return bytes read, 0 when nothing is ready (or dst is full), -1 at end of stream
     */
    @Override
    public int read(ByteBuffer dst) throws IOException {
        return socket.read(dst, 0);
    }

    /**
     * Writes from {@code src}.
     *
     * @return bytes written, 0 when the kernel buffer is full
     */
    @Override
    public int write(ByteBuffer src) throws IOException {
        return socket.write(src);
    }

    /**
     * Reads without removing the data from the kernel's queue.
     *
     * @param dst the buffer
     * @return as {@link #read}
     * @throws IOException if the OS reports an error
     */
    public int peek(ByteBuffer dst) throws IOException {
        return socket.read(dst, Socket.MSG_PEEK);
    }

    /**
     * Shuts down the reading half.
     *
     * @throws IOException if the OS reports an error
     */
    public void shutdownInput() throws IOException {
        socket.shutdown(Socket.SHUT_RD);
    }

    /**
     * Shuts down the writing half (the peer reads end of stream).
     *
     * @throws IOException if the OS reports an error
     */
    public void shutdownOutput() throws IOException {
        socket.shutdown(Socket.SHUT_WR);
    }

    /**
     * @return the peer's address, or null while not connected
     * @throws IOException if the OS reports an error
     */
    public InetSocketAddress peerAddress() throws IOException {
        return (InetSocketAddress) socket.peerAddress();
    }

    /**
     * @return the local address
     * @throws IOException if the OS reports an error
     */
    public InetSocketAddress localAddress() throws IOException {
        return (InetSocketAddress) socket.localAddress();
    }

    /**
     * @return the pending socket error (cleared), or null
     * @throws IOException if the OS reports an error
     */
    public IOException takeError() throws IOException {
        return socket.takeError();
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

    /** @return the descriptor (still owned by this stream), or -1 once closed */
    public int fd() {
        return socket.fd();
    }

    @Override
    public boolean isOpen() {
        return socket.isOpen();
    }

    /** Closes the stream, deregistering it. Idempotent; any thread. */
    @Override
    public void close() {
        socket.close();
    }

    @Override
    public String toString() {
        return "TcpStream{fd=" + fd() + "}";
    }
}
