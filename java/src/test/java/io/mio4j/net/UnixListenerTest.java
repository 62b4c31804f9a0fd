package io.mio4j.net;

import io.mio4j.UnixOnly;
import io.mio4j.Descriptors;
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
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CyclicBarrier;

import static io.mio4j.Expect.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@UnixOnly
class UnixListenerTest {
    private Poll poll;
    private final Events events = Events.withCapacity(16);
    private Path dir;
    private Thread connector;
    private final CyclicBarrier barrier = new CyclicBarrier(2);

    @BeforeEach
    void setUp() throws IOException {
        poll = Poll.open();
        dir = Descriptors.socketDirectory();
    }

    @AfterEach
    void tearDown() throws Exception {
        poll.close();
        if (connector != null) {
            connector.join(Expect.BOUND.toMillis());
            assertFalse(connector.isAlive(), "the connecting thread did not finish");
        }
        Descriptors.deleteDirectory(dir);
    }

    /** Connects once from another thread (blocking JDK channel), then waits on the barrier and closes. */
    private void connectFromAnotherThread(Path path) {
        connector = new Thread(() -> {
            try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                channel.connect(UnixDomainSocketAddress.of(path));
                barrier.await();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        connector.start();
    }

    @Test
    void listenerAcceptsAPendingConnection() throws Exception {
        Path path = dir.resolve("l");
        try (UnixListener listener = UnixListener.bind(path)) {
            Descriptors.assertNonBlockingAndCloseOnExec(listener.fd());
            poll.registry().register(listener, Token.of(1), Interest.READABLE.add(Interest.WRITABLE));
            Expect.noEvents(poll, events);
            connectFromAnotherThread(path);
            Expect.events(poll, events, event(1, Interest.READABLE));
            try (UnixStream stream = listener.accept()) {
                assertNotNull(stream);
                Descriptors.assertNonBlockingAndCloseOnExec(stream.fd());
                assertEquals(0, stream.read(ByteBuffer.allocate(64)));
                assertNull(listener.accept());
                assertNull(listener.takeError());
                barrier.await();
            }
        }
    }

    @Test
    void acceptedStreamIsNamedAfterTheListenerAndItsPeerIsUnnamed() throws Exception {
        Path path = dir.resolve("l");
        try (UnixListener listener = UnixListener.bind(path)) {
            assertEquals(UnixDomainSocketAddress.of(path), listener.localAddress());
            poll.registry().register(listener, Token.of(1), Interest.READABLE.add(Interest.WRITABLE));
            connectFromAnotherThread(path);
            Expect.events(poll, events, event(1, Interest.READABLE));
            try (UnixStream stream = listener.accept()) {
                assertEquals(UnixDomainSocketAddress.of(path), stream.localAddress());
                assertEquals(UnixDomainSocketAddress.of(""), stream.peerAddress());
                barrier.await();
            }
        }
    }

    @Test
    void registeredIdleListenerHasNoEvents() throws Exception {
        try (UnixListener listener = UnixListener.bind(dir.resolve("l"))) {
            poll.registry().register(listener, Token.of(1), Interest.READABLE);
            Expect.noEvents(poll, events);
        }
    }

    @Test
    void listenerReregisteredForReadableSeesAPendingConnection() throws Exception {
        Path path = dir.resolve("l");
        try (UnixListener listener = UnixListener.bind(path)) {
            poll.registry().register(listener, Token.of(1), Interest.WRITABLE);
            connectFromAnotherThread(path);
            Expect.noEvents(poll, events);
            poll.registry().reregister(listener, Token.of(1), Interest.READABLE);
            Expect.events(poll, events, event(1, Interest.READABLE));
            barrier.await();
        }
    }

    @Test
    void deregisteredListenerHasNoEvents() throws Exception {
        Path path = dir.resolve("l");
        try (UnixListener listener = UnixListener.bind(path)) {
            poll.registry().register(listener, Token.of(1), Interest.READABLE);
            connectFromAnotherThread(path);
            poll.registry().deregister(listener);
            Expect.noEvents(poll, events);
            barrier.await();
        }
    }

    @Test
    void listenerAcceptsItsOwnStreams() throws Exception {
        Path path = dir.resolve("l");
        try (UnixListener listener = UnixListener.bind(path);
             UnixStream client = UnixStream.connect(path)) {
            poll.registry().register(listener, Token.of(1), Interest.READABLE);
            Expect.events(poll, events, event(1, Interest.READABLE));
            try (UnixStream server = listener.accept()) {
                assertEquals(3, client.write(ByteBuffer.wrap(new byte[] {1, 2, 3})));
                poll.registry().register(server, Token.of(2), Interest.READABLE);
                Expect.events(poll, events, event(2, Interest.READABLE));
                assertEquals(3, server.read(ByteBuffer.allocateDirect(8)));
            }
        }
    }

    // Beyond mio's tests: errors and bad input.

    @Test
    void bindingAnExistingPathIsABindException() throws Exception {
        Path path = dir.resolve("l");
        try (UnixListener listener = UnixListener.bind(path)) {
            assertThrows(BindException.class, () -> UnixListener.bind(path));
        }
        // Closing leaves the socket file, as in mio and the JDK.
        assertTrue(Files.exists(path));
        assertThrows(BindException.class, () -> UnixListener.bind(path));
    }

    @Test
    void badPathsAreRejected() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> UnixListener.bind(Path.of("/tmp/" + "y".repeat(110))));
        assertThrows(IllegalArgumentException.class, () -> UnixListener.bind(Path.of("")));
        assertThrows(NullPointerException.class, () -> UnixListener.bind(null));
        IOException e = assertThrows(IOException.class, () -> UnixListener.bind(dir.resolve("no/such/dir")));
        assertTrue(e.getMessage().startsWith("bind: No such file or directory"), e.getMessage());
    }

    @Test
    void closedListenerThrowsClosedChannelException() throws Exception {
        UnixListener listener = UnixListener.bind(dir.resolve("l"));
        poll.registry().register(listener, Token.of(1), Interest.READABLE);
        listener.close();
        listener.close();
        assertEquals(-1, listener.fd());
        assertThrows(ClosedChannelException.class, listener::accept);
        assertThrows(ClosedChannelException.class, listener::localAddress);
        assertThrows(ClosedChannelException.class, () -> poll.registry().register(listener, Token.of(1), Interest.READABLE));
        // Closed: every call but close() and isOpen() is ClosedChannelException (API.md).
        assertThrows(ClosedChannelException.class, () -> poll.registry().reregister(listener, Token.of(1), Interest.READABLE));
    }

    @Test
    void listenerOptionsApplyAndOthersAreUnsupported() throws Exception {
        try (UnixListener listener = UnixListener.bind(dir.resolve("l"))) {
            listener.setOption(StandardSocketOptions.SO_RCVBUF, 64 * 1024);
            assertTrue(listener.getOption(StandardSocketOptions.SO_RCVBUF) >= 64 * 1024);
            assertThrows(UnsupportedOperationException.class,
                    () -> listener.getOption(StandardSocketOptions.SO_REUSEADDR));
            assertThrows(UnsupportedOperationException.class,
                    () -> listener.getOption(StandardSocketOptions.SO_LINGER));
        }
    }
}
