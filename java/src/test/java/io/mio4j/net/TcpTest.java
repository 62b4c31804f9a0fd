package io.mio4j.net;

import io.mio4j.LinuxOnly;
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
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.mio4j.Expect.event;
import static io.mio4j.Expect.await;
import static io.mio4j.net.Loopback.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** mio's tests/tcp.rs, in our words. */
class TcpTest {
    private static final int BULK = 4 * 1024 * 1024;

    private Poll poll;
    private final Events events = Events.withCapacity(128);

    @BeforeEach
    void openPoll() throws IOException {
        poll = Poll.open();
    }

    @AfterEach
    void closePoll() throws IOException {
        poll.close();
    }

    /** A blocking JDK listener whose one accepted socket is handed to the test's task. */
    private static CompletableFuture<Void> serveOne(ServerSocket server, SocketTask task) {
        return CompletableFuture.runAsync(() -> {
            try (Socket socket = server.accept()) {
                task.run(socket);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
    }

    private interface SocketTask {
        void run(Socket socket) throws Exception;
    }

    private static ServerSocket jdkListener() throws IOException {
        ServerSocket server = new ServerSocket();
        server.bind(Loopback.v4());
        return server;
    }

    @Test
    void acceptReportsReadableThenReturnsNullWhenNoneIsLeft() throws Exception {
        try (TcpListener listener = TcpListener.bind(Loopback.v4())) {
            poll.registry().register(listener, Token.of(1), Interest.READABLE);
            try (Socket client = new Socket(listener.localAddress().getAddress(), listener.localAddress().getPort())) {
                Expect.events(poll, events, event(1, Interest.READABLE));
                try (TcpStream accepted = listener.accept()) {
                    assertNotNull(accepted);
                    assertEquals(client.getLocalSocketAddress(), accepted.peerAddress());
                }
                assertNull(listener.accept());
            }
        }
    }

    @Test
    void connectReportsWritableThenReadableWhenPeerCloses() throws Exception {
        CountDownLatch closePeer = new CountDownLatch(1);
        try (ServerSocket server = jdkListener()) {
            CompletableFuture<Void> peer = serveOne(server, s -> closePeer.await(5, TimeUnit.SECONDS));
            try (TcpStream stream = TcpStream.connect((java.net.InetSocketAddress) server.getLocalSocketAddress())) {
                poll.registry().register(stream, Token.of(1), Interest.READABLE.add(Interest.WRITABLE));
                await(poll, events, 1, Event::isWritable);
                closePeer.countDown();
                peer.get(5, TimeUnit.SECONDS);
                await(poll, events, 1, Event::isReadable);
                assertEquals(-1, stream.read(ByteBuffer.allocate(1)));
            }
        }
    }

    @Test
    void readsEverythingThePeerWrites() throws Exception {
        try (ServerSocket server = jdkListener()) {
            CompletableFuture<Void> peer = serveOne(server, s -> {
                OutputStream out = s.getOutputStream();
                byte[] chunk = new byte[1024];
                for (int sent = 0; sent < BULK; sent += chunk.length) {
                    out.write(chunk);
                }
            });
            try (TcpStream stream = TcpStream.connect((java.net.InetSocketAddress) server.getLocalSocketAddress())) {
                poll.registry().register(stream, Token.of(1), Interest.READABLE);
                ByteBuffer buffer = ByteBuffer.allocate(1024);
                long total = 0;
                while (total < BULK) {
                    await(poll, events, 1, Event::isReadable);
                    int n;
                    while ((n = stream.read(buffer.clear())) > 0) {
                        total += n;
                    }
                    assertTrue(n == 0 || total == BULK, "unexpected end of stream at " + total);
                }
                assertEquals(BULK, total);
            }
            peer.get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void peekLeavesDataForTheNextRead() throws Exception {
        try (ServerSocket server = jdkListener()) {
            CompletableFuture<Void> peer = serveOne(server, s -> {
                OutputStream out = s.getOutputStream();
                byte[] chunk = new byte[1024];
                for (int sent = 0; sent < BULK; sent += chunk.length) {
                    out.write(chunk);
                }
            });
            try (TcpStream stream = TcpStream.connect((java.net.InetSocketAddress) server.getLocalSocketAddress())) {
                poll.registry().register(stream, Token.of(1), Interest.READABLE);
                ByteBuffer peeked = ByteBuffer.allocate(1024);
                ByteBuffer buffer = ByteBuffer.allocate(1024);
                long total = 0;
                while (total < BULK) {
                    await(poll, events, 1, Event::isReadable);
                    if (stream.peek(peeked.clear()) == 0) {
                        continue;
                    }
                    int n;
                    while ((n = stream.read(buffer.clear())) > 0) {
                        total += n;
                    }
                }
                assertEquals(BULK, total);
            }
            peer.get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void writesUntilThePeerHasReadEverything() throws Exception {
        try (ServerSocket server = jdkListener()) {
            CompletableFuture<Void> peer = serveOne(server, s -> {
                InputStream in = s.getInputStream();
                byte[] chunk = new byte[1024];
                long got = 0;
                while (got < BULK) {
                    int n = in.read(chunk);
                    if (n < 0) {
                        throw new IOException("early end of stream at " + got);
                    }
                    got += n;
                }
            });
            try (TcpStream stream = TcpStream.connect((java.net.InetSocketAddress) server.getLocalSocketAddress())) {
                poll.registry().register(stream, Token.of(1), Interest.WRITABLE);
                ByteBuffer chunk = ByteBuffer.allocateDirect(1024);
                long total = 0;
                while (total < BULK) {
                    await(poll, events, 1, Event::isWritable);
                    int n;
                    while (total < BULK && (n = stream.write(chunk.clear())) > 0) {
                        total += n;
                    }
                }
            }
            peer.get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void connectThenCloseTheAcceptedEndMakesTheClientReadable() throws Exception {
        try (TcpListener listener = TcpListener.bind(Loopback.v4());
             TcpStream client = TcpStream.connect(listener.localAddress())) {
            poll.registry().register(listener, Token.of(1), Interest.READABLE);
            poll.registry().register(client, Token.of(2), Interest.READABLE);
            await(poll, events, 1, Event::isReadable);
            TcpStream accepted = listener.accept();
            poll.registry().register(accepted, Token.of(3), Interest.READABLE.add(Interest.WRITABLE));
            accepted.close();
            await(poll, events, 2, Event::isReadable);
        }
    }

    @Test
    void closedListenerGivesNoEvents() throws Exception {
        TcpListener listener = TcpListener.bind(Loopback.v4());
        poll.registry().register(listener, Token.of(1), Interest.READABLE);
        listener.close();
        poll.poll(events, Duration.ofMillis(100));
        for (Event event : events) {
            assertFalse(event.token().equals(Token.of(1)), "event on a closed listener");
        }
    }

    @Test
    void bindingAnAddressInUseIsABindException() throws Exception {
        try (TcpListener first = TcpListener.bind(Loopback.v4())) {
            BindException e = assertThrows(BindException.class, () -> TcpListener.bind(first.localAddress()));
            assertTrue(e.getMessage().startsWith("bind: "), e.getMessage());
        }
    }

    @Test
    void severalWritesSucceedAtOnceOnceConnected() throws Exception {
        int writes = 16;
        try (ServerSocket server = jdkListener()) {
            CompletableFuture<Void> peer = serveOne(server, s -> {
                InputStream in = s.getInputStream();
                byte[] chunk = new byte[1024];
                int got = 0;
                while (got < writes * 1024) {
                    int n = in.read(chunk);
                    for (int i = 0; i < n; i++) {
                        assertEquals(1, chunk[i]);
                    }
                    got += n;
                }
            });
            try (TcpStream stream = TcpStream.connect((java.net.InetSocketAddress) server.getLocalSocketAddress())) {
                poll.registry().register(stream, Token.of(1), Interest.WRITABLE);
                await(poll, events, 1, Event::isWritable);
                byte[] ones = new byte[1024];
                java.util.Arrays.fill(ones, (byte) 1);
                for (int i = 0; i < writes; i++) {
                    Loopback.writeAll(stream, ByteBuffer.wrap(ones));
                }
            }
            peer.get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void peerResetMakesTheServerReadableWithErrorOrEndOfStream() throws Exception {
        try (TcpListener listener = TcpListener.bind(Loopback.v4())) {
            TcpSocket socket = TcpSocket.openV4();
            socket.setLinger(Duration.ZERO);
            TcpStream client = socket.connect(listener.localAddress());
            poll.registry().register(listener, Token.of(0), Interest.READABLE);
            poll.registry().register(client, Token.of(1), Interest.READABLE.add(Interest.WRITABLE));
            Expect.events(poll, events, event(0, Interest.READABLE), event(1, Interest.WRITABLE));
            try (TcpStream server = listener.accept()) {
                client.close();   // linger 0: a reset, not a graceful close
                poll.registry().register(server, Token.of(3), Interest.READABLE);
                await(poll, events, 3, Event::isReadable);
                try {
                    assertEquals(-1, server.read(ByteBuffer.allocate(16)));
                } catch (IOException expected) {
                    assertTrue(expected.getMessage().startsWith("recv: "), expected.getMessage());
                }
            }
        }
    }

    @LinuxOnly
    @Test
    void refusedConnectIsAConnectExceptionFromTakeErrorOrConnect() throws Exception {
        java.net.InetSocketAddress closed;
        try (TcpListener listener = TcpListener.bind(Loopback.v4())) {
            closed = listener.localAddress();   // nobody listens there once closed
        }
        TcpStream stream;
        try {
            stream = TcpStream.connect(closed);
        } catch (ConnectException refusedAtOnce) {
            assertTrue(refusedAtOnce.getMessage().startsWith("connect: "));
            return;
        }
        try (stream) {
            poll.registry().register(stream, Token.of(0), Interest.WRITABLE);
            await(poll, events, 0, Event::isWritable);
            io.mio4j.TestPoller.assumeSocketErrorsSurvivePolling();
            IOException error = stream.takeError();
            assertInstanceOf(ConnectException.class, error);
            assertTrue(error.getMessage().contains("Connection refused"), error.getMessage());
            assertNull(stream.takeError(), "taking the error clears it");
            assertNull(stream.peerAddress());
        }
    }

    @Test
    void writingToAClosedPeerEventuallyFailsWithoutSigpipe() throws Exception {
        CountDownLatch closePeer = new CountDownLatch(1);
        try (ServerSocket server = jdkListener()) {
            CompletableFuture<Void> peer = serveOne(server, s -> closePeer.await(5, TimeUnit.SECONDS));
            try (TcpStream stream = TcpStream.connect((java.net.InetSocketAddress) server.getLocalSocketAddress())) {
                poll.registry().register(stream, Token.of(0), Interest.READABLE.add(Interest.WRITABLE));
                await(poll, events, 0, Event::isWritable);
                closePeer.countDown();
                peer.get(5, TimeUnit.SECONDS);
                ByteBuffer chunk = ByteBuffer.allocate(1024);
                long deadline = System.nanoTime() + Expect.BOUND.toNanos();
                while (true) {
                    assertTrue(System.nanoTime() < deadline, "writes kept succeeding");
                    try {
                        if (stream.write(chunk.clear()) == 0) {
                            await(poll, events, 0, Event::isWritable);
                        }
                    } catch (IOException expected) {
                        assertTrue(expected.getMessage().startsWith("send: "), expected.getMessage());
                        break;
                    }
                }
            }
        }
    }

    @Test
    void peerShutdownOutputIsReadClosed() throws Exception {
        try (ServerSocket server = jdkListener();
             TcpStream client = TcpStream.connect((java.net.InetSocketAddress) server.getLocalSocketAddress())) {
            poll.registry().register(client, Token.of(0), Interest.READABLE.add(Interest.WRITABLE));
            try (Socket accepted = server.accept()) {
                await(poll, events, 0, e -> {
                    assertFalse(e.isReadClosed() || e.isWriteClosed());
                    return e.isWritable();
                });
                Expect.noEvents(poll, events);
                accepted.shutdownOutput();
                await(poll, events, 0, e -> {
                    assertTrue(e.isReadClosed());
                    return e.isReadable();
                });
            }
        }
    }

    @Test
    void addressesAreKnownOnceReady() throws Exception {
        try (TcpListener listener = TcpListener.bind(Loopback.v4());
             TcpStream client = TcpStream.connect(listener.localAddress())) {
            poll.registry().register(listener, Token.of(0), Interest.READABLE);
            poll.registry().register(client, Token.of(1), Interest.READABLE);
            await(poll, events, 0, Event::isReadable);
            try (TcpStream accepted = listener.accept()) {
                poll.registry().register(accepted, Token.of(2), Interest.WRITABLE);
                await(poll, events, 2, Event::isWritable);
                assertEquals(client.localAddress(), accepted.peerAddress());
                assertEquals(listener.localAddress(), accepted.localAddress());
                assertEquals(3, accepted.write(bytes(1, 2, 3)));
            }
            await(poll, events, 1, Event::isReadable);
            assertEquals(listener.localAddress(), client.peerAddress());
            assertNotNull(client.localAddress());
        }
    }

    @Test
    void dataWrittenBeforeCloseIsStillRead() throws Exception {
        writeThenLetGo(true);
    }

    @Test
    void dataWrittenBeforeDeregisterIsRead() throws Exception {
        writeThenLetGo(false);
    }

    private void writeThenLetGo(boolean close) throws Exception {
        try (TcpListener listener = TcpListener.bind(Loopback.v4());
             TcpStream client = TcpStream.connect(listener.localAddress())) {
            poll.registry().register(listener, Token.of(1), Interest.READABLE);
            poll.registry().register(client, Token.of(3), Interest.READABLE);
            pollOnce(1);
            TcpStream accepted = listener.accept();
            try {
                poll.registry().register(accepted, Token.of(2), Interest.WRITABLE);
                pollOnce(2);
                Loopback.writeAll(accepted, bytes(1, 2, 3, 4));
                if (close) {
                    accepted.close();
                } else {
                    poll.registry().deregister(accepted);
                }
                poll.registry().reregister(client, Token.of(3), Interest.READABLE);
                pollOnce(3);
                ByteBuffer buffer = ByteBuffer.allocate(10);
                assertEquals(4, client.read(buffer));
                assertEquals(bytes(1, 2, 3, 4), buffer.flip());
            } finally {
                accepted.close();
            }
        }
    }

    /** Polls until something arrives and asserts it is exactly one event with this token. */
    private void pollOnce(long token) throws IOException {
        long deadline = System.nanoTime() + Expect.BOUND.toNanos();
        do {
            if (System.nanoTime() > deadline) {
                fail("no event");
            }
            poll.poll(events, Expect.BOUND);
        } while (events.isEmpty());
        assertEquals(1, events.size(), events::toString);
        assertEquals(Token.of(token), events.get(0).token());
    }

    @Test
    void noEventsAfterDeregisterButDataStillFlows() throws Exception {
        try (TcpListener listener = TcpListener.bind(Loopback.v4());
             TcpStream stream = TcpStream.connect(listener.localAddress())) {
            poll.registry().register(listener, Token.of(1), Interest.READABLE);
            poll.registry().register(stream, Token.of(3), Interest.READABLE);
            Expect.events(poll, events, event(1, Interest.READABLE));
            try (TcpStream stream2 = listener.accept()) {
                assertTrue(stream2.peerAddress().getAddress().isLoopbackAddress());
                assertEquals(listener.localAddress(), stream2.localAddress());
                poll.registry().register(stream2, Token.of(2), Interest.WRITABLE);
                Expect.events(poll, events, event(2, Interest.WRITABLE));
                Loopback.writeAll(stream2, bytes(1, 2, 3, 4));
                Expect.events(poll, events, event(3, Interest.READABLE));

                poll.registry().deregister(listener);
                poll.registry().deregister(stream);
                poll.registry().deregister(stream2);
                Expect.noEvents(poll, events);

                assertEquals(bytes(1, 2, 3, 4), Loopback.readExactly(stream, 4));
                assertEquals(4, stream2.write(bytes(1, 2, 3, 4)));
                Expect.noEvents(poll, events);
                assertEquals(bytes(1, 2, 3, 4), Loopback.readExactly(stream, 4));
                Expect.noEvents(poll, events);
            }
        }
    }
}
