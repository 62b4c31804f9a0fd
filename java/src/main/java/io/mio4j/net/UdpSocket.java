package io.mio4j.net;

import io.mio4j.Interest;
import io.mio4j.Registry;
import io.mio4j.Source;
import io.mio4j.Token;
import io.mio4j.internal.unix.SockAddr;
import io.mio4j.internal.unix.Socket;
import io.mio4j.internal.unix.SocketOptions;
import io.mio4j.internal.unix.UdpOptions;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.SocketOption;
import java.nio.ByteBuffer;
import java.nio.channels.Channel;
import java.util.Objects;

/**
 * A non-blocking UDP socket.
 *
 * <p>Each send is one datagram and each receive takes one datagram. A datagram longer
 * than the destination buffer's room is truncated to it and the rest is discarded (as in
 * {@link java.nio.channels.DatagramChannel}); the receive calls return or place only the
 * bytes that fit. To tell whether a datagram was truncated, compare the bytes placed
 * with {@link #lastDatagramLength()}, the datagram's full length. Heap buffers pass
 * through a per-thread scratch buffer, so at most 256 KiB of a datagram reach one.
 *
 * <p>On a connected socket, an ICMP "port unreachable" for an earlier datagram is
 * reported as a {@link java.net.PortUnreachableException} by the next send or receive,
 * or by {@link #takeError()}.
 */
public final class UdpSocket implements Source, Channel {
    private final Socket socket;
    private final byte[] sender = new byte[SockAddr.MAX];   // reused: receiving allocates only the result
    private int lastDatagramLength = -1;

    private UdpSocket(int fd) {
        this.socket = Socket.adopt(fd, this, SocketOptions.Kind.UDP);
    }

    /**
     * Creates a socket bound to {@code address}.
     *
     * @param address where to bind; port 0 picks a free port
     * @return the socket
     * @throws IOException if the OS refuses, e.g. BindException when the address is in use
     */
    public static UdpSocket bind(InetSocketAddress address) throws IOException {
        byte[] encoded = SockAddr.encode(address);
        UdpSocket socket = new UdpSocket(Socket.open(Socket.family(address), Socket.SOCK_DGRAM));
        try {
            socket.socket.bind(encoded);
            return socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * Sends src's remaining bytes as one datagram to {@code target}.
     *
     * @return the bytes sent (src's position moves by them), 0 for an empty datagram, or
     *         -1 when it could not be sent without blocking (nothing was sent)
     * @throws IOException if the OS reports an error (e.g. a datagram too large)
     */
    public int sendTo(ByteBuffer src, InetSocketAddress target) throws IOException {
        Objects.requireNonNull(src, "src");
        return socket.sendDatagram(src, SockAddr.encode(target));
    }

    /**
     * Receives one datagram into dst (see the class comment on truncation).
     *
     * @return the sender's address, or null when no datagram is waiting
     * @throws IllegalArgumentException if dst is read-only
     * @throws IOException              if the OS reports an error
     */
    public InetSocketAddress receiveFrom(ByteBuffer dst) throws IOException {
        return from(socket.receiveDatagram(dst, 0, sender));
    }

    /**
     * As {@link #receiveFrom}, but the datagram stays queued.
     *
     * @return the sender's address, or null when no datagram is waiting
     * @throws IOException if the OS reports an error
     */
    public InetSocketAddress peekFrom(ByteBuffer dst) throws IOException {
        return from(socket.receiveDatagram(dst, Socket.MSG_PEEK, sender));
    }

    private InetSocketAddress from(int length) {
        if (length < 0) {
            return null;
        }
        lastDatagramLength = length;
        return SockAddr.decodeInet(sender);
    }

    /**
     * Sets the peer: send and receive then use it, and datagrams from elsewhere are
     * dropped. Connecting again changes the peer.
     *
     * @throws IOException if the OS reports an error
     */
    public void connect(InetSocketAddress peer) throws IOException {
        socket.connect(SockAddr.encode(peer));
    }

    /**
     * Sends src's remaining bytes as one datagram to the connected peer.
     *
     * @return the bytes sent, 0 for an empty datagram, or -1 when it could not be sent
     *         without blocking (nothing was sent)
     * @throws IOException if the OS reports an error: not connected (EDESTADDRREQ), or
     *                     PortUnreachableException for an earlier datagram
     */
    public int send(ByteBuffer src) throws IOException {
        return socket.sendDatagram(src, null);
    }

    /**
     * Receives one datagram into dst (see the class comment on truncation). Allocates
     * nothing.
     *
     * @return the bytes placed in dst (0 for an empty datagram), or -1 when no datagram
     *         is waiting
     * @throws IllegalArgumentException if dst is read-only
     * @throws IOException              if the OS reports an error, e.g. PortUnreachableException
     */
    public int receive(ByteBuffer dst) throws IOException {
        return placed(dst, 0);
    }

    /**
     * As {@link #receive}, but the datagram stays queued.
     *
     * @return the bytes placed in dst, or -1 when no datagram is waiting
     * @throws IOException if the OS reports an error
     */
    public int peek(ByteBuffer dst) throws IOException {
        return placed(dst, Socket.MSG_PEEK);
    }

    private int placed(ByteBuffer dst, int flags) throws IOException {
        int before = dst == null ? 0 : dst.position();
        int length = socket.receiveDatagram(dst, flags, null);
        if (length < 0) {
            return -1;
        }
        lastDatagramLength = length;
        return dst.position() - before;
    }

    /**
     * The full length of the datagram that the last successful receive, receiveFrom,
     * peek or peekFrom found. It exceeds the bytes placed in the buffer exactly when that
     * datagram was truncated.
     *
     * @return the length in bytes, or -1 before any datagram was received
     */
    public int lastDatagramLength() {
        return lastDatagramLength;
    }

    /**
     * @return the address this socket is bound to
     * @throws IOException if the OS reports an error
     */
    public InetSocketAddress localAddress() throws IOException {
        return (InetSocketAddress) socket.localAddress();
    }

    /**
     * @return the connected peer, or null when not connected
     * @throws IOException if the OS reports an error
     */
    public InetSocketAddress peerAddress() throws IOException {
        return (InetSocketAddress) socket.peerAddress();
    }

    /** Sets SO_BROADCAST: whether datagrams may go to a broadcast address. */
    public void setBroadcast(boolean on) throws IOException {
        socket.setIntOption(Socket.SOL_SOCKET, UdpOptions.SO_BROADCAST, on ? 1 : 0);
    }

    /** @return SO_BROADCAST */
    public boolean broadcast() throws IOException {
        return socket.getIntOption(Socket.SOL_SOCKET, UdpOptions.SO_BROADCAST) != 0;
    }

    /**
     * Sets the IP time-to-live (on IPv6: the unicast hop limit).
     *
     * @throws IllegalArgumentException if ttl is negative
     * @throws IOException              if the OS refuses the value (e.g. above 255)
     */
    public void setTtl(int ttl) throws IOException {
        socket.setTtl(ttl);
    }

    /** @return the IP time-to-live (on IPv6: the unicast hop limit) */
    public int ttl() throws IOException {
        return socket.ttl();
    }

    /** Sets IP_MULTICAST_LOOP: whether IPv4 multicast sent here loops back to this host. */
    public void setMulticastLoopV4(boolean on) throws IOException {
        socket.setIntOption(UdpOptions.IPPROTO_IP, UdpOptions.IP_MULTICAST_LOOP, on ? 1 : 0);
    }

    /** @return IP_MULTICAST_LOOP */
    public boolean multicastLoopV4() throws IOException {
        return socket.getIntOption(UdpOptions.IPPROTO_IP, UdpOptions.IP_MULTICAST_LOOP) != 0;
    }

    /**
     * Sets IP_MULTICAST_TTL, the time-to-live of IPv4 multicast datagrams.
     *
     * @throws IllegalArgumentException if ttl is negative
     * @throws IOException              if the OS refuses the value (e.g. above 255)
     */
    public void setMulticastTtlV4(int ttl) throws IOException {
        if (ttl < 0) {
            throw new IllegalArgumentException("negative multicast ttl: " + ttl);
        }
        socket.setIntOption(UdpOptions.IPPROTO_IP, UdpOptions.IP_MULTICAST_TTL, ttl);
    }

    /** @return IP_MULTICAST_TTL */
    public int multicastTtlV4() throws IOException {
        return socket.getIntOption(UdpOptions.IPPROTO_IP, UdpOptions.IP_MULTICAST_TTL);
    }

    /** Sets IPV6_MULTICAST_LOOP: whether IPv6 multicast sent here loops back to this host. */
    public void setMulticastLoopV6(boolean on) throws IOException {
        socket.setIntOption(UdpOptions.IPPROTO_IPV6, UdpOptions.IPV6_MULTICAST_LOOP, on ? 1 : 0);
    }

    /** @return IPV6_MULTICAST_LOOP */
    public boolean multicastLoopV6() throws IOException {
        return socket.getIntOption(UdpOptions.IPPROTO_IPV6, UdpOptions.IPV6_MULTICAST_LOOP) != 0;
    }

    /**
     * Joins an IPv4 multicast group (IP_ADD_MEMBERSHIP).
     *
     * @param group the group
     * @param iface the address of the local interface, or 0.0.0.0 to let the OS choose
     * @throws IOException if the OS refuses (e.g. group is not a multicast address)
     */
    public void joinMulticastV4(Inet4Address group, Inet4Address iface) throws IOException {
        socket.membershipV4(true, Objects.requireNonNull(group, "group").getAddress(),
                Objects.requireNonNull(iface, "iface").getAddress());
    }

    /** Leaves an IPv4 multicast group (IP_DROP_MEMBERSHIP); arguments as in {@link #joinMulticastV4}. */
    public void leaveMulticastV4(Inet4Address group, Inet4Address iface) throws IOException {
        socket.membershipV4(false, Objects.requireNonNull(group, "group").getAddress(),
                Objects.requireNonNull(iface, "iface").getAddress());
    }

    /**
     * Joins an IPv6 multicast group (IPV6_JOIN_GROUP).
     *
     * @param group      the group
     * @param ifaceIndex the index of the local interface, or 0 to let the OS choose
     * @throws IllegalArgumentException if ifaceIndex is negative
     * @throws IOException              if the OS refuses
     */
    public void joinMulticastV6(Inet6Address group, int ifaceIndex) throws IOException {
        socket.membershipV6(true, Objects.requireNonNull(group, "group").getAddress(), checkIndex(ifaceIndex));
    }

    /** Leaves an IPv6 multicast group (IPV6_LEAVE_GROUP); arguments as in {@link #joinMulticastV6}. */
    public void leaveMulticastV6(Inet6Address group, int ifaceIndex) throws IOException {
        socket.membershipV6(false, Objects.requireNonNull(group, "group").getAddress(), checkIndex(ifaceIndex));
    }

    private static int checkIndex(int ifaceIndex) {
        if (ifaceIndex < 0) {
            throw new IllegalArgumentException("negative interface index: " + ifaceIndex);
        }
        return ifaceIndex;
    }

    /**
     * @return IPV6_V6ONLY: whether this IPv6 socket refuses IPv4 traffic
     * @throws IOException if the OS reports an error (an IPv4 socket has no such option)
     */
    public boolean onlyV6() throws IOException {
        return socket.getIntOption(UdpOptions.IPPROTO_IPV6, UdpOptions.IPV6_V6ONLY) != 0;
    }

    /**
     * @return the pending socket error (cleared), or null; an ICMP port unreachable is a
     *         {@link java.net.PortUnreachableException}
     * @throws IOException if the OS reports an error
     */
    public IOException takeError() throws IOException {
        return socket.takeDatagramError();
    }

    /**
     * Sets a socket option: SO_SNDBUF, SO_RCVBUF, SO_REUSEADDR, SO_REUSEPORT,
     * SO_BROADCAST, IP_TOS, IP_MULTICAST_TTL, IP_MULTICAST_LOOP, IP_MULTICAST_IF (for the
     * socket's own family).
     *
     * @throws UnsupportedOperationException if the option does not apply to this socket
     * @throws IllegalArgumentException      if the value is out of range
     * @throws IOException                   if the OS reports an error
     */
    public <T> void setOption(SocketOption<T> option, T value) throws IOException {
        socket.setOption(option, value);
    }

    /**
     * Reads a socket option (see {@link #setOption}).
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

    /** @return the descriptor (still owned by this socket), or -1 once closed */
    public int fd() {
        return socket.fd();
    }

    @Override
    public boolean isOpen() {
        return socket.isOpen();
    }

    /** Closes the socket, deregistering it. Idempotent; any thread. */
    @Override
    public void close() {
        socket.close();
    }

    @Override
    public String toString() {
        return "UdpSocket{fd=" + fd() + "}";
    }
}
