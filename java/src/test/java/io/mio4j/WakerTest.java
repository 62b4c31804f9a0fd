package io.mio4j;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** mio's tests/waker.rs, and the Waker rules of API.md. */
class WakerTest {
    private static final Token TOKEN = Token.of(10);

    /** Polls once (bounded) and asserts one readable event carrying {@code token}. */
    private static void expectWake(Poll poll, Events events, Token token) throws IOException {
        poll.poll(events, Expect.BOUND);
        assertEquals(1, events.size(), () -> "events: " + events);
        assertEquals(token, events.get(0).token());
        assertTrue(events.get(0).isReadable());
    }

    @Test
    void aWakeIsAReadableEventWithTheWakersToken() throws IOException {
        try (Poll poll = Poll.open(); Waker waker = Waker.open(poll.registry(), TOKEN)) {
            Events events = Events.withCapacity(10);
            waker.wake();
            expectWake(poll, events, TOKEN);
            Expect.noEvents(poll, events);
        }
    }

    @Test
    void severalWakesBeforeAPollCoalesceIntoOneEvent() throws IOException {
        try (Poll poll = Poll.open(); Waker waker = Waker.open(poll.registry(), TOKEN)) {
            Events events = Events.withCapacity(10);
            for (int i = 0; i < 3; i++) {
                waker.wake();
            }
            expectWake(poll, events, TOKEN);
            Expect.noEvents(poll, events);
        }
    }

    @Test
    void eachWakeAfterAPollIsANewEvent() throws IOException {
        try (Poll poll = Poll.open(); Waker waker = Waker.open(poll.registry(), TOKEN)) {
            Events events = Events.withCapacity(10);
            for (int i = 0; i < 100; i++) {
                waker.wake();
                expectWake(poll, events, TOKEN);
            }
        }
    }

    @Test
    void aWakeFromAnotherThreadWakesThePoll() throws Exception {
        try (Poll poll = Poll.open(); Waker waker = Waker.open(poll.registry(), TOKEN)) {
            Events events = Events.withCapacity(10);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread waking = new Thread(() -> {
                try {
                    waker.wake();
                } catch (Throwable t) {
                    failure.set(t);
                }
            });
            waking.start();
            expectWake(poll, events, TOKEN);
            Polling.join(waking);
            assertNull(failure.get());
            Expect.noEvents(poll, events);
        }
    }

    @Test
    void wakesFromTwoThreadsAtDifferentTimesAreTwoEvents() throws Exception {
        try (Poll poll = Poll.open(); Waker waker = Waker.open(poll.registry(), TOKEN)) {
            Events events = Events.withCapacity(10);
            CountDownLatch second = new CountDownLatch(1);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread one = new Thread(() -> wakeQuietly(waker, failure));
            Thread two = new Thread(() -> {
                try {
                    assertTrue(second.await(5, TimeUnit.SECONDS));
                    waker.wake();
                } catch (Throwable t) {
                    failure.set(t);
                }
            });
            one.start();
            two.start();
            expectWake(poll, events, TOKEN);
            second.countDown();
            expectWake(poll, events, TOKEN);
            Polling.join(one);
            Polling.join(two);
            assertNull(failure.get());
            Expect.noEvents(poll, events);
        }
    }

    @Test
    void manyThreadsMayWakeAtOnce() throws Exception {
        try (Poll poll = Poll.open(); Waker waker = Waker.open(poll.registry(), TOKEN)) {
            Events events = Events.withCapacity(10);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread[] threads = new Thread[4];
            for (int i = 0; i < threads.length; i++) {
                threads[i] = new Thread(() -> {
                    for (int j = 0; j < 10_000; j++) {
                        wakeQuietly(waker, failure);
                    }
                });
                threads[i].start();
            }
            for (Thread t : threads) {
                Polling.join(t);
            }
            assertNull(failure.get());
            expectWake(poll, events, TOKEN);
            Expect.noEvents(poll, events);
        }
    }

    private static void wakeQuietly(Waker waker, AtomicReference<Throwable> failure) {
        try {
            waker.wake();
        } catch (Throwable t) {
            failure.set(t);
        }
    }

    @Test
    void aSecondWakerOnTheSamePollIsIllegal() throws IOException {
        try (Poll poll = Poll.open(); Waker first = Waker.open(poll.registry(), TOKEN)) {
            assertThrows(IllegalStateException.class, () -> Waker.open(poll.registry(), Token.of(11)));
            assertThrows(IllegalStateException.class, () -> Waker.open(poll.registry().tryClone(), Token.of(11)));
            // The failed opens left the first one working.
            first.wake();
            expectWake(poll, Events.withCapacity(4), TOKEN);
        }
    }

    @Test
    void afterAWakerIsClosedANewOneMayBeOpened() throws IOException {
        try (Poll poll = Poll.open()) {
            Events events = Events.withCapacity(4);
            Waker first = Waker.open(poll.registry(), TOKEN);
            first.wake();
            first.close();
            Expect.noEvents(poll, events);
            try (Waker second = Waker.open(poll.registry(), Token.of(11))) {
                second.wake();
                expectWake(poll, events, Token.of(11));
            }
        }
    }

    @Test
    void wakersOfDifferentPollsAreIndependent() throws IOException {
        try (Poll a = Poll.open(); Poll b = Poll.open();
             Waker wa = Waker.open(a.registry(), Token.of(1)); Waker wb = Waker.open(b.registry(), Token.of(2))) {
            Events events = Events.withCapacity(4);
            wb.wake();
            Expect.noEvents(a, events);
            expectWake(b, events, Token.of(2));
            wa.wake();
            expectWake(a, events, Token.of(1));
        }
    }

    @Test
    void openingAWakerOnAClosedPollThrowsClosedSelectorException() throws IOException {
        Poll poll = Poll.open();
        poll.close();
        assertThrows(ClosedSelectorException.class, () -> Waker.open(poll.registry(), TOKEN));
    }

    @Test
    void wakingAClosedWakerThrowsClosedChannelException() throws IOException {
        try (Poll poll = Poll.open()) {
            Waker waker = Waker.open(poll.registry(), TOKEN);
            waker.close();
            assertThrows(ClosedChannelException.class, waker::wake);
            waker.close();
        }
    }

    /**
     * Waking after the Poll was closed is allowed and does nothing: the waker's own
     * eventfd is still open (mio's Waker owns its descriptor too), there is just no
     * poller left to notice.
     */
    @Test
    void wakingAfterThePollWasClosedDoesNothing() throws IOException {
        Poll poll = Poll.open();
        Waker waker = Waker.open(poll.registry(), TOKEN);
        poll.close();
        waker.wake();
        waker.wake();
        waker.close();
        assertThrows(ClosedChannelException.class, waker::wake);
    }

    @Test
    void aWakeBeforeABlockingPollIsNotLost() throws IOException {
        try (Poll poll = Poll.open(); Waker waker = Waker.open(poll.registry(), TOKEN)) {
            Events events = Events.withCapacity(4);
            waker.wake();
            assertEquals(1, poll.poll(events, null));
            assertEquals(TOKEN, events.get(0).token());
            assertFalse(events.get(0).isWritable());
        }
    }

    @Test
    void aWakeReachesAPollBlockedWithoutTimeout() throws Exception {
        try (Poll poll = Poll.open(); Waker waker = Waker.open(poll.registry(), TOKEN)) {
            Events events = Events.withCapacity(4);
            Thread poller = Thread.currentThread();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread waking = new Thread(() -> {
                try {
                    Polling.awaitBlockedInPoll(poller);
                } catch (Throwable t) {
                    failure.set(t);
                } finally {
                    wakeQuietly(waker, failure);   // never leave the poll blocked
                }
            });
            waking.start();
            try {
                assertEquals(1, poll.poll(events, null));
            } finally {
                Polling.join(waking);
            }
            assertNull(failure.get());
            assertEquals(TOKEN, events.get(0).token());
            assertEquals(0, poll.poll(events, Duration.ZERO));
        }
    }
}
