package io.mio4j;

import io.mio4j.net.TcpListener;
import io.mio4j.net.TcpStream;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Edge-triggered readiness as mio defines it on epoll, seen through TCP: one event per
 * edge, the next after would-block, and how hang-ups and errors map to the flags.
 */
class EdgeTriggeredTest {
    private static final Token SERVER = Token.of(1);
    private static final Token CLIENT = Token.of(2);

    private static ByteBuffer bytes(int n) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(n);
        for (int i = 0; i < n; i++) {
            buffer.put(i, (byte) i);
        }
        return buffer;
    }

    @Test
    void readinessIsReportedOncePerEdge() throws IOException {
        try (Poll poll = Poll.open(); Polling.Pair pair = Polling.Pair.connect()) {
            Events events = Events.withCapacity(8);
            poll.registry().register(pair.server(), SERVER, Interest.READABLE);
            assertEquals(8, pair.client().write(bytes(8)));
            Expect.await(poll, events, SERVER, Event::isReadable, "readable");
            // Still readable, but no new edge: no new event.
            Expect.noEvents(poll, events);
            // Reading some but not all is not would-block: still no event.
            ByteBuffer some = ByteBuffer.allocateDirect(3);
            assertEquals(3, pair.server().read(some));
            Expect.noEvents(poll, events);
        }
    }

    @Test
    void afterWouldBlockNewDataIsANewEvent() throws IOException {
        try (Poll poll = Poll.open(); Polling.Pair pair = Polling.Pair.connect()) {
            Events events = Events.withCapacity(8);
            poll.registry().register(pair.server(), SERVER, Interest.READABLE);
            ByteBuffer in = ByteBuffer.allocateDirect(64);
            for (int round = 0; round < 3; round++) {
                assertEquals(8, pair.client().write(bytes(8)));
                Expect.await(poll, events, SERVER, Event::isReadable, "readable, round " + round);
                in.clear();
                assertEquals(8, pair.server().read(in));
                assertEquals(0, pair.server().read(in), "would block");
                Expect.noEvents(poll, events);
            }
        }
    }

    @Test
    void writableAgainOnceTheFullSendBufferDrains() throws IOException {
        try (Poll poll = Poll.open(); Polling.Pair pair = Polling.Pair.connect()) {
            Events events = Events.withCapacity(8);
            poll.registry().register(pair.client(), CLIENT, Interest.WRITABLE);
            Expect.await(poll, events, CLIENT, Event::isWritable, "writable");
            ByteBuffer chunk = bytes(64 * 1024);
            long written = 0;
            int n;
            do {
                chunk.clear();
                n = pair.client().write(chunk);
                written += n;
            } while (n > 0);
            assertTrue(written > 0);
            Expect.noEvents(poll, events);

            ByteBuffer in = ByteBuffer.allocateDirect(64 * 1024);
            long read = 0;
            long deadline = System.nanoTime() + Expect.BOUND.toNanos();
            while (read < written) {
                assertTrue(System.nanoTime() < deadline, "read only " + read + " of " + written);
                in.clear();
                int r = pair.server().read(in);
                read += r;
                if (r == 0) {
                    poll.poll(events, Duration.ofMillis(10));   // let the rest arrive
                }
            }
            Expect.await(poll, events, CLIENT, Event::isWritable, "writable after draining");
        }
    }

    @Test
    void peerShutdownOfItsOutputIsReadableAndReadClosed() throws IOException {
        try (Poll poll = Poll.open(); Polling.Pair pair = Polling.Pair.connect()) {
            Events events = Events.withCapacity(8);
            poll.registry().register(pair.server(), SERVER, Interest.READABLE);
            pair.client().shutdownOutput();
            Expect.await(poll, events, SERVER, e -> e.isReadable() && e.isReadClosed(), "readable + read closed");
            Event event = find(events, SERVER);
            assertFalse(event.isWriteClosed(), event::toString);
            assertFalse(event.isError(), event::toString);
            assertEquals(-1, pair.server().read(ByteBuffer.allocateDirect(8)));
        }
    }

    @Test
    void bothHalvesClosedIsReadClosedAndWriteClosed() throws IOException {
        try (Poll poll = Poll.open(); Polling.Pair pair = Polling.Pair.connect()) {
            Events events = Events.withCapacity(8);
            poll.registry().register(pair.server(), SERVER, Interest.READABLE.add(Interest.WRITABLE));
            Expect.await(poll, events, SERVER, Event::isWritable, "writable");
            pair.server().shutdownOutput();
            pair.client().close();
            Expect.awaitJoined(poll, events, SERVER, e -> e.readClosed && e.writeClosed,
                    "read closed + write closed (epoll: EPOLLHUP; kqueue: EV_EOF on both filters)");
        }
    }

    @Test
    void aResetConnectionIsAnError() throws IOException {
        try (Poll poll = Poll.open(); Polling.Pair pair = Polling.Pair.connect()) {
            Events events = Events.withCapacity(8);
            // Both filters: kqueue reports write-closed only on EVFILT_WRITE.
            poll.registry().register(pair.client(), CLIENT, Interest.READABLE.add(Interest.WRITABLE));
            assertEquals(8, pair.client().write(bytes(8)));
            // Closing a socket with unread data sends a reset instead of a FIN.
            awaitReadable(pair.server());
            pair.server().close();
            Expect.awaitJoined(poll, events, CLIENT, e -> e.error && e.readClosed && e.writeClosed,
                    "error + read closed + write closed");
            TestPoller.assumeSocketErrorsSurvivePolling();
            IOException error = pair.client().takeError();
            assertNotNull(error);
            assertTrue(error.getMessage().startsWith("SO_ERROR: "), error.getMessage());
        }
    }

    @Test
    void aRefusedConnectIsWritableWithAnError() throws IOException {
        try (Poll poll = Poll.open(); TcpStream stream = TcpStream.connect(addressNobodyListensOn())) {
            Events events = Events.withCapacity(8);
            poll.registry().register(stream, CLIENT, Interest.WRITABLE);
            Expect.await(poll, events, CLIENT, e -> e.isWritable() && e.isWriteClosed(), "writable + write closed");
            // libkqueue puts the error in the fflags of an EVFILT_READ event only.
            TestPoller.assumeSocketErrorsSurvivePolling();
            assertTrue(find(events, CLIENT).isError());
            assertTrue(stream.takeError() instanceof ConnectException);
        }
    }

    @Test
    void aListenerHasOneEventPerBurstOfConnections() throws IOException {
        try (Poll poll = Poll.open(); TcpListener listener = TcpListener.bind(Expect.anyLocalV4())) {
            Events events = Events.withCapacity(8);
            poll.registry().register(listener, SERVER, Interest.READABLE);
            try (TcpStream a = TcpStream.connect(listener.localAddress())) {
                Expect.await(poll, events, SERVER, Event::isReadable, "readable");
                TcpStream accepted = listener.accept();
                assertNotNull(accepted);
                accepted.close();
                Expect.noEvents(poll, events);
                try (TcpStream b = TcpStream.connect(listener.localAddress())) {
                    // No would-block yet, but a new connection is a new edge on Linux.
                    Expect.await(poll, events, SERVER, Event::isReadable, "readable again");
                    TcpStream second = listener.accept();
                    assertNotNull(second);
                    second.close();
                    assertEquals(null, listener.accept());
                }
            }
        }
    }

    private static void awaitReadable(TcpStream stream) throws IOException {
        try (Poll poll = Poll.open()) {
            poll.registry().register(stream, Token.of(99), Interest.READABLE);
            Expect.await(poll, Events.withCapacity(2), Token.of(99), Event::isReadable, "readable");
        }
    }

    private static Event find(Events events, Token token) {
        for (Event event : events) {
            if (event.token().equals(token)) {
                return event;
            }
        }
        throw new AssertionError("no event for " + token + " in " + events);
    }

    /** A loopback address nobody listens on: a listener's port, once closed. */
    private static InetSocketAddress addressNobodyListensOn() throws IOException {
        try (TcpListener listener = TcpListener.bind(Expect.anyLocalV4())) {
            return listener.localAddress();
        }
    }
}
