package io.mio4j.net;

import io.mio4j.internal.NetSocket;
import io.mio4j.internal.SocketKind;
import io.mio4j.internal.platform.Platform;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.nio.channels.Channel;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
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
    private final NetSocket socket;
    private volatile boolean consumed;

    private TcpSocket(NetSocket socket) {
        this.socket = socket.ownedBy(this);
    }

    /** @return a new IPv4 TCP socket (non-blocking, close-on-exec) */
    public static TcpSocket openV4() throws IOException {
        return new TcpSocket(Platform.openSocket(SocketKind.TCP_SOCKET, false));
    }

    /** @return a new IPv6 TCP socket (non-blocking, close-on-exec) */
    public static TcpSocket openV6() throws IOException {
        return new TcpSocket(Platform.openSocket(SocketKind.TCP_SOCKET, true));
    }

    /**
     * Binds the socket to a local address.
     *
     * @throws java.net.BindException if the address is in use or not available
     */
    public void bind(InetSocketAddress address) throws IOException {
        Objects.requireNonNull(address, "address");
        checkUsable();
        socket.bind(address);
    }

    /**
     * Starts a non-blocking connect and consumes this socket; see {@link TcpStream#connect}.
     *
     * @return the stream, now owning the descriptor
     * @throws java.net.ConnectException if the connection is refused at once
     */
    public TcpStream connect(InetSocketAddress address) throws IOException {
        Objects.requireNonNull(address, "address");
        if (address.isUnresolved()) {
            // A bad argument: refused before anything happens, the socket stays usable.
            throw new UnresolvedAddressException();
        }
        checkUsable();
        TcpStream stream = TcpStream.adopt(handOver(SocketKind.TCP_STREAM));
        try {
            stream.connectTo(address);
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
        checkUsable();
        TcpListener listener = TcpListener.adopt(handOver(SocketKind.TCP_LISTENER));
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
        if (linger != null && linger.isNegative()) {
            throw new IllegalArgumentException("negative linger: " + linger);
        }
        checkUsable();
        // Clamped as setOption(SO_LINGER) is: both land in NetSocket.setLingerSeconds.
        socket.setLingerSeconds(linger == null ? -1 : (int) Math.min(linger.getSeconds(), Integer.MAX_VALUE));
    }

    /** @return the SO_LINGER time, or null when off */
    public Duration linger() throws IOException {
        checkUsable();
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
        checkUsable();
        return (InetSocketAddress) socket.localAddress();
    }

    /**
     * Sets an option that applies to TCP streams or listeners.
     *
     * @throws UnsupportedOperationException if the option does not apply to TCP sockets
     */
    public <T> void setOption(SocketOption<T> option, T value) throws IOException {
        checkUsable();
        socket.setOption(option, value);
    }

    /** Reads an option; exceptions as {@link #setOption}. */
    public <T> T getOption(SocketOption<T> option) throws IOException {
        checkUsable();
        return socket.getOption(option);
    }

    /**
     * @return the descriptor, or -1 once closed or consumed
     * @throws UnsupportedOperationException where sockets are not descriptors (Windows)
     */
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
        return "TcpSocket{" + socket + (consumed ? ", consumed" : "") + "}";
    }

    private NetSocket handOver(SocketKind kind) throws IOException {
        consumed = true;
        return socket.handOver(kind);
    }

    /**
     * A consumed socket is IllegalStateException; one closed with close() is
     * ClosedChannelException, as every closed object of this library.
     */
    private void checkUsable() throws ClosedChannelException {
        if (consumed) {
            throw new IllegalStateException("TcpSocket was consumed by connect() or listen()");
        }
        if (!socket.isOpen()) {
            throw new ClosedChannelException();
        }
    }
}
