package io.mio4j.net;

import io.mio4j.Interest;
import io.mio4j.Registry;
import io.mio4j.Source;
import io.mio4j.Token;
import io.mio4j.internal.NetSocket;
import io.mio4j.internal.NetSocket.NamedOption;
import io.mio4j.internal.SocketKind;
import io.mio4j.internal.platform.Platform;

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
 * with {@link #lastDatagramLength()}, the datagram's full length (Windows does not tell a
 * datagram's full length: there it is the bytes placed). Heap buffers pass
 * through a per-thread scratch buffer, so at most 256 KiB of a datagram reach one.
 *
 * <p>On a connected socket, an ICMP "port unreachable" for an earlier datagram is
 * reported as a {@link java.net.PortUnreachableException} by the next send or receive,
 * or by {@link #takeError()}.
 */
public final class UdpSocket extends DatagramSource implements Source, Channel {

    private UdpSocket(NetSocket socket) {
        super(socket);
    }

    /**
     * Creates a socket bound to {@code address}.
     *
     * @param address where to bind; port 0 picks a free port
     * @return the socket
     * @throws IOException if the OS refuses, e.g. BindException when the address is in use
     */
    public static UdpSocket bind(InetSocketAddress address) throws IOException {
        UdpSocket socket = new UdpSocket(Platform.openSocket(SocketKind.UDP, address));
        try {
            socket.socket.bind(address);
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
        return socket.sendDatagram(src, Objects.requireNonNull(target, "address"));
    }

    /**
     * Receives one datagram into dst (see the class comment on truncation).
     *
     * @return the sender's address, or null when no datagram is waiting
     * @throws IllegalArgumentException if dst is read-only
     * @throws IOException              if the OS reports an error
     */
    public InetSocketAddress receiveFrom(ByteBuffer dst) throws IOException {
        return (InetSocketAddress) socket.receiveFrom(dst, false);
    }

    /**
     * As {@link #receiveFrom}, but the datagram stays queued.
     *
     * @return the sender's address, or null when no datagram is waiting
     * @throws IOException if the OS reports an error
     */
    public InetSocketAddress peekFrom(ByteBuffer dst) throws IOException {
        return (InetSocketAddress) socket.receiveFrom(dst, true);
    }

    /**
     * Sets the peer: send and receive then use it, and datagrams from elsewhere are
     * dropped. Connecting again changes the peer.
     *
     * @throws IOException if the OS reports an error
     */
    public void connect(InetSocketAddress peer) throws IOException {
        socket.connect(Objects.requireNonNull(peer, "address"));
    }

    /**
     * As {@link #receive}, but the datagram stays queued.
     *
     * @return the bytes placed in dst, or -1 when no datagram is waiting
     * @throws IOException if the OS reports an error
     */
    public int peek(ByteBuffer dst) throws IOException {
        return socket.receivePlaced(dst, true);
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
        socket.setIntOption(NamedOption.BROADCAST, on ? 1 : 0);
    }

    /** @return SO_BROADCAST */
    public boolean broadcast() throws IOException {
        return socket.intOption(NamedOption.BROADCAST) != 0;
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
        socket.setIntOption(NamedOption.MULTICAST_LOOP_V4, on ? 1 : 0);
    }

    /** @return IP_MULTICAST_LOOP */
    public boolean multicastLoopV4() throws IOException {
        return socket.intOption(NamedOption.MULTICAST_LOOP_V4) != 0;
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
        socket.setIntOption(NamedOption.MULTICAST_TTL_V4, ttl);
    }

    /** @return IP_MULTICAST_TTL */
    public int multicastTtlV4() throws IOException {
        return socket.intOption(NamedOption.MULTICAST_TTL_V4);
    }

    /** Sets IPV6_MULTICAST_LOOP: whether IPv6 multicast sent here loops back to this host. */
    public void setMulticastLoopV6(boolean on) throws IOException {
        socket.setIntOption(NamedOption.MULTICAST_LOOP_V6, on ? 1 : 0);
    }

    /** @return IPV6_MULTICAST_LOOP */
    public boolean multicastLoopV6() throws IOException {
        return socket.intOption(NamedOption.MULTICAST_LOOP_V6) != 0;
    }

    /**
     * Joins an IPv4 multicast group (IP_ADD_MEMBERSHIP).
     *
     * @param group the group
     * @param iface the address of the local interface, or 0.0.0.0 to let the OS choose
     * @throws IOException if the OS refuses (e.g. group is not a multicast address)
     */
    public void joinMulticastV4(Inet4Address group, Inet4Address iface) throws IOException {
        socket.membershipV4(true, Objects.requireNonNull(group, "group"), Objects.requireNonNull(iface, "iface"));
    }

    /** Leaves an IPv4 multicast group (IP_DROP_MEMBERSHIP); arguments as in {@link #joinMulticastV4}. */
    public void leaveMulticastV4(Inet4Address group, Inet4Address iface) throws IOException {
        socket.membershipV4(false, Objects.requireNonNull(group, "group"), Objects.requireNonNull(iface, "iface"));
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
        socket.membershipV6(true, Objects.requireNonNull(group, "group"), checkIndex(ifaceIndex));
    }

    /** Leaves an IPv6 multicast group (IPV6_LEAVE_GROUP); arguments as in {@link #joinMulticastV6}. */
    public void leaveMulticastV6(Inet6Address group, int ifaceIndex) throws IOException {
        socket.membershipV6(false, Objects.requireNonNull(group, "group"), checkIndex(ifaceIndex));
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
        return socket.intOption(NamedOption.ONLY_V6) != 0;
    }

}
