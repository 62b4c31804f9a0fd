package io.mio4j;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How Poll.poll reads its timeout: null, zero, sub-millisecond, huge, negative. */
class PollTimeoutTest {
    private static final Token WAKE = Token.of(10);
    private static final long MAX_NANOS = Integer.MAX_VALUE * 1_000_000L;

    @Test
    void aNullTimeoutBlocksUntilAWake() throws Exception {
        try (Poll poll = Poll.open(); Waker waker = Waker.open(poll.registry(), WAKE)) {
            assertEquals(1, pollWokenWhileBlocked(poll, waker, null));
        }
    }

    @Test
    void aZeroTimeoutReturnsAtOnce() throws IOException {
        try (Poll poll = Poll.open()) {
            Events events = Events.withCapacity(4);
            long start = System.nanoTime();
            for (int i = 0; i < 100; i++) {
                assertEquals(0, poll.poll(events, Duration.ZERO));
            }
            // A hundred waits of even 1 ms would take 100 ms; generous for a loaded machine.
            assertTrue(System.nanoTime() - start < 90_000_000L, "zero timeouts waited");
        }
    }

    @Test
    void aShortTimeoutWaitsAtLeastThatLong() throws IOException {
        try (Poll poll = Poll.open()) {
            Events events = Events.withCapacity(4);
            long start = System.nanoTime();
            assertEquals(0, poll.poll(events, Duration.ofMillis(30)));
            assertTrue(System.nanoTime() - start >= 30_000_000L);
        }
    }

    /**
     * A sub-millisecond timeout is not rounded down to a zero-timeout poll: with
     * epoll_pwait2 and kevent the kernel waits the nanoseconds asked for, with epoll_wait
     * at least one millisecond. Either way the poll cannot end before the timeout (the
     * kernel does not end a wait early; a signal makes us wait out the rest).
     */
    @Test
    @UnixOnly
    void aSubMillisecondTimeoutWaitsAndIsNotRoundedToZero() throws IOException {
        try (Poll poll = Poll.open()) {
            Events events = Events.withCapacity(4);
            for (long nanos : new long[] {1, 500, 999_999}) {
                long start = System.nanoTime();
                assertEquals(0, poll.poll(events, Duration.ofNanos(nanos)));
                long elapsed = System.nanoTime() - start;
                long least = TestPoller.isKqueue() || io.mio4j.internal.epoll.EpollBackend.hasPwait2()
                        ? nanos : 1_000_000L;
                assertTrue(elapsed >= least, () -> nanos + " ns timeout returned after " + elapsed + " ns");
            }
        }
    }

    @Test
    void hugeTimeoutsDoNotOverflow() throws Exception {
        Duration[] huge = {
            Duration.ofSeconds(Long.MAX_VALUE),
            Duration.ofSeconds(Long.MAX_VALUE, 999_999_999),
            Duration.ofMillis(Long.MAX_VALUE),
            Duration.ofNanos(Long.MAX_VALUE),
            Duration.ofMillis(Integer.MAX_VALUE + 1L),
            Duration.ofDays(365),
        };
        try (Poll poll = Poll.open(); Waker waker = Waker.open(poll.registry(), WAKE)) {
            for (Duration timeout : huge) {
                assertEquals(1, pollWokenWhileBlocked(poll, waker, timeout), timeout::toString);
            }
        }
    }

    @Test
    void timeoutsAreClampedButNeverLengthened() {
        assertEquals(-1, Poll.timeoutNanos(null));
        assertEquals(0, Poll.timeoutNanos(Duration.ZERO));
        assertEquals(1, Poll.timeoutNanos(Duration.ofNanos(1)));
        assertEquals(1_500_000, Poll.timeoutNanos(Duration.ofNanos(1_500_000)));
        assertEquals(MAX_NANOS, Poll.timeoutNanos(Duration.ofNanos(MAX_NANOS)));
        assertEquals(MAX_NANOS, Poll.timeoutNanos(Duration.ofNanos(MAX_NANOS + 1)));
        assertEquals(MAX_NANOS, Poll.timeoutNanos(Duration.ofSeconds(Long.MAX_VALUE, 999_999_999)));
        long justBelow = MAX_NANOS / 1_000_000_000L;   // whole seconds under the limit
        assertEquals(justBelow * 1_000_000_000L, Poll.timeoutNanos(Duration.ofSeconds(justBelow)));
    }

    @Test
    void aNegativeTimeoutIsIllegal() throws IOException {
        try (Poll poll = Poll.open()) {
            Events events = Events.withCapacity(4);
            assertThrows(IllegalArgumentException.class, () -> poll.poll(events, Duration.ofNanos(-1)));
            assertThrows(IllegalArgumentException.class, () -> poll.poll(events, Duration.ofSeconds(-1)));
            assertThrows(IllegalArgumentException.class, () -> poll.poll(events, Duration.ofSeconds(Long.MIN_VALUE)));
        }
    }

    @Test
    void aReadySourceEndsALongTimeoutAtOnce() throws IOException {
        try (Poll poll = Poll.open(); Waker waker = Waker.open(poll.registry(), WAKE)) {
            Events events = Events.withCapacity(4);
            waker.wake();
            long start = System.nanoTime();
            assertEquals(1, poll.poll(events, Duration.ofSeconds(Long.MAX_VALUE)));
            assertTrue(System.nanoTime() - start < Expect.BOUND.toNanos());
        }
    }

    /**
     * Polls on this thread with {@code timeout} while another thread waits until the
     * poll is blocked, notes that it got there, and wakes it; returns the event count.
     */
    private static int pollWokenWhileBlocked(Poll poll, Waker waker, Duration timeout) throws Exception {
        Thread poller = Thread.currentThread();
        AtomicBoolean blocked = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread waking = new Thread(() -> {
            try {
                Polling.awaitBlockedInPoll(poller);
                blocked.set(true);
            } catch (Throwable t) {
                failure.set(t);
            } finally {
                try {
                    waker.wake();   // never leave the poll blocked
                } catch (IOException e) {
                    failure.compareAndSet(null, e);
                }
            }
        });
        waking.start();
        Events events = Events.withCapacity(4);
        int n;
        try {
            n = poll.poll(events, timeout);
        } finally {
            Polling.join(waking);
        }
        assertNull(failure.get());
        assertTrue(blocked.get(), "the poll returned before the wake");
        assertEquals(WAKE, events.get(0).token());
        return n;
    }
}
