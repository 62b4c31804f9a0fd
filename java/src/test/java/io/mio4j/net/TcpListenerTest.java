package io.mio4j.net;

import io.mio4j.Descriptors;
import io.mio4j.LinuxOnly;
import io.mio4j.Events;
import io.mio4j.Expect;
import io.mio4j.Interest;
import io.mio4j.Poll;
import io.mio4j.Token;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;

import static io.mio4j.Expect.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** mio's tests/tcp_listener.rs in our words, plus misuse. */
class TcpListenerTest {
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

    private static Socket connectBlocking(InetSocketAddress address) throws IOException {
        return new Socket(address.getAddress(), address.getPort());
    }

    private static void assertAcceptedFrom(TcpListener listener, TcpStream stream, Socket peer) throws IOException {
        assertNotNull(stream);
        assertTrue(stream.peerAddress().getAddress().isLoopbackAddress());
        assertEquals(peer.getLocalSocketAddress(), stream.peerAddress());
        assertEquals(listener.localAddress(), stream.localAddress());
    }

    @LinuxOnly
    @ParameterizedTest(name = "ipv6={0}")
    @ValueSource(booleans = {false, true})
    void smokeTest(boolean v6) throws Exception {
        try (TcpListener listener = TcpListener.bind(v6 ? Loopback.v6() : Loopback.v4())) {
            InetSocketAddress address = listener.localAddress();
            assertTrue(address.getPort() > 0);
            Descriptors.assertNonBlockingAndCloseOnExec(listener.fd());
            poll.registry().register(listener, Token.of(1), Interest.READABLE);
            try (Socket peer = connectBlocking(address)) {
                Expect.events(poll, events, event(1, Interest.READABLE));
                try (TcpStream stream = listener.accept()) {
                    assertAcceptedFrom(listener, stream, peer);
                    Descriptors.assertNonBlockingAndCloseOnExec(stream.fd());
                    assertEquals(0, stream.read(ByteBuffer.allocate(20)), "accepted streams do not block");
                }
                assertNull(listener.accept());
                assertNull(listener.takeError());
            }
        }
    }

    @Test
    void ttlRoundTrips() throws Exception {
        try (TcpListener listener = TcpListener.bind(Loopback.v4())) {
            assertTrue(listener.ttl() > 0, "a default without a previous set");
            listener.setTtl(10);
            assertEquals(10, listener.ttl());
            assertNull(listener.takeError());
        }
    }

    @Test
    void ipv6TtlIsTheUnicastHopLimit() throws Exception {
        try (TcpListener listener = TcpListener.bind(Loopback.v6())) {
            listener.setTtl(33);
            assertEquals(33, listener.ttl());
        }
    }

    @LinuxOnly
    @Test
    void fdIsTheDescriptorUntilClose() throws Exception {
        TcpListener listener = TcpListener.bind(Loopback.v4());
        assertTrue(listener.fd() >= 0);
        listener.close();
        assertEquals(-1, listener.fd());
        assertFalse(listener.isOpen());
        listener.close();
    }

    @Test
    void registeringGivesNoEventWithoutConnections() throws Exception {
        try (TcpListener listener = TcpListener.bind(Loopback.v4())) {
            poll.registry().register(listener, Token.of(1), Interest.READABLE);
            Expect.noEvents(poll, events);
        }
    }

    @Test
    void reregisteringChangesTheToken() throws Exception {
        try (TcpListener listener = TcpListener.bind(Loopback.v4())) {
            poll.registry().register(listener, Token.of(1), Interest.READABLE);
            poll.registry().reregister(listener, Token.of(2), Interest.READABLE);
            try (Socket peer = connectBlocking(listener.localAddress())) {
                Expect.events(poll, events, event(2, Interest.READABLE));
                try (TcpStream stream = listener.accept()) {
                    assertAcceptedFrom(listener, stream, peer);
                }
                assertNull(listener.accept());
                assertNull(listener.takeError());
            }
        }
    }

    @Test
    void deregisteredListenerStillAccepts() throws Exception {
        try (TcpListener listener = TcpListener.bind(Loopback.v4())) {
            poll.registry().register(listener, Token.of(1), Interest.READABLE);
            try (Socket peer = connectBlocking(listener.localAddress())) {
                poll.registry().deregister(listener);
                Expect.noEvents(poll, events);
                try (TcpStream stream = Loopback.acceptWithin(listener)) {
                    assertAcceptedFrom(listener, stream, peer);
                }
                assertNull(listener.accept());
            }
        }
    }

    @Test
    void eachNewConnectionIsANewEvent() throws Exception {
        try (TcpListener listener = TcpListener.bind(Loopback.v4())) {
            poll.registry().register(listener, Token.of(1), Interest.READABLE);
            try (Socket first = connectBlocking(listener.localAddress())) {
                Expect.events(poll, events, event(1, Interest.READABLE));
                try (TcpStream stream = listener.accept()) {
                    assertAcceptedFrom(listener, stream, first);
                }
                assertNull(listener.accept());
                try (Socket second = connectBlocking(listener.localAddress())) {
                    Expect.events(poll, events, event(1, Interest.READABLE));
                    try (TcpStream stream = listener.accept()) {
                        assertAcceptedFrom(listener, stream, second);
                    }
                    Expect.noEvents(poll, events);
                }
            }
        }
    }

    @Test
    void listenerOptions() throws Exception {
        try (TcpListener listener = TcpListener.bind(Loopback.v4())) {
            assertTrue(listener.getOption(StandardSocketOptions.SO_REUSEADDR), "bind sets SO_REUSEADDR");
            listener.setOption(StandardSocketOptions.SO_RCVBUF, 64 * 1024);
            assertTrue(listener.getOption(StandardSocketOptions.SO_RCVBUF) >= 64 * 1024);
            assertThrows(UnsupportedOperationException.class,
                    () -> listener.getOption(StandardSocketOptions.SO_KEEPALIVE));
            assertThrows(IllegalArgumentException.class,
                    () -> listener.setOption(StandardSocketOptions.SO_RCVBUF, -1));
        }
    }

    @Test
    void closedListenerThrowsClosedChannelException() throws Exception {
        TcpListener listener = TcpListener.bind(Loopback.v4());
        listener.close();
        assertThrows(ClosedChannelException.class, listener::accept);
        assertThrows(ClosedChannelException.class, listener::localAddress);
        assertThrows(ClosedChannelException.class, listener::ttl);
        assertThrows(ClosedChannelException.class, listener::takeError);
    }

    @Test
    void bindRejectsNull() {
        assertThrows(NullPointerException.class, () -> TcpListener.bind(null));
    }
}
