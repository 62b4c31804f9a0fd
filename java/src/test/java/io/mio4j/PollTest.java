package io.mio4j;

import io.mio4j.net.TcpListener;
import io.mio4j.net.TcpStream;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static io.mio4j.Expect.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** mio's tests/poll.rs, and the Poll/Registry rules of API.md that go with it. */
class PollTest {
    private static final Token ID1 = Token.of(1);
    private static final Token ID2 = Token.of(2);
    private static final Token ID3 = Token.of(3);

    @Test
    void pollWithNothingRegisteredReturnsNoEvents() throws IOException {
        try (Poll poll = Poll.open()) {
            Events events = Events.withCapacity(16);
            assertEquals(0, poll.poll(events, Duration.ofMillis(20)));
            assertTrue(events.isEmpty());
        }
    }

    @Test
    void closingARegisteredListenerBeforePollingIsHarmless() throws IOException {
        try (Poll poll = Poll.open()) {
            TcpListener listener = TcpListener.bind(Expect.anyLocalV4());
            poll.registry().register(listener, ID1, Interest.READABLE.add(Interest.WRITABLE));
            listener.close();
            Expect.noEvents(poll, Events.withCapacity(16));
        }
    }

    @Test
    void zeroTimeoutStillAsksTheKernelForEvents() throws IOException {
        try (Poll poll = Poll.open(); TcpListener listener = TcpListener.bind(Expect.anyLocalV4())) {
            Events events = Events.withCapacity(16);
            List<TcpStream> streams = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    TcpStream stream = TcpStream.connect(listener.localAddress());
                    streams.add(stream);
                    poll.registry().register(stream, Token.of(i), Interest.WRITABLE);
                }
                // Only zero-timeout polls: the connections complete without any wait of ours.
                long deadline = System.nanoTime() + Expect.BOUND.toNanos();
                while (poll.poll(events, Duration.ZERO) == 0) {
                    assertTrue(System.nanoTime() < deadline, "zero-timeout polls never saw an event");
                }
                assertFalse(events.isEmpty());
            } finally {
                streams.forEach(TcpStream::close);
            }
        }
    }

    @Test
    void zeroTimeoutReportsAWakeThatHappenedBefore() throws IOException {
        try (Poll poll = Poll.open(); Waker waker = Waker.open(poll.registry(), ID1)) {
            Events events = Events.withCapacity(4);
            waker.wake();
            assertEquals(1, poll.poll(events, Duration.ZERO));
            assertEquals(ID1, events.get(0).token());
        }
    }

    @Test
    void closingAStreamCancelsItsInterestAndTheServerReadsEndOfStream() throws IOException {
        try (Poll poll = Poll.open(); Polling.Pair pair = Polling.Pair.connect()) {
            Events events = Events.withCapacity(16);
            poll.registry().register(pair.client(), ID1, Interest.READABLE.add(Interest.WRITABLE));
            poll.registry().register(pair.server(), ID2, Interest.READABLE);
            Expect.events(poll, events, event(1, Interest.WRITABLE));
            assertEquals(0, pair.client().read(ByteBuffer.allocate(16)), "nothing to read yet");

            pair.client().close();
            Expect.await(poll, events, ID2, Event::isReadable, "readable");
            assertEquals(-1, pair.server().read(ByteBuffer.allocate(16)));
            for (Event e : events) {
                assertFalse(e.token().equals(ID1), "closed stream reported: " + e);
            }
            Expect.noEvents(poll, events);
        }
    }

    @Test
    void aClonedRegistryIsUsableFromOtherThreads() throws Exception {
        try (Poll poll = Poll.open(); TcpListener listener = TcpListener.bind(Expect.anyLocalV4())) {
            Registry registry = poll.registry().tryClone();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            List<TcpStream> streams = new ArrayList<>();
            Thread first = new Thread(() -> run(failure,
                    () -> registry.register(listener, Token.of(0), Interest.READABLE)));
            Thread second = new Thread(() -> run(failure, () -> {
                TcpStream stream = TcpStream.connect(listener.localAddress());
                synchronized (streams) {
                    streams.add(stream);
                }
                registry.register(stream, ID1, Interest.READABLE.add(Interest.WRITABLE));
            }));
            first.start();
            second.start();
            try {
                Polling.join(first);
                Polling.join(second);
                assertNull(failure.get());
                Expect.events(poll, Events.withCapacity(128),
                        event(0, Interest.READABLE), event(1, Interest.WRITABLE));
            } finally {
                streams.forEach(TcpStream::close);
            }
        }
    }

    @Test
    void registryOperationsAreThreadSafe() throws Exception {
        try (Poll poll = Poll.open(); TcpListener listener = TcpListener.bind(Expect.anyLocalV4())) {
            Registry registry = poll.registry().tryClone();
            CyclicBarrier start = new CyclicBarrier(3);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            TcpStream second = TcpStream.connect(listener.localAddress());
            TcpStream third = TcpStream.connect(listener.localAddress());
            try {
                Thread[] threads = {
                    new Thread(() -> run(failure, () -> {
                        start.await(5, TimeUnit.SECONDS);
                        registerDeregisterReregister(registry, listener, ID1, Interest.READABLE, Interest.READABLE);
                    })),
                    new Thread(() -> run(failure, () -> {
                        start.await(5, TimeUnit.SECONDS);
                        registerDeregisterReregister(registry, second, ID2, Interest.WRITABLE,
                                Interest.WRITABLE.add(Interest.READABLE));
                    })),
                    new Thread(() -> run(failure, () -> {
                        start.await(5, TimeUnit.SECONDS);
                        registerDeregisterReregister(registry, third, ID3, Interest.READABLE,
                                Interest.READABLE.add(Interest.WRITABLE));
                    })),
                };
                for (Thread t : threads) {
                    t.start();
                }
                for (Thread t : threads) {
                    Polling.join(t);
                }
                assertNull(failure.get());
                Expect.events(poll, Events.withCapacity(16), event(1, Interest.READABLE),
                        event(2, Interest.WRITABLE), event(3, Interest.WRITABLE));
            } finally {
                second.close();
                third.close();
            }
        }
    }

    /** Every registration operation, ending registered with {@code token} and {@code last}. */
    private static void registerDeregisterReregister(Registry registry, Source source, Token token,
                                                     Interest first, Interest last) throws IOException {
        registry.register(source, token, first);
        registry.deregister(source);
        registry.register(source, token, first);
        registry.reregister(source, token, last);
    }

    @Test
    void aRegistrationMadeWhilePollIsBlockedIsReportedByThatPoll() throws Exception {
        try (Poll poll = Poll.open(); Polling.Pair pair = Polling.Pair.connect()) {
            Registry registry = poll.registry().tryClone();
            Thread poller = Thread.currentThread();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread registrar = new Thread(() -> run(failure, () -> {
                Polling.awaitBlockedInPoll(poller);
                registry.register(pair.client(), ID1, Interest.WRITABLE);
            }));
            registrar.start();
            Events events = Events.withCapacity(16);
            try {
                poll.poll(events, Expect.BOUND);
            } finally {
                Polling.join(registrar);
            }
            assertNull(failure.get());
            assertEquals(1, events.size(), () -> "events: " + events);
            assertEquals(ID1, events.get(0).token());
            assertTrue(events.get(0).isWritable());
        }
    }

    @Test
    void reregisterReplacesBothTokenAndInterests() throws IOException {
        try (Poll poll = Poll.open(); Polling.Pair pair = Polling.Pair.connect()) {
            Registry registry = poll.registry();
            registry.register(pair.client(), ID1, Interest.READABLE);
            registry.reregister(pair.client(), ID1, Interest.READABLE);
            registry.reregister(pair.client(), ID2, Interest.WRITABLE);
            Events events = Events.withCapacity(16);
            Expect.events(poll, events, event(2, Interest.WRITABLE));
            for (Event e : events) {
                assertEquals(ID2, e.token());
            }
        }
    }

    @Test
    void pollKeepsWorkingAfterAReregisterBetweenPolls() throws Exception {
        try (Poll poll = Poll.open(); TcpListener listener = TcpListener.bind(Expect.anyLocalV4())) {
            Events events = Events.withCapacity(16);
            Registry registry = poll.registry().tryClone();
            registry.register(listener, ID1, Interest.READABLE);
            poll.poll(events, Duration.ZERO);
            registry.reregister(listener, ID2, Interest.READABLE);

            TcpStream stream = TcpStream.connect(listener.localAddress());
            try {
                Expect.events(poll, events, event(2, Interest.READABLE));
                TcpStream accepted = listener.accept();
                assertNotNull(accepted);
                accepted.close();
                AtomicReference<Throwable> failure = new AtomicReference<>();
                Thread registrar = new Thread(() -> run(failure,
                        () -> registry.register(stream, ID3, Interest.WRITABLE)));
                registrar.start();
                Polling.join(registrar);
                assertNull(failure.get());
                Expect.events(poll, events, event(3, Interest.WRITABLE));
            } finally {
                stream.close();
            }
        }
    }

    @Test
    void aUserWrittenSourceIsPassedStraightThrough() throws IOException {
        try (Poll poll = Poll.open()) {
            Registry registry = poll.registry();
            RecordingSource source = new RecordingSource();
            registry.register(source, Token.of(0), Interest.READABLE);
            assertEquals(List.of("register " + Token.of(0) + " READABLE"), source.calls);
            assertSame(registry, source.registry);

            registry.reregister(source, Token.of(7), Interest.WRITABLE);
            registry.register(source, Token.of(0), Interest.READABLE);   // no ISE: not ours to police
            registry.deregister(source);
            registry.deregister(source);
            assertEquals(List.of("register " + Token.of(0) + " READABLE",
                    "reregister " + Token.of(7) + " WRITABLE",
                    "register " + Token.of(0) + " READABLE",
                    "deregister", "deregister"), source.calls);
        }
    }

    @Test
    void aUserWrittenSourceGetsWhateverItsOwnCallsThrow() throws IOException {
        try (Poll poll = Poll.open()) {
            Registry registry = poll.registry();
            Source failing = new Source() {
                @Override
                public void register(Registry r, Token t, Interest i) throws IOException {
                    throw new IOException("register");
                }

                @Override
                public void reregister(Registry r, Token t, Interest i) {
                    throw new UnsupportedOperationException("reregister");
                }

                @Override
                public void deregister(Registry r) throws IOException {
                    throw new IOException("deregister");
                }
            };
            assertEquals("register", assertThrows(IOException.class,
                    () -> registry.register(failing, ID1, Interest.READABLE)).getMessage());
            assertEquals("reregister", assertThrows(UnsupportedOperationException.class,
                    () -> registry.reregister(failing, ID1, Interest.READABLE)).getMessage());
            assertEquals("deregister", assertThrows(IOException.class,
                    () -> registry.deregister(failing)).getMessage());
        }
    }

    @Test
    void nullArgumentsAreRejected() throws IOException {
        try (Poll poll = Poll.open(); TcpListener listener = TcpListener.bind(Expect.anyLocalV4())) {
            Registry registry = poll.registry();
            assertThrows(NullPointerException.class, () -> poll.poll(null, Duration.ZERO));
            assertThrows(NullPointerException.class, () -> registry.register(null, ID1, Interest.READABLE));
            assertThrows(NullPointerException.class, () -> registry.register(listener, null, Interest.READABLE));
            assertThrows(NullPointerException.class, () -> registry.register(listener, ID1, null));
            assertThrows(NullPointerException.class, () -> registry.reregister(null, ID1, Interest.READABLE));
            assertThrows(NullPointerException.class, () -> registry.deregister(null));
            assertThrows(NullPointerException.class, () -> Waker.open(null, ID1));
            assertThrows(NullPointerException.class, () -> Waker.open(registry, null));
            // Nothing was registered by the failed calls.
            registry.register(listener, ID1, Interest.READABLE);
        }
    }

    @Test
    void tokensOfDifferentSourcesAreReportedAsGiven() throws IOException {
        try (Poll poll = Poll.open(); Polling.Pair a = Polling.Pair.connect(); Polling.Pair b = Polling.Pair.connect()) {
            poll.registry().register(a.client(), Token.of(Long.MIN_VALUE), Interest.WRITABLE);
            poll.registry().register(b.client(), Token.of(-1), Interest.WRITABLE);
            Events events = Events.withCapacity(16);
            Expect.events(poll, events, event(Long.MIN_VALUE, Interest.WRITABLE), event(-1, Interest.WRITABLE));
        }
    }

    private interface Action {
        void run() throws Exception;
    }

    private static void run(AtomicReference<Throwable> failure, Action action) {
        try {
            action.run();
        } catch (Throwable t) {
            failure.compareAndSet(null, t);
        }
    }

    /** Records the calls Registry passes on. */
    private static final class RecordingSource implements Source {
        final List<String> calls = new ArrayList<>();
        Registry registry;

        @Override
        public void register(Registry r, Token token, Interest interests) {
            registry = r;
            calls.add("register " + token + " " + interests);
        }

        @Override
        public void reregister(Registry r, Token token, Interest interests) {
            calls.add("reregister " + token + " " + interests);
        }

        @Override
        public void deregister(Registry r) {
            calls.add("deregister");
        }
    }
}
