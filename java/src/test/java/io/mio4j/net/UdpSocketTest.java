package io.mio4j.net;

import io.mio4j.LinuxOnly;
import io.mio4j.Descriptors;
import io.mio4j.Event;
import io.mio4j.Events;
import io.mio4j.Expect;
import io.mio4j.Interest;
import io.mio4j.Poll;
import io.mio4j.Token;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.BindException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CyclicBarrier;

import static io.mio4j.Expect.event;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UdpSocketTest {
    private static final byte[] DATA1 = "Hello world!".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DATA2 = "Hello mars!".getBytes(StandardCharsets.US_ASCII);
    private static final Interest BOTH = Interest.READABLE.add(Interest.WRITABLE);

    private Poll poll;
    private final Events events = Events.withCapacity(16);

    @BeforeEach
    void openPoll() throws IOException {
        poll = Poll.open();
    }

    @AfterEach
    void closePoll() throws IOException {
        poll.close();
    }

    private static UdpSocket bindV4() throws IOException {
        return UdpSocket.bind(Expect.anyLocalV4());
    }

    private static UdpSocket bindV6() throws IOException {
        return UdpSocket.bind(Expect.anyLocalV6());
    }

    private static ByteBuffer direct(byte[] data) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(data.length);
        buffer.put(data).flip();
        return buffer;
    }

    private static byte[] drain(ByteBuffer buffer) {
        buffer.flip();
        byte[] out = new byte[buffer.remaining()];
        buffer.get(out);
        buffer.clear();
        return out;
    }

    private static void sendTo(UdpSocket socket, byte[] data, InetSocketAddress target) throws IOException {
        assertEquals(data.length, socket.sendTo(ByteBuffer.wrap(data), target));
    }

    private static void send(UdpSocket socket, byte[] data) throws IOException {
        assertEquals(data.length, socket.send(direct(data)));
    }

    private static void expectReceiveFrom(UdpSocket socket, byte[] data, InetSocketAddress from, boolean peek)
            throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(64);
        InetSocketAddress sender = peek ? socket.peekFrom(buffer) : socket.receiveFrom(buffer);
        assertEquals(from, sender);
        assertArrayEquals(data, drain(buffer));
    }

    private static void expectReceive(UdpSocket socket, byte[] data, boolean peek) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocateDirect(64);
        assertEquals(data.length, peek ? socket.peek(buffer) : socket.receive(buffer));
        assertArrayEquals(data, drain(buffer));
    }

    @Test
    void emptyDatagramArrivesWithItsSender() throws Exception {
        try (UdpSocket s1 = bindV4(); UdpSocket s2 = bindV4()) {
            poll.registry().register(s1, Token.of(1), Interest.WRITABLE);
            poll.registry().register(s2, Token.of(2), Interest.READABLE);
            Expect.events(poll, events, event(1, Interest.WRITABLE));
            assertEquals(0, s1.sendTo(ByteBuffer.allocate(0), s2.localAddress()));
            Expect.events(poll, events, event(2, Interest.READABLE));
            ByteBuffer buffer = ByteBuffer.allocate(10);
            assertEquals(s1.localAddress(), s2.receiveFrom(buffer));
            assertEquals(0, buffer.position());
            assertEquals(0, s2.lastDatagramLength());
        }
    }

    @LinuxOnly
    @Test
    void unconnectedSocketsExchangeDatagramsOverIpv4() throws Exception {
        try (UdpSocket s1 = bindV4(); UdpSocket s2 = bindV4()) {
            exchangeUnconnected(s1, s2);
        }
    }

    @LinuxOnly
    @Test
    void unconnectedSocketsExchangeDatagramsOverIpv6() throws Exception {
        try (UdpSocket s1 = bindV6(); UdpSocket s2 = bindV6()) {
            exchangeUnconnected(s1, s2);
        }
    }

    private void exchangeUnconnected(UdpSocket s1, UdpSocket s2) throws IOException {
        Descriptors.assertNonBlockingAndCloseOnExec(s1.fd());
        Descriptors.assertNonBlockingAndCloseOnExec(s2.fd());
        InetSocketAddress a1 = s1.localAddress();
        InetSocketAddress a2 = s2.localAddress();
        poll.registry().register(s1, Token.of(1), BOTH);
        poll.registry().register(s2, Token.of(2), BOTH);
        Expect.events(poll, events, event(1, Interest.WRITABLE), event(2, Interest.WRITABLE));

        ByteBuffer buffer = ByteBuffer.allocate(20);
        assertNull(s1.peekFrom(buffer));
        assertNull(s1.receiveFrom(buffer));
        assertEquals(0, buffer.position());

        sendTo(s1, DATA1, a2);
        sendTo(s2, DATA2, a1);
        Expect.events(poll, events, event(1, Interest.READABLE), event(2, Interest.READABLE));

        expectReceiveFrom(s1, DATA2, a2, true);
        expectReceiveFrom(s2, DATA1, a1, true);
        expectReceiveFrom(s1, DATA2, a2, false);
        expectReceiveFrom(s2, DATA1, a1, false);
        assertNull(s1.takeError());
        assertNull(s2.takeError());
    }

    @LinuxOnly
    @Test
    void connectedSocketsExchangeDatagramsOverIpv4() throws Exception {
        try (UdpSocket s1 = bindV4(); UdpSocket s2 = bindV4()) {
            exchangeConnected(s1, s2);
        }
    }

    @LinuxOnly
    @Test
    void connectedSocketsExchangeDatagramsOverIpv6() throws Exception {
        try (UdpSocket s1 = bindV6(); UdpSocket s2 = bindV6()) {
            exchangeConnected(s1, s2);
        }
    }

    private void exchangeConnected(UdpSocket s1, UdpSocket s2) throws IOException {
        assertNull(s1.peerAddress());
        s1.connect(s2.localAddress());
        s2.connect(s1.localAddress());
        assertEquals(s2.localAddress(), s1.peerAddress());
        Descriptors.assertNonBlockingAndCloseOnExec(s1.fd());
        poll.registry().register(s1, Token.of(1), BOTH);
        poll.registry().register(s2, Token.of(2), BOTH);
        Expect.events(poll, events, event(1, Interest.WRITABLE), event(2, Interest.WRITABLE));

        ByteBuffer buffer = ByteBuffer.allocate(20);
        assertEquals(-1, s1.peek(buffer));
        assertEquals(-1, s1.receive(buffer));

        send(s1, DATA1);
        send(s2, DATA2);
        Expect.events(poll, events, event(1, Interest.READABLE), event(2, Interest.READABLE));

        expectReceive(s1, DATA2, true);
        expectReceive(s2, DATA1, true);
        expectReceive(s1, DATA2, false);
        expectReceive(s2, DATA1, false);
        assertNull(s1.takeError());
        assertNull(s2.takeError());
    }

    @Test
    void reconnectingChangesWhereSendGoes() throws Exception {
        try (UdpSocket s1 = bindV4(); UdpSocket s2 = bindV4(); UdpSocket s3 = bindV4()) {
            s1.connect(s2.localAddress());
            s2.connect(s1.localAddress());
            s3.connect(s1.localAddress());
            poll.registry().register(s1, Token.of(1), BOTH);
            poll.registry().register(s2, Token.of(2), Interest.READABLE);
            poll.registry().register(s3, Token.of(3), Interest.READABLE);
            Expect.events(poll, events, event(1, Interest.WRITABLE));

            send(s1, DATA1);
            Expect.events(poll, events, event(2, Interest.READABLE));
            expectReceive(s2, DATA1, false);

            s1.connect(s3.localAddress());
            send(s1, DATA2);
            Expect.events(poll, events, event(3, Interest.READABLE));
            expectReceive(s3, DATA2, false);
            assertNull(s1.takeError());
            assertNull(s2.takeError());
            assertNull(s3.takeError());
        }
    }

    @Test
    void reconnectingChangesWhoseDatagramsArrive() throws Exception {
        try (UdpSocket s1 = bindV4(); UdpSocket s2 = bindV4(); UdpSocket s3 = bindV4()) {
            s1.connect(s2.localAddress());
            s2.connect(s1.localAddress());
            s3.connect(s1.localAddress());
            poll.registry().register(s1, Token.of(1), Interest.READABLE);
            poll.registry().register(s2, Token.of(2), Interest.WRITABLE);
            poll.registry().register(s3, Token.of(3), Interest.WRITABLE);
            Expect.events(poll, events, event(2, Interest.WRITABLE), event(3, Interest.WRITABLE));

            send(s2, DATA1);
            Expect.events(poll, events, event(1, Interest.READABLE));
            expectReceive(s1, DATA1, false);
            assertEquals(-1, s1.receive(ByteBuffer.allocate(20)));

            s1.connect(s3.localAddress());
            send(s3, DATA2);
            Expect.events(poll, events, event(1, Interest.READABLE));
            expectReceive(s1, DATA2, false);
            assertEquals(-1, s1.receive(ByteBuffer.allocate(20)));

            s1.connect(s2.localAddress());
            send(s2, DATA2);
            Expect.events(poll, events, event(1, Interest.READABLE));
            expectReceive(s1, DATA2, false);
        }
    }

    @LinuxOnly
    @Test
    void sendOnUnconnectedSocketReportsDestinationAddressRequired() throws Exception {
        try (UdpSocket s1 = bindV4(); UdpSocket s2 = bindV4()) {
            poll.registry().register(s1, Token.of(1), Interest.WRITABLE);
            poll.registry().register(s2, Token.of(2), Interest.READABLE);
            Expect.events(poll, events, event(1, Interest.WRITABLE));
            IOException e = assertThrows(IOException.class, () -> s1.send(direct(DATA1)));
            assertTrue(e.getMessage().startsWith("send: Destination address required"), e.getMessage());

            sendTo(s1, DATA1, s2.localAddress());
            Expect.events(poll, events, event(2, Interest.READABLE));
            // Receiving needs no peer: the sender is simply not reported.
            expectReceive(s2, DATA1, true);
            expectReceive(s2, DATA1, false);
            assertNull(s1.takeError());
            assertNull(s2.takeError());
        }
    }

    @LinuxOnly
    @Test
    void connectedSocketMayStillUseSendToOnLinux() throws Exception {
        try (UdpSocket s1 = bindV4(); UdpSocket s2 = bindV4(); UdpSocket s3 = bindV4()) {
            s1.connect(s3.localAddress());
            s3.connect(s2.localAddress());
            poll.registry().register(s3, Token.of(3), Interest.READABLE);
            sendTo(s2, DATA2, s3.localAddress());
            Expect.events(poll, events, event(3, Interest.READABLE));
            expectReceiveFrom(s3, DATA2, s2.localAddress(), true);
            expectReceiveFrom(s3, DATA2, s2.localAddress(), false);
            // Linux lets a connected socket send elsewhere too (mio's test notes the same).
            sendTo(s1, DATA1, s2.localAddress());
        }
    }

    @LinuxOnly
    @Test
    void fdIsTheDescriptorUntilClosed() throws Exception {
        UdpSocket socket = bindV4();
        int fd = socket.fd();
        assertTrue(fd >= 0);
        assertTrue(Descriptors.isOpen(fd));
        socket.close();
        assertEquals(-1, socket.fd());
        assertFalse(socket.isOpen());
        socket.close();   // idempotent
    }

    @Test
    void registeredIdleSocketHasNoEvents() throws Exception {
        try (UdpSocket socket = bindV4()) {
            poll.registry().register(socket, Token.of(1), Interest.READABLE);
            Expect.noEvents(poll, events);
        }
    }

    @Test
    void reregisterChangesTokenAndInterest() throws Exception {
        try (UdpSocket socket = bindV4(); UdpSocket sender = bindV4()) {
            poll.registry().register(socket, Token.of(1), Interest.WRITABLE);
            sendTo(sender, DATA1, socket.localAddress());
            Expect.events(poll, events, event(1, Interest.WRITABLE));
            for (Event e : events) {
                assertFalse(e.isReadable(), "registered for WRITABLE only");
            }
            poll.registry().reregister(socket, Token.of(2), Interest.READABLE);
            Expect.events(poll, events, event(2, Interest.READABLE));
            expectReceiveFrom(socket, DATA1, sender.localAddress(), false);
        }
    }

    @Test
    void deregisteredSocketHasNoEventsButKeepsItsDatagrams() throws Exception {
        try (UdpSocket socket = bindV4(); UdpSocket sender = bindV4()) {
            poll.registry().register(socket, Token.of(1), Interest.READABLE);
            sendTo(sender, DATA1, socket.localAddress());
            poll.registry().deregister(socket);
            Expect.noEvents(poll, events);
            ByteBuffer buffer = ByteBuffer.allocate(20);
            long deadline = System.nanoTime() + Expect.BOUND.toNanos();
            InetSocketAddress from;
            while ((from = socket.receiveFrom(buffer)) == null && System.nanoTime() < deadline) {
                Thread.onSpinWait();   // loopback delivery is immediate; this only bounds a surprise
            }
            assertEquals(sender.localAddress(), from);
            assertArrayEquals(DATA1, drain(buffer));
        }
    }

    @Test
    void datagramFromAnotherThreadArrivesAfterReregister() throws Exception {
        try (UdpSocket socket = bindV4()) {
            CyclicBarrier barrier = new CyclicBarrier(2);
            InetSocketAddress target = socket.localAddress();
            Thread thread = new Thread(() -> {
                try (UdpSocket sender = bindV4()) {
                    barrier.await();
                    sendTo(sender, DATA1, target);
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            thread.start();
            poll.registry().register(socket, Token.of(1), Interest.WRITABLE);
            barrier.await();
            Expect.events(poll, events, event(1, Interest.WRITABLE));
            poll.registry().reregister(socket, Token.of(2), Interest.READABLE);
            Expect.events(poll, events, event(2, Interest.READABLE));
            ByteBuffer buffer = ByteBuffer.allocate(20);
            assertNotNull(socket.receiveFrom(buffer));
            assertArrayEquals(DATA1, drain(buffer));
            thread.join();
        }
    }

    @Test
    void eventLoopSendsAndReceivesUnconnected() throws Exception {
        try (UdpSocket tx = bindV4(); UdpSocket rx = bindV4()) {
            eventLoop(tx, rx, false);
        }
    }

    @Test
    void eventLoopSendsAndReceivesConnected() throws Exception {
        try (UdpSocket tx = bindV4(); UdpSocket rx = bindV4()) {
            tx.connect(rx.localAddress());
            rx.connect(tx.localAddress());
            eventLoop(tx, rx, true);
        }
    }

    private void eventLoop(UdpSocket tx, UdpSocket rx, boolean connected) throws IOException {
        byte[] message = "hello world".getBytes(StandardCharsets.US_ASCII);
        assertNull(rx.receiveFrom(ByteBuffer.allocate(128)));
        poll.registry().register(tx, Token.of(1), Interest.WRITABLE);
        poll.registry().register(rx, Token.of(0), Interest.READABLE);
        ByteBuffer out = ByteBuffer.wrap(message);
        ByteBuffer in = ByteBuffer.allocate(1024);
        long deadline = System.nanoTime() + Expect.BOUND.toNanos();
        boolean received = false;
        while (!received) {
            assertTrue(System.nanoTime() < deadline, "no datagram within the bound");
            poll.poll(events, Expect.BOUND);
            for (Event e : events) {
                if (e.isReadable() && e.token().value() == 0) {
                    if (connected) {
                        assertEquals(message.length, rx.receive(in));
                    } else {
                        assertEquals(tx.localAddress(), rx.receiveFrom(in));
                    }
                    assertArrayEquals(message, drain(in));
                    received = true;
                }
                if (e.isWritable() && e.token().value() == 1 && out.hasRemaining()) {
                    int n = connected ? tx.send(out) : tx.sendTo(out, rx.localAddress());
                    assertEquals(message.length, n);
                }
            }
        }
    }

    @Test
    void connectedSocketDropsDatagramsFromOthers() throws Exception {
        try (UdpSocket tx = bindV4(); UdpSocket rx = bindV4(); UdpSocket outside = bindV4()) {
            tx.connect(rx.localAddress());
            outside.connect(rx.localAddress());
            rx.connect(tx.localAddress());
            send(outside, DATA1);
            poll.registry().register(rx, Token.of(0), Interest.READABLE);
            poll.registry().register(tx, Token.of(1), Interest.WRITABLE);
            poll.poll(events, Duration.ofMillis(200));
            for (Event e : events) {
                assertFalse(e.token().value() == 0 && e.isReadable(), "a datagram from outside arrived");
            }
            assertEquals(-1, rx.receive(ByteBuffer.allocate(20)));
        }
    }

    @Test
    void joinedMulticastSocketStillReceivesUnicast() throws Exception {
        try (UdpSocket tx = bindV4(); UdpSocket rx = bindV4()) {
            Inet4Address any = (Inet4Address) InetAddress.getByName("0.0.0.0");
            rx.joinMulticastV4((Inet4Address) InetAddress.getByName("227.1.1.100"), any);
            rx.joinMulticastV4((Inet4Address) InetAddress.getByName("227.1.1.101"), any);
            poll.registry().register(tx, Token.of(1), Interest.WRITABLE);
            poll.registry().register(rx, Token.of(0), Interest.READABLE);
            Expect.events(poll, events, event(1, Interest.WRITABLE));
            sendTo(tx, DATA1, rx.localAddress());
            Expect.events(poll, events, event(0, Interest.READABLE));
            ByteBuffer buffer = ByteBuffer.allocate(64);
            assertEquals(InetAddress.getLoopbackAddress(), rx.receiveFrom(buffer).getAddress());
            assertArrayEquals(DATA1, drain(buffer));
            rx.leaveMulticastV4((Inet4Address) InetAddress.getByName("227.1.1.100"), any);
            // Leaving a group not joined is the OS's error.
            assertThrows(IOException.class,
                    () -> rx.leaveMulticastV4((Inet4Address) InetAddress.getByName("227.1.1.100"), any));
        }
    }

    @Test
    void joiningAUnicastAddressIsRefusedByTheOs() throws Exception {
        try (UdpSocket socket = bindV4()) {
            Inet4Address any = (Inet4Address) InetAddress.getByName("0.0.0.0");
            IOException e = assertThrows(IOException.class,
                    () -> socket.joinMulticastV4((Inet4Address) InetAddress.getByName("127.0.0.1"), any));
            assertTrue(e.getMessage().startsWith("setsockopt IP_ADD_MEMBERSHIP: "), e.getMessage());
        }
    }

    @Test
    void ipv6MulticastGroupCanBeJoinedAndLeft() throws Exception {
        try (UdpSocket socket = UdpSocket.bind(new InetSocketAddress(InetAddress.getByName("::"), 0))) {
            Inet6Address group = (Inet6Address) InetAddress.getByName("ff05::1:3");
            int index = multicastInterfaceIndex();
            socket.joinMulticastV6(group, index);
            socket.leaveMulticastV6(group, index);
            assertThrows(IOException.class, () -> socket.leaveMulticastV6(group, index));
            assertThrows(IllegalArgumentException.class, () -> socket.joinMulticastV6(group, -1));
            assertThrows(NullPointerException.class, () -> socket.joinMulticastV6(null, 0));
        }
    }

    /** An up interface with multicast (a route may not exist for ff05::/16 with index 0). */
    private static int multicastInterfaceIndex() throws IOException {
        for (java.net.NetworkInterface nif : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
            if (nif.isUp() && nif.supportsMulticast() && !nif.isLoopback()) {
                return nif.getIndex();
            }
        }
        return 1;
    }

    @Test
    void edgeTriggeredReadableComesAgainAfterReceiveDrains() throws Exception {
        try (UdpSocket s1 = bindV4(); UdpSocket s2 = bindV4()) {
            poll.registry().register(s1, Token.of(1), Interest.WRITABLE);
            poll.registry().register(s2, Token.of(2), BOTH);
            Expect.events(poll, events, event(1, Interest.WRITABLE), event(2, Interest.WRITABLE));
            s1.connect(s2.localAddress());
            send(s1, DATA1);
            Expect.events(poll, events, event(2, Interest.READABLE));
            expectReceive(s2, DATA1, false);
            assertEquals(-1, s2.receive(ByteBuffer.allocate(20)));
            send(s1, DATA1);
            Expect.events(poll, events, event(2, Interest.READABLE));
            expectReceive(s2, DATA1, false);
        }
    }

    @Test
    void edgeTriggeredReadableComesAgainAfterReceiveFromDrains() throws Exception {
        try (UdpSocket s1 = bindV4(); UdpSocket s2 = bindV4()) {
            poll.registry().register(s1, Token.of(1), BOTH);
            poll.registry().register(s2, Token.of(2), BOTH);
            Expect.events(poll, events, event(1, Interest.WRITABLE), event(2, Interest.WRITABLE));
            sendTo(s1, DATA1, s2.localAddress());
            Expect.events(poll, events, event(2, Interest.READABLE));
            expectReceiveFrom(s2, DATA1, s1.localAddress(), false);
            assertNull(s2.receiveFrom(ByteBuffer.allocate(20)));
            sendTo(s1, DATA1, s2.localAddress());
            Expect.events(poll, events, event(2, Interest.READABLE));
            expectReceiveFrom(s2, DATA1, s1.localAddress(), false);
            assertNull(s1.takeError());
            assertNull(s2.takeError());
        }
    }

    // Beyond mio's tests: truncation, buffers, options, errors.

    @LinuxOnly
    @Test
    void longDatagramIsTruncatedToTheRoomAndItsLengthIsReported() throws Exception {
        for (boolean directBuffer : new boolean[] {true, false}) {
            try (UdpSocket s1 = bindV4(); UdpSocket s2 = bindV4()) {
                s1.connect(s2.localAddress());
                poll.registry().register(s2, Token.of(2), Interest.READABLE);
                send(s1, DATA1);
                send(s1, DATA2);
                Expect.events(poll, events, event(2, Interest.READABLE));
                ByteBuffer small = directBuffer ? ByteBuffer.allocateDirect(5) : ByteBuffer.allocate(5);
                assertEquals(5, s2.peek(small));
                assertEquals(DATA1.length, s2.lastDatagramLength());
                small.clear();
                assertEquals(5, s2.receive(small));
                assertEquals(DATA1.length, s2.lastDatagramLength());
                assertArrayEquals(Arrays.copyOf(DATA1, 5), drain(small));
                // The rest of DATA1 is gone: the next receive is DATA2, also truncated.
                assertEquals(s1.localAddress(), s2.receiveFrom(small));
                assertEquals(DATA2.length, s2.lastDatagramLength());
                assertArrayEquals(Arrays.copyOf(DATA2, 5), drain(small));
                assertEquals(-1, s2.receive(small));
            }
        }
    }

    @Test
    void receiveIntoAFullBufferDiscardsTheDatagram() throws Exception {
        try (UdpSocket s1 = bindV4(); UdpSocket s2 = bindV4()) {
            s1.connect(s2.localAddress());
            poll.registry().register(s2, Token.of(2), Interest.READABLE);
            send(s1, DATA1);
            Expect.events(poll, events, event(2, Interest.READABLE));
            ByteBuffer full = ByteBuffer.allocate(4).position(4);
            assertEquals(0, s2.receive(full));
            assertEquals(DATA1.length, s2.lastDatagramLength());
            assertEquals(-1, s2.receive(ByteBuffer.allocate(20)));
        }
    }

    @Test
    void buffersMoveLikeChannels() throws Exception {
        try (UdpSocket s1 = bindV4(); UdpSocket s2 = bindV4()) {
            s1.connect(s2.localAddress());
            poll.registry().register(s2, Token.of(2), Interest.READABLE);
            ByteBuffer src = ByteBuffer.allocate(20);
            src.put(new byte[3]).put(DATA1).flip().position(3);
            assertEquals(DATA1.length, s1.send(src));
            assertEquals(3 + DATA1.length, src.position());
            Expect.events(poll, events, event(2, Interest.READABLE));
            ByteBuffer dst = ByteBuffer.allocateDirect(40).position(7);
            assertEquals(DATA1.length, s2.peek(dst));
            assertEquals(7 + DATA1.length, dst.position());
            dst.position(7);
            assertEquals(DATA1.length, s2.receive(dst));
            byte[] got = new byte[DATA1.length];
            dst.get(7, got);
            assertArrayEquals(DATA1, got);
        }
    }

    @Test
    void largeDatagramFromAHeapBufferIsSentWhole() throws Exception {
        try (UdpSocket s1 = bindV4(); UdpSocket s2 = bindV4()) {
            s2.setOption(StandardSocketOptions.SO_RCVBUF, 256 * 1024);
            s1.connect(s2.localAddress());
            poll.registry().register(s2, Token.of(2), Interest.READABLE);
            byte[] data = new byte[60_000];
            new java.util.Random(7).nextBytes(data);
            assertEquals(data.length, s1.send(ByteBuffer.wrap(data)));
            Expect.events(poll, events, event(2, Interest.READABLE));
            ByteBuffer in = ByteBuffer.allocate(65_536);
            assertEquals(data.length, s2.receive(in));
            assertArrayEquals(data, drain(in));
        }
    }

    @LinuxOnly
    @Test
    void tooLargeDatagramIsAnError() throws Exception {
        try (UdpSocket s1 = bindV4(); UdpSocket s2 = bindV4()) {
            IOException e = assertThrows(IOException.class,
                    () -> s1.sendTo(ByteBuffer.allocateDirect(70_000), s2.localAddress()));
            assertTrue(e.getMessage().startsWith("sendto: Message too long"), e.getMessage());
        }
    }

    @Test
    void badBuffersAndAddressesAreRejected() throws Exception {
        try (UdpSocket socket = bindV4()) {
            ByteBuffer readOnly = ByteBuffer.allocate(8).asReadOnlyBuffer();
            assertThrows(IllegalArgumentException.class, () -> socket.receive(readOnly));
            assertThrows(IllegalArgumentException.class, () -> socket.peek(readOnly));
            assertThrows(IllegalArgumentException.class, () -> socket.receiveFrom(readOnly));
            assertThrows(IllegalArgumentException.class, () -> socket.peekFrom(readOnly));
            assertThrows(NullPointerException.class, () -> socket.receive(null));
            assertThrows(NullPointerException.class, () -> socket.receiveFrom(null));
            assertThrows(NullPointerException.class, () -> socket.send(null));
            assertThrows(NullPointerException.class, () -> socket.sendTo(null, socket.localAddress()));
            assertThrows(NullPointerException.class, () -> socket.sendTo(ByteBuffer.allocate(1), null));
            assertThrows(NullPointerException.class, () -> socket.connect(null));
            assertThrows(UnresolvedAddressException.class,
                    () -> socket.sendTo(ByteBuffer.allocate(1), InetSocketAddress.createUnresolved("localhost", 9)));
            // Sending from a read-only buffer is fine.
            assertEquals(1, socket.sendTo(ByteBuffer.allocate(1).asReadOnlyBuffer(), socket.localAddress()));
        }
    }

    @Test
    void closedSocketThrowsClosedChannelException() throws Exception {
        UdpSocket socket = bindV4();
        InetSocketAddress address = socket.localAddress();
        socket.close();
        assertThrows(ClosedChannelException.class, () -> socket.receive(ByteBuffer.allocate(8)));
        assertThrows(ClosedChannelException.class, () -> socket.receiveFrom(ByteBuffer.allocate(8)));
        assertThrows(ClosedChannelException.class, () -> socket.sendTo(ByteBuffer.allocate(8), address));
        assertThrows(ClosedChannelException.class, () -> socket.send(ByteBuffer.allocate(8)));
        assertThrows(ClosedChannelException.class, () -> socket.connect(address));
        assertThrows(ClosedChannelException.class, socket::localAddress);
        assertThrows(ClosedChannelException.class, socket::ttl);
        assertThrows(ClosedChannelException.class, socket::takeError);
        assertThrows(ClosedChannelException.class, () -> poll.registry().register(socket, Token.of(1), Interest.READABLE));
    }

    @Test
    void closingARegisteredSocketDeregistersIt() throws Exception {
        UdpSocket socket = bindV4();
        poll.registry().register(socket, Token.of(1), Interest.WRITABLE);
        socket.close();
        Expect.noEvents(poll, events);
    }

    @Test
    void bindingAnAddressInUseIsABindException() throws Exception {
        try (UdpSocket socket = bindV4()) {
            assertThrows(BindException.class, () -> UdpSocket.bind(socket.localAddress()));
        }
    }

    @Test
    void ttlCanBeSetAndRead() throws Exception {
        try (UdpSocket v4 = bindV4(); UdpSocket v6 = bindV6()) {
            assertTrue(v4.ttl() > 0);
            v4.setTtl(10);
            assertEquals(10, v4.ttl());
            v6.setTtl(12);   // the unicast hop limit
            assertEquals(12, v6.ttl());
            assertThrows(IllegalArgumentException.class, () -> v4.setTtl(-1));
            // outside 0..255: refused in Java, as setOption refuses IP_MULTICAST_TTL 256
            assertThrows(IllegalArgumentException.class, () -> v4.setTtl(256));
            assertNull(v4.takeError());
        }
    }

    @Test
    void broadcastCanBeSetAndRead() throws Exception {
        try (UdpSocket socket = bindV4()) {
            assertFalse(socket.broadcast());
            socket.setBroadcast(true);
            assertTrue(socket.broadcast());
            assertTrue(socket.getOption(StandardSocketOptions.SO_BROADCAST));
            socket.setBroadcast(false);
            assertFalse(socket.broadcast());
            assertNull(socket.takeError());
        }
    }

    @LinuxOnly
    @Test
    void multicastOptionsCanBeSetAndRead() throws Exception {
        try (UdpSocket v4 = bindV4(); UdpSocket v6 = bindV6()) {
            v4.multicastLoopV4();
            v4.setMulticastLoopV4(true);
            assertTrue(v4.multicastLoopV4());
            v4.setMulticastLoopV4(false);
            assertFalse(v4.multicastLoopV4());
            assertEquals(1, v4.multicastTtlV4());
            v4.setMulticastTtlV4(10);
            assertEquals(10, v4.multicastTtlV4());
            assertEquals(10, v4.getOption(StandardSocketOptions.IP_MULTICAST_TTL));
            assertThrows(IllegalArgumentException.class, () -> v4.setMulticastTtlV4(-1));

            v6.multicastLoopV6();
            v6.setMulticastLoopV6(true);
            assertTrue(v6.multicastLoopV6());
            v6.setMulticastLoopV6(false);
            assertFalse(v6.multicastLoopV6());
            assertFalse(v6.getOption(StandardSocketOptions.IP_MULTICAST_LOOP));
            assertNull(v4.takeError());
            assertNull(v6.takeError());
        }
    }

    @LinuxOnly
    @Test
    void onlyV6IsReadFromIpv6Sockets() throws Exception {
        boolean systemDefault = java.nio.file.Files.readString(
                java.nio.file.Path.of("/proc/sys/net/ipv6/bindv6only")).trim().equals("1");
        try (UdpSocket wildcard = UdpSocket.bind(new InetSocketAddress(InetAddress.getByName("::"), 0));
             UdpSocket loopback = bindV6(); UdpSocket v4 = bindV4()) {
            assertEquals(systemDefault, wildcard.onlyV6());
            assertTrue(loopback.onlyV6());   // Linux makes a socket bound to ::1 IPv6-only
            assertThrows(IOException.class, v4::onlyV6);
        }
    }

    @LinuxOnly
    @Test
    void socketOptionsRoundTripAndOthersAreUnsupported() throws Exception {
        try (UdpSocket socket = bindV4()) {
            socket.setOption(StandardSocketOptions.IP_TOS, 0x10);
            assertEquals(0x10, socket.getOption(StandardSocketOptions.IP_TOS));
            socket.setOption(StandardSocketOptions.SO_SNDBUF, 64 * 1024);
            assertTrue(socket.getOption(StandardSocketOptions.SO_SNDBUF) >= 64 * 1024);
            socket.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            assertTrue(socket.getOption(StandardSocketOptions.SO_REUSEADDR));
            assertNull(socket.getOption(StandardSocketOptions.IP_MULTICAST_IF));
            assertThrows(UnsupportedOperationException.class,
                    () -> socket.setOption(StandardSocketOptions.TCP_NODELAY, true));
            assertThrows(UnsupportedOperationException.class,
                    () -> socket.getOption(StandardSocketOptions.SO_LINGER));
            assertThrows(IllegalArgumentException.class,
                    () -> socket.setOption(StandardSocketOptions.IP_MULTICAST_TTL, -1));
            assertThrows(NullPointerException.class, () -> socket.setOption(StandardSocketOptions.IP_TOS, null));
        }
    }

    @LinuxOnly
    @Test
    void portUnreachableIsReportedByTheNextReceive() throws Exception {
        try (UdpSocket socket = bindV4()) {
            socket.connect(closedPort());
            poll.registry().register(socket, Token.of(1), Interest.READABLE);
            send(socket, DATA1);
            io.mio4j.Expect.await(poll, events, 1, Event::isError);
            io.mio4j.TestPoller.assumeSocketErrorsSurvivePolling();
            assertThrows(PortUnreachableException.class, () -> socket.receive(ByteBuffer.allocate(8)));
            // Reported once: then the socket is quiet again.
            assertEquals(-1, socket.receive(ByteBuffer.allocate(8)));
        }
    }

    @LinuxOnly
    @Test
    void portUnreachableIsReportedByTakeError() throws Exception {
        try (UdpSocket socket = bindV4()) {
            socket.connect(closedPort());
            poll.registry().register(socket, Token.of(1), Interest.READABLE);
            send(socket, DATA1);
            io.mio4j.Expect.await(poll, events, 1, Event::isError);
            io.mio4j.TestPoller.assumeSocketErrorsSurvivePolling();
            assertInstanceOf(PortUnreachableException.class, socket.takeError());
            assertNull(socket.takeError());
        }
    }

    /** A loopback port on which nothing listens (bound a moment ago, then closed). */
    private static InetSocketAddress closedPort() throws IOException {
        try (UdpSocket probe = bindV4()) {
            return probe.localAddress();
        }
    }
}
