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
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.GatheringByteChannel;
import java.nio.channels.ScatteringByteChannel;

/** A non-blocking TCP connection. */
public final class TcpStream extends StreamSource implements Source, ByteChannel, ScatteringByteChannel, GatheringByteChannel {

    private TcpStream(NetSocket socket) {
        super(socket);
    }

    /** Wraps an accepted or handed-over connection. */
    static TcpStream adopt(NetSocket socket) {
        return new TcpStream(socket);
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
        TcpStream stream = new TcpStream(Platform.openSocket(SocketKind.TCP_STREAM, address));
        try {
            stream.connectTo(address);
            return stream;
        } catch (IOException | RuntimeException e) {
            stream.close();
            throw e;
        }
    }

    /** Starts the connect; an immediate failure (e.g. refused) is thrown. */
    void connectTo(InetSocketAddress address) throws IOException {
        socket.connect(address);
    }

    /**
     * Reads without removing the data from the kernel's queue.
     *
     * @param dst the buffer
     * @return as {@link #read}
     * @throws IOException if the OS reports an error
     */
    public int peek(ByteBuffer dst) throws IOException {
        return socket.peek(dst);
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
