package io.mio4j.net;

import io.mio4j.internal.unix.SockAddr;
import io.mio4j.internal.unix.Socket;
import io.mio4j.internal.unix.SocketOptions;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.nio.channels.Channel;
import java.time.Duration;
import java.util.Objects;

/**
 * A TCP socket not yet connected or listening, for setting options first (mio's
 * TcpSocket). {@link #connect} and {@link #listen} hand the descriptor to the object they
 * return: afterwards this TcpSocket is consumed, {@link #close()} does nothing and every
 * other call throws IllegalStateException. If connect() or listen() fails, the socket is
 * closed and consumed all the same.
 */
public final class TcpSocket implements Channel {
    private final Socket socket;
    private volatile boolean consumed;

    private TcpSocket(int fd) {
        this.socket = Socket.adopt(fd, this, SocketOptions.Kind.TCP_SOCKET);
    }

    /** @return a new IPv4 TCP socket (non-blocking, close-on-exec) */
    public static TcpSocket openV4() throws IOException {
        return new TcpSocket(Socket.open(Socket.AF_INET, Socket.SOCK_STREAM));
    }

    /** @return a new IPv6 TCP socket (non-blocking, close-on-exec) */
    public static TcpSocket openV6() throws IOException {
        return new TcpSocket(Socket.open(Socket.AF_INET6, Socket.SOCK_STREAM));
    }

    /**
     * Binds the socket to a local address.
     *
     * @throws java.net.BindException if the address is in use or not available
     */
    public void bind(InetSocketAddress address) throws IOException {
        checkNotConsumed();
        socket.bind(SockAddr.encode(address));
    }

    /**
     * Starts a non-blocking connect and consumes this socket; see {@link TcpStream#connect}.
     *
     * @return the stream, now owning the descriptor
     * @throws java.net.ConnectException if the connection is refused at once
     */
    public TcpStream connect(InetSocketAddress address) throws IOException {
        Objects.requireNonNull(address, "address");
        checkNotConsumed();
        byte[] encoded;
        try {
            encoded = SockAddr.encode(address);
        } catch (RuntimeException e) {
            consumeAndClose();
            throw e;
        }
        TcpStream stream = TcpStream.adopt(handOver());
        try {
            stream.connectTo(encoded);
            return stream;
        } catch (IOException | RuntimeException e) {
            stream.close();
            throw e;
        }
    }

    /**
     * Starts listening and consumes this socket.
     *
     * @param backlog the length of the queue of pending connections
     * @return the listener, now owning the descriptor
     */
    public TcpListener listen(int backlog) throws IOException {
        checkNotConsumed();
        TcpListener listener = TcpListener.adopt(handOver());
        try {
            listener.listen(backlog);
            return listener;
        } catch (IOException | RuntimeException e) {
            listener.close();
            throw e;
        }
    }

    public void setReuseAddress(boolean on) throws IOException {
        setOption(StandardSocketOptions.SO_REUSEADDR, on);
    }

    public boolean reuseAddress() throws IOException {
        return getOption(StandardSocketOptions.SO_REUSEADDR);
    }

    public void setReusePort(boolean on) throws IOException {
        setOption(StandardSocketOptions.SO_REUSEPORT, on);
    }

    public boolean reusePort() throws IOException {
        return getOption(StandardSocketOptions.SO_REUSEPORT);
    }

    /**
     * Sets SO_LINGER, in whole seconds (a fraction is rounded down, as the OS counts
     * seconds); null turns lingering off.
     *
     * @throws IllegalArgumentException if linger is negative
     */
    public void setLinger(Duration linger) throws IOException {
        checkNotConsumed();
        if (linger == null) {
            socket.setLinger(-1);
            return;
        }
        if (linger.isNegative()) {
            throw new IllegalArgumentException("negative linger: " + linger);
        }
        socket.setLinger((int) Math.min(linger.getSeconds(), Integer.MAX_VALUE));
    }

    /** @return the SO_LINGER time, or null when off */
    public Duration linger() throws IOException {
        checkNotConsumed();
        int seconds = socket.linger();
        return seconds < 0 ? null : Duration.ofSeconds(seconds);
    }

    /** @throws IllegalArgumentException if size is negative */
    public void setReceiveBufferSize(int size) throws IOException {
        setOption(StandardSocketOptions.SO_RCVBUF, size);
    }

    /** @return SO_RCVBUF (Linux reports twice the size that was set) */
    public int receiveBufferSize() throws IOException {
        return getOption(StandardSocketOptions.SO_RCVBUF);
    }

    /** @throws IllegalArgumentException if size is negative */
    public void setSendBufferSize(int size) throws IOException {
        setOption(StandardSocketOptions.SO_SNDBUF, size);
    }

    /** @return SO_SNDBUF (Linux reports twice the size that was set) */
    public int sendBufferSize() throws IOException {
        return getOption(StandardSocketOptions.SO_SNDBUF);
    }

    public void setKeepAlive(boolean on) throws IOException {
        setOption(StandardSocketOptions.SO_KEEPALIVE, on);
    }

    public boolean keepAlive() throws IOException {
        return getOption(StandardSocketOptions.SO_KEEPALIVE);
    }

    /** @return the local address (the unspecified address and port 0 before bind) */
    public InetSocketAddress localAddress() throws IOException {
        checkNotConsumed();
        return (InetSocketAddress) socket.localAddress();
    }

    /**
     * Sets an option that applies to TCP streams or listeners.
     *
     * @throws UnsupportedOperationException if the option does not apply to TCP sockets
     */
    public <T> void setOption(SocketOption<T> option, T value) throws IOException {
        checkNotConsumed();
        socket.setOption(option, value);
    }

    /** Reads an option; exceptions as {@link #setOption}. */
    public <T> T getOption(SocketOption<T> option) throws IOException {
        checkNotConsumed();
        return socket.getOption(option);
    }

    /** @return the descriptor, or -1 once closed or consumed */
    public int fd() {
        return socket.fd();
    }

    /** @return false once closed or consumed */
    @Override
    public boolean isOpen() {
        return socket.isOpen();
    }

    /** Closes the socket; does nothing once consumed. Idempotent. */
    @Override
    public void close() {
        if (!consumed) {
            socket.close();
        }
    }

    @Override
    public String toString() {
        return "TcpSocket{fd=" + fd() + (consumed ? ", consumed" : "") + "}";
    }

    private int handOver() throws IOException {
        consumed = true;
        return socket.handOver();
    }

    private void consumeAndClose() {
        consumed = true;
        socket.close();
    }

    private void checkNotConsumed() {
        if (consumed) {
            throw new IllegalStateException("TcpSocket was consumed by connect() or listen()");
        }
    }
}
