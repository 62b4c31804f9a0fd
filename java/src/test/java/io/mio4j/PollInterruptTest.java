package io.mio4j;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Thread.interrupt() and Poll.poll: return promptly, no exception, status kept. */
class PollInterruptTest {
    @AfterEach
    void clearInterruptStatus() {
        Thread.interrupted();
    }

    /** What a polling thread saw. */
    private static final class Outcome {
        final AtomicInteger count = new AtomicInteger(-1);
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        volatile boolean interruptedAfter;
    }

    private static Thread poller(Poll poll, Duration timeout, Outcome outcome) {
        return new Thread(() -> {
            try {
                outcome.count.set(poll.poll(Events.withCapacity(4), timeout));
            } catch (Throwable t) {
                outcome.failure.set(t);
            }
            outcome.interruptedAfter = Thread.currentThread().isInterrupted();
        });
    }

    @Test
    void interruptingAThreadBlockedWithoutTimeoutMakesItReturn() throws Exception {
        interruptWhileBlocked(null);
    }

    @Test
    void interruptingAThreadBlockedWithALongTimeoutMakesItReturn() throws Exception {
        interruptWhileBlocked(Duration.ofHours(1));
    }

    private static void interruptWhileBlocked(Duration timeout) throws Exception {
        try (Poll poll = Poll.open()) {
            Outcome outcome = new Outcome();
            Thread thread = poller(poll, timeout, outcome);
            thread.start();
            Polling.awaitBlockedInPoll(thread);
            thread.interrupt();
            Polling.join(thread);
            assertNull(outcome.failure.get());
            assertEquals(0, outcome.count.get());
            assertTrue(outcome.interruptedAfter, "interrupt status was cleared");
        }
    }

    @Test
    void aThreadThatEntersInterruptedDoesNotBlock() throws Exception {
        try (Poll poll = Poll.open()) {
            AtomicReference<Throwable> failure = new AtomicReference<>();
            AtomicInteger polls = new AtomicInteger();
            Thread thread = new Thread(() -> {
                Thread.currentThread().interrupt();
                try {
                    Events events = Events.withCapacity(4);
                    for (int i = 0; i < 5; i++) {
                        poll.poll(events, null);
                        poll.poll(events, Duration.ofHours(1));
                        polls.incrementAndGet();
                    }
                    assertTrue(Thread.currentThread().isInterrupted());
                } catch (Throwable t) {
                    failure.set(t);
                }
            });
            thread.start();
            Polling.join(thread);
            assertNull(failure.get());
            assertEquals(5, polls.get());
        }
    }

    @Test
    void anInterruptedThreadStillGetsTheReadyEvents() throws IOException {
        try (Poll poll = Poll.open(); Waker waker = Waker.open(poll.registry(), Token.of(3))) {
            Events events = Events.withCapacity(4);
            waker.wake();
            Thread.currentThread().interrupt();
            assertEquals(1, poll.poll(events, null));
            assertEquals(Token.of(3), events.get(0).token());
            assertTrue(Thread.interrupted());
        }
    }

    @Test
    void onceTheInterruptIsClearedPollBlocksAgain() throws IOException {
        try (Poll poll = Poll.open()) {
            Events events = Events.withCapacity(4);
            Thread.currentThread().interrupt();
            assertEquals(0, poll.poll(events, null));
            assertTrue(Thread.interrupted());
            // No wake-up is left over from the interrupt.
            long start = System.nanoTime();
            assertEquals(0, poll.poll(events, Duration.ofMillis(30)));
            assertTrue(System.nanoTime() - start >= 30_000_000L);
            assertFalse(Thread.currentThread().isInterrupted());
        }
    }
}
