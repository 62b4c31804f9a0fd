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
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.GatheringByteChannel;
import java.nio.channels.ScatteringByteChannel;
import java.nio.file.Path;

/** A non-blocking Unix domain stream connection. */
public final class UnixStream implements Source, ByteChannel, ScatteringByteChannel, GatheringByteChannel {
    private final Socket socket;

    private UnixStream(int fd) {
        this.socket = Socket.adopt(fd, this, SocketOptions.Kind.UNIX_STREAM);
    }

    static UnixStream adopt(int fd) {
        return new UnixStream(fd);
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
     */
    public static UnixStream connect(Path path) throws IOException {
        byte[] encoded = SockAddr.encodeUnix(path);
        UnixStream stream = new UnixStream(Socket.open(Socket.AF_UNIX, Socket.SOCK_STREAM));
        try {
            stream.socket.connect(encoded);
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
        int[] fds = Socket.pair(Socket.AF_UNIX, Socket.SOCK_STREAM);
        return new UnixStream[] {new UnixStream(fds[0]), new UnixStream(fds[1])};
    }

    /**
     * Reads into {@code dst}.
     *
     * @return bytes read, 0 when nothing is ready (or dst is full), -1 at end of stream
     * @throws IllegalArgumentException if dst is read-only
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
     * Shuts down the reading half.
     *
     * @throws IOException if the OS reports an error
     */
    public void shutdownInput() throws IOException {
        socket.shutdown(Socket.SHUT_RD);
    }

    /**
     * Shuts down the writing half (the peer reads end of stream; writing here is then
     * an IOException, "Broken pipe").
     *
     * @throws IOException if the OS reports an error
     */
    public void shutdownOutput() throws IOException {
        socket.shutdown(Socket.SHUT_WR);
    }

    /**
     * @return the local address; an empty path when this end is unnamed
     * @throws IOException if the OS reports an error
     */
    public UnixDomainSocketAddress localAddress() throws IOException {
        return SockAddr.asUnix(socket.localAddress());
    }

    /**
     * @return the peer's address; an empty path when the peer is unnamed
     * @throws IOException if the OS reports an error
     */
    public UnixDomainSocketAddress peerAddress() throws IOException {
        return SockAddr.asUnix(socket.peerAddress());
    }

    /**
     * @return the pending socket error (cleared), or null
     * @throws IOException if the OS reports an error
     */
    public IOException takeError() throws IOException {
        return socket.takeError();
    }

    /**
     * Sets a socket option (SO_SNDBUF, SO_RCVBUF, SO_LINGER).
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
        return "UnixStream{fd=" + fd() + "}";
    }
}
