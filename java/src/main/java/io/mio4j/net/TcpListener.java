package io.mio4j.net;

import io.mio4j.Interest;
import io.mio4j.Registry;
import io.mio4j.Source;
import io.mio4j.Token;
import io.mio4j.internal.NetSocket;
import io.mio4j.internal.SocketKind;
import io.mio4j.internal.platform.Platform;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketOption;
import java.nio.channels.Channel;

/** A non-blocking TCP listener. */
public final class TcpListener extends NetSource implements Source, Channel {
    private static final int BACKLOG = 1024;

    private TcpListener(NetSocket socket) {
        super(socket);
    }

    /** Wraps a handed-over socket (TcpSocket.listen). */
    static TcpListener adopt(NetSocket socket) {
        return new TcpListener(socket);
    }

    /**
     * Binds a listener (SO_REUSEADDR on Unix, backlog 1024).
     *
     * @param address where to listen; port 0 picks a free port
     * @return the listener
     * @throws IOException if the OS refuses, e.g. BindException when the address is in use
     */
    public static TcpListener bind(InetSocketAddress address) throws IOException {
        TcpListener listener = new TcpListener(Platform.openSocket(SocketKind.TCP_LISTENER, address));
        try {
            listener.socket.reuseAddressForListening();
            listener.socket.bind(address);
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
        NetSocket accepted = socket.accept();
        return accepted == null ? null : TcpStream.adopt(accepted);
    }

    /**
     * @return the address this listener is bound to
     * @throws IOException if the OS reports an error
     */
    public InetSocketAddress localAddress() throws IOException {
        return (InetSocketAddress) socket.localAddress();
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

}
