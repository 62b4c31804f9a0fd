package io.mio4j;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Registry from many threads at once, while another thread polls. */
class ConcurrentRegistryTest {
    private static final int THREADS = 4;
    private static final int ROUNDS = 300;

    @Test
    void manyThreadsRegisterAndDeregisterWhileAPollRuns() throws Exception {
        List<Polling.Pair> pairs = new ArrayList<>();
        try (Poll poll = Poll.open()) {
            for (int i = 0; i < THREADS; i++) {
                pairs.add(Polling.Pair.connect());
            }
            CyclicBarrier start = new CyclicBarrier(THREADS);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread[] threads = new Thread[THREADS];
            for (int i = 0; i < THREADS; i++) {
                Polling.Pair pair = pairs.get(i);
                long base = 1000L * (i + 1);
                Registry registry = i % 2 == 0 ? poll.registry() : poll.registry().tryClone();
                threads[i] = new Thread(() -> {
                    try {
                        start.await(5, TimeUnit.SECONDS);
                        for (int r = 0; r < ROUNDS; r++) {
                            registry.register(pair.client(), Token.of(base + r), Interest.WRITABLE);
                            registry.reregister(pair.client(), Token.of(base + r), Interest.READABLE.add(Interest.WRITABLE));
                            registry.deregister(pair.client());
                        }
                        registry.register(pair.client(), Token.of(base + ROUNDS), Interest.WRITABLE);
                    } catch (Throwable t) {
                        failure.compareAndSet(null, t);
                    }
                });
            }
            Events events = Events.withCapacity(64);
            Set<Long> finalTokens = new HashSet<>();
            for (Thread t : threads) {
                t.start();
            }
            // Poll while they work and after: every event carries a token some thread
            // registered, and each thread's last registration is reported.
            long deadline = System.nanoTime() + Expect.BOUND.toNanos();
            while (finalTokens.size() < THREADS) {
                assertNull(failure.get());
                assertTrue(System.nanoTime() < deadline, "last registrations seen: " + finalTokens);
                poll.poll(events, Duration.ofMillis(1));
                for (Event event : events) {
                    long value = event.token().value();
                    if (value < 1000 || value >= 1000L * (THREADS + 1) || value % 1000 > ROUNDS) {
                        throw new AssertionError("unknown token " + event);
                    }
                    if (value % 1000 == ROUNDS) {
                        finalTokens.add(value);
                    }
                }
            }
            for (Thread t : threads) {
                Polling.join(t);
            }
            assertNull(failure.get());
        } finally {
            pairs.forEach(Polling.Pair::close);
        }
    }
}
