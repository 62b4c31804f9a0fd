package io.mio4j.net;

import io.mio4j.Interest;
import io.mio4j.Registry;
import io.mio4j.Source;
import io.mio4j.Token;
import io.mio4j.internal.unix.SockAddr;
import io.mio4j.internal.unix.Socket;
import io.mio4j.internal.unix.SocketOptions;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.GatheringByteChannel;
import java.nio.channels.ScatteringByteChannel;

/** A non-blocking TCP connection. */
public final class TcpStream implements Source, ByteChannel, ScatteringByteChannel, GatheringByteChannel {
    private final Socket socket;

    private TcpStream(int fd) {
        this.socket = Socket.adopt(fd, this, SocketOptions.Kind.TCP_STREAM);
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
            stream.connectTo(encoded);
            return stream;
        } catch (IOException | RuntimeException e) {
            stream.close();
            throw e;
        }
    }

    /** Starts the connect; an immediate failure (e.g. refused) is thrown. */
    void connectTo(byte[] address) throws IOException {
        socket.connect(address);
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
     * Reads into {@code dsts[offset .. offset + length - 1]} in order (readv).
     *
     * @return bytes read, 0 when nothing is ready (or no buffer has room), -1 at end of stream
     * @throws IndexOutOfBoundsException if offset and length do not fit dsts
     * @throws IllegalArgumentException  if a buffer is read-only
     */
    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        return socket.read(dsts, offset, length);
    }

    /** As {@link #read(ByteBuffer[], int, int)} over all of dsts. */
    @Override
    public long read(ByteBuffer[] dsts) throws IOException {
        return socket.read(dsts, 0, dsts.length);
    }

    /**
     * Writes from {@code srcs[offset .. offset + length - 1]} in order (sendmsg; never SIGPIPE).
     *
     * @return bytes written, 0 when the kernel buffer is full
     * @throws IndexOutOfBoundsException if offset and length do not fit srcs
     */
    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        return socket.write(srcs, offset, length);
    }

    /** As {@link #write(ByteBuffer[], int, int)} over all of srcs. */
    @Override
    public long write(ByteBuffer[] srcs) throws IOException {
        return socket.write(srcs, 0, srcs.length);
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
     * Turns Nagle's algorithm off (true) or on (false): TCP_NODELAY.
     *
     * @throws IOException if the OS reports an error
     */
    public void setNoDelay(boolean on) throws IOException {
        socket.setOption(StandardSocketOptions.TCP_NODELAY, on);
    }

    /** @return whether TCP_NODELAY is on */
    public boolean noDelay() throws IOException {
        return socket.getOption(StandardSocketOptions.TCP_NODELAY);
    }

    /**
     * @return the pending socket error (cleared), or null
     * @throws IOException if the OS reports an error
     */
    public IOException takeError() throws IOException {
        return socket.takeError();
    }

    /**
     * Sets a socket option.
     *
     * @throws UnsupportedOperationException if the option does not apply to this socket
     * @throws IllegalArgumentException      if the value is out of range
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

    /**
     * Sets the IP time-to-live (on IPv6: the unicast hop limit).
     *
     * @throws IllegalArgumentException if ttl is negative
     * @throws IOException              if the OS refuses the value
     */
    public void setTtl(int ttl) throws IOException {
        socket.setTtl(ttl);
    }

    /** @return the IP time-to-live (on IPv6: the unicast hop limit) */
    public int ttl() throws IOException {
        return socket.ttl();
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
