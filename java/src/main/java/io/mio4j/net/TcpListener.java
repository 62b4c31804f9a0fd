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
import java.nio.channels.Channel;

/** A non-blocking TCP listener. */
public final class TcpListener implements Source, Channel {
    private static final int BACKLOG = 1024;

    private final Socket socket;

    private TcpListener(int fd) {
        this.socket = Socket.adopt(fd, this, SocketOptions.Kind.TCP_LISTENER);
    }

    static TcpListener adopt(int fd) {
        return new TcpListener(fd);
    }

    /**
     * Binds a listener (SO_REUSEADDR on, backlog 1024).
     *
     * @param address where to listen; port 0 picks a free port
     * @return the listener
     * @throws IOException if the OS refuses, e.g. BindException when the address is in use
     */
    public static TcpListener bind(InetSocketAddress address) throws IOException {
        byte[] encoded = SockAddr.encode(address);
        TcpListener listener = new TcpListener(Socket.open(Socket.family(address), Socket.SOCK_STREAM));
        try {
            listener.socket.setIntOption(Socket.SOL_SOCKET, Socket.SO_REUSEADDR, 1);
            listener.socket.bind(encoded);
            listener.listen(BACKLOG);
            return listener;
        } catch (IOException | RuntimeException e) {
            listener.close();
            throw e;
        }
    }

    void listen(int backlog) throws IOException {
        socket.listen(backlog);
    }

    /**
     * Accepts a pending connection.
     *
     * @return the connection, or null when none is pending
     * @throws IOException if the OS reports an error
     */
    public TcpStream accept() throws IOException {
        byte[] peer = new byte[SockAddr.MAX];
        int fd = socket.accept(peer);
        return fd < 0 ? null : TcpStream.adopt(fd);
    }

    /**
     * @return the address this listener is bound to
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

    /** @return the descriptor (still owned by this listener), or -1 once closed */
    public int fd() {
        return socket.fd();
    }

    @Override
    public boolean isOpen() {
        return socket.isOpen();
    }

    /** Closes the listener, deregistering it. Idempotent. */
    @Override
    public void close() {
        socket.close();
    }

    @Override
    public String toString() {
        return "TcpListener{fd=" + fd() + "}";
    }
}
