package io.mio4j;

import io.mio4j.net.TcpListener;
import io.mio4j.net.TcpStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.time.Duration;

import static io.mio4j.Expect.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** mio's tests/registering.rs, and API.md's rules for misuse and for closing. */
class RegistrationRulesTest {
    private static final Token SERVER = Token.of(0);
    private static final Token CLIENT = Token.of(1);

    @Test
    void aClientCanMoveFromReadableToWritableAndThenLeave() throws IOException {
        try (Poll poll = Poll.open(); TcpListener server = TcpListener.bind(Expect.anyLocalV4())) {
            Events events = Events.withCapacity(1024);
            poll.registry().register(server, SERVER, Interest.READABLE);
            try (TcpStream client = TcpStream.connect(server.localAddress())) {
                poll.registry().register(client, CLIENT, Interest.READABLE);

                Expect.events(poll, events, event(0, Interest.READABLE));
                try (TcpStream accepted = server.accept()) {
                    assertNotNull(accepted);
                    accepted.write(ByteBuffer.wrap(new byte[] {'f', 'o', 'o'}));
                    Expect.events(poll, events, event(1, Interest.READABLE));
                    poll.registry().reregister(client, CLIENT, Interest.WRITABLE);
                    Expect.events(poll, events, event(1, Interest.WRITABLE));
                    poll.registry().deregister(client);
                    poll.registry().deregister(server);
                    Expect.noEvents(poll, events);
                }
            }
        }
    }

    @Test
    void reregisteringToAnotherInterestBeforePollingDropsTheOldReadiness() throws IOException {
        try (Poll poll = Poll.open(); Poll clientPoll = Poll.open();
             TcpListener listener = TcpListener.bind(Expect.anyLocalV4());
             TcpStream client = TcpStream.connect(listener.localAddress())) {
            poll.registry().register(listener, SERVER, Interest.READABLE);
            // Wait on another Poll, so that the listener's readiness stays unpolled.
            clientPoll.registry().register(client, CLIENT, Interest.WRITABLE);
            Expect.events(clientPoll, Events.withCapacity(4), event(1, Interest.WRITABLE));

            poll.registry().reregister(listener, SERVER, Interest.WRITABLE);
            Expect.noEvents(poll, Events.withCapacity(16));
        }
    }

    @Test
    void registeringTwiceWithTheSamePollIsIllegal() throws IOException {
        try (Poll poll = Poll.open(); Polling.Pair pair = Polling.Pair.connect();
             TcpListener listener = TcpListener.bind(Expect.anyLocalV4())) {
            poll.registry().register(listener, Token.of(0), Interest.READABLE);
            assertThrows(IllegalStateException.class,
                    () -> poll.registry().register(listener, Token.of(1), Interest.READABLE));
            poll.registry().register(pair.client(), Token.of(2), Interest.WRITABLE);
            assertThrows(IllegalStateException.class,
                    () -> poll.registry().tryClone().register(pair.client(), Token.of(2), Interest.WRITABLE));
            // The first registration is untouched.
            Expect.events(poll, Events.withCapacity(8), event(2, Interest.WRITABLE));
        }
    }

    @Test
    void registeringWithASecondPollIsIllegal() throws IOException {
        try (Poll first = Poll.open(); Poll second = Poll.open();
             TcpListener listener = TcpListener.bind(Expect.anyLocalV4());
             TcpStream stream = TcpStream.connect(listener.localAddress())) {
            Interest both = Interest.READABLE.add(Interest.WRITABLE);
            first.registry().register(listener, Token.of(0), both);
            assertThrows(IllegalStateException.class, () -> second.registry().register(listener, Token.of(0), both));
            first.registry().register(stream, Token.of(1), both);
            assertThrows(IllegalStateException.class, () -> second.registry().register(stream, Token.of(1), both));
            assertThrows(IllegalStateException.class, () -> second.registry().reregister(stream, Token.of(1), both));
            assertThrows(IllegalStateException.class, () -> second.registry().deregister(stream));
        }
    }

    @Test
    void reregisteringOrDeregisteringAnUnregisteredSourceIsIllegal() throws IOException {
        try (Poll poll = Poll.open(); TcpListener listener = TcpListener.bind(Expect.anyLocalV4())) {
            assertThrows(IllegalStateException.class,
                    () -> poll.registry().reregister(listener, Token.of(1), Interest.READABLE));
            assertThrows(IllegalStateException.class, () -> poll.registry().deregister(listener));
            poll.registry().register(listener, Token.of(1), Interest.READABLE);
            poll.registry().deregister(listener);
            assertThrows(IllegalStateException.class, () -> poll.registry().deregister(listener));
        }
    }

    @Test
    void aSourceCanBeRegisteredAgainAfterDeregistering() throws IOException {
        try (Poll poll = Poll.open(); TcpListener server = TcpListener.bind(Expect.anyLocalV4())) {
            poll.registry().register(server, SERVER, Interest.READABLE);
            poll.registry().deregister(server);
            poll.registry().register(server, SERVER, Interest.READABLE);
            Events events = Events.withCapacity(8);
            Expect.noEvents(poll, events);
            try (TcpStream client = TcpStream.connect(server.localAddress())) {
                Expect.events(poll, events, event(0, Interest.READABLE));
            }
        }
    }

    @Test
    void aSourceWhosePollWasClosedMayJoinAnotherPoll() throws IOException {
        try (Polling.Pair pair = Polling.Pair.connect(); Poll second = Poll.open()) {
            Poll first = Poll.open();
            first.registry().register(pair.client(), Token.of(1), Interest.WRITABLE);
            first.close();
            // Not registered with the open Poll: reregister/deregister are still misuse there.
            assertThrows(IllegalStateException.class,
                    () -> second.registry().reregister(pair.client(), Token.of(2), Interest.WRITABLE));
            assertThrows(IllegalStateException.class, () -> second.registry().deregister(pair.client()));
            second.registry().register(pair.client(), Token.of(2), Interest.WRITABLE);
            Expect.events(second, Events.withCapacity(8), event(2, Interest.WRITABLE));
        }
    }

    @Test
    void everyUseOfAClosedPollThrowsClosedSelectorException() throws IOException {
        try (Polling.Pair pair = Polling.Pair.connect();
             TcpListener listener = TcpListener.bind(Expect.anyLocalV4())) {
            Poll poll = Poll.open();
            Registry registry = poll.registry();
            Registry clone = registry.tryClone();
            registry.register(pair.client(), Token.of(1), Interest.WRITABLE);
            poll.close();

            Events events = Events.withCapacity(4);
            for (Registry r : new Registry[] {registry, clone}) {
                assertClosedSelector(() -> r.register(listener, Token.of(2), Interest.READABLE));
                assertClosedSelector(() -> r.register(new NeverCalledSource(), Token.of(2), Interest.READABLE));
                assertClosedSelector(() -> r.reregister(pair.client(), Token.of(1), Interest.READABLE));
                assertClosedSelector(() -> r.deregister(pair.client()));
                assertClosedSelector(r::tryClone);
                assertClosedSelector(() -> Waker.open(r, Token.of(3)));
            }
            assertClosedSelector(() -> poll.poll(events, Duration.ZERO));
            assertClosedSelector(() -> poll.poll(events, null));
            assertClosedSelector(() -> poll.poll(events, Duration.ofMillis(10)));
        }
    }

    private static void assertClosedSelector(Executable call) {
        assertThrows(ClosedSelectorException.class, call);
    }

    @Test
    void closeIsIdempotent() throws IOException {
        Poll poll = Poll.open();
        Waker waker = Waker.open(poll.registry(), Token.of(0));
        TcpListener listener = TcpListener.bind(Expect.anyLocalV4());
        poll.registry().register(listener, Token.of(1), Interest.READABLE);
        for (int i = 0; i < 2; i++) {
            listener.close();
            waker.close();
            poll.close();
        }
        assertFalse(listener.isOpen());
        assertEquals("Poll{closed}", poll.toString());
    }

    @Test
    void closingAPollWakesAThreadBlockedInIt() throws Exception {
        Poll poll = Poll.open();
        Events events = Events.withCapacity(4);
        int[] count = {-1};
        Throwable[] failure = new Throwable[1];
        Thread poller = new Thread(() -> {
            try {
                count[0] = poll.poll(events, null);
            } catch (Throwable t) {
                failure[0] = t;
            }
        });
        poller.start();
        Polling.awaitBlockedInPoll(poller);
        poll.close();
        Polling.join(poller);
        assertEquals(null, failure[0]);
        assertEquals(0, count[0]);
    }

    @Test
    void closingARegisteredSourceStopsItsEvents() throws IOException {
        try (Poll poll = Poll.open(); Polling.Pair pair = Polling.Pair.connect()) {
            Events events = Events.withCapacity(8);
            poll.registry().register(pair.server(), Token.of(1), Interest.READABLE);
            pair.server().close();
            // Data and a hang-up would both be events for a registration still in place.
            pair.client().write(ByteBuffer.wrap(new byte[] {1, 2, 3}));
            pair.client().close();
            Expect.noEvents(poll, events);
            assertThrows(ClosedChannelException.class,
                    () -> poll.registry().register(pair.server(), Token.of(1), Interest.READABLE));
        }
    }

    @Test
    void aDescriptorReusedAfterCloseDoesNotInheritTheOldToken() throws IOException {
        try (Poll poll = Poll.open(); TcpListener listener = TcpListener.bind(Expect.anyLocalV4())) {
            Events events = Events.withCapacity(8);
            TcpStream old = TcpStream.connect(listener.localAddress());
            int oldFd = old.fd();
            poll.registry().register(old, Token.of(1), Interest.WRITABLE);
            old.close();
            // The lowest free descriptor is usually the one just closed.
            try (TcpStream reused = TcpStream.connect(listener.localAddress())) {
                poll.registry().register(reused, Token.of(2), Interest.WRITABLE);
                long deadline = System.nanoTime() + Expect.BOUND.toNanos();
                boolean sawNew = false;
                while (!sawNew) {
                    assertTrue(System.nanoTime() < deadline, "no event for the new stream");
                    poll.poll(events, Duration.ofMillis(100));
                    for (Event e : events) {
                        assertNotEquals(Token.of(1), e.token(), () -> "old token for fd " + oldFd + ": " + e);
                        sawNew |= e.token().equals(Token.of(2));
                    }
                }
            }
        }
    }

    @Test
    void aSourceClosedWhileItsPollIsClosedCanStillBeClosed() throws IOException {
        Poll poll = Poll.open();
        TcpListener listener = TcpListener.bind(Expect.anyLocalV4());
        poll.registry().register(listener, Token.of(1), Interest.READABLE);
        poll.close();
        listener.close();
        assertFalse(listener.isOpen());
    }

    @Test
    void aioAndLioInterestsAreAcceptedAndIgnored() throws IOException {
        try (Poll poll = Poll.open(); Polling.Pair pair = Polling.Pair.connect()) {
            poll.registry().register(pair.client(), Token.of(1), Interest.AIO.add(Interest.LIO));
            Expect.noEvents(poll, Events.withCapacity(4));
            poll.registry().reregister(pair.client(), Token.of(1), Interest.WRITABLE.add(Interest.AIO));
            Expect.events(poll, Events.withCapacity(4), event(1, Interest.WRITABLE));
        }
    }

    /** A user-written source whose methods must not be reached. */
    private static final class NeverCalledSource implements Source {
        @Override
        public void register(Registry registry, Token token, Interest interests) {
            throw new AssertionError("register reached");
        }

        @Override
        public void reregister(Registry registry, Token token, Interest interests) {
            throw new AssertionError("reregister reached");
        }

        @Override
        public void deregister(Registry registry) {
            throw new AssertionError("deregister reached");
        }
    }
}
