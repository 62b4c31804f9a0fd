package io.mio4j;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * API.md's steady state: poll, iterating the events, token() and the is* methods, and
 * reads/writes with direct buffers allocate nothing once warm. Measured on this thread
 * with {@link AllocationMeter}; the assertion is exact.
 */
class ZeroAllocationTest {
    private static final int LOOPS = 100_000;
    private static final Token WAKE = Token.of(7);

    /** Reads every accessor of every event. */
    private static long consume(Events events) {
        long sum = 0;
        for (Event event : events) {
            sum += event.token().value();
            sum += event.isReadable() ? 1 : 0;
            sum += event.isWritable() ? 2 : 0;
            sum += event.isError() ? 4 : 0;
            sum += event.isReadClosed() ? 8 : 0;
            sum += event.isWriteClosed() ? 16 : 0;
            sum += event.isPriority() ? 32 : 0;
            sum += event.isAio() ? 64 : 0;
            sum += event.isLio() ? 128 : 0;
        }
        for (int i = 0; i < events.size(); i++) {
            sum += events.get(i).token().value();
        }
        return sum;
    }

    private static void assertWakePollAllocatesNothing(Duration timeout) throws IOException {
        try (Poll poll = Poll.open(); Waker waker = Waker.open(poll.registry(), WAKE)) {
            Events events = Events.withCapacity(16);
            long allocated = AllocationMeter.bytesAllocated(() -> {
                waker.wake();
                int n = poll.poll(events, timeout);
                if (n != 1) {
                    throw new AssertionError("expected the wake, got " + events);
                }
                return consume(events);
            }, LOOPS);
            assertEquals(0, allocated, "bytes allocated over " + LOOPS + " polls with timeout " + timeout);
        }
    }

    @Test
    void pollingWithoutWaitingAllocatesNothing() throws IOException {
        assertWakePollAllocatesNothing(Duration.ZERO);
    }

    @Test
    void pollingWithATimeoutAllocatesNothing() throws IOException {
        assertWakePollAllocatesNothing(Duration.ofSeconds(5));
    }

    @Test
    void pollingWithASubMillisecondTimeoutAllocatesNothing() throws IOException {
        assertWakePollAllocatesNothing(Duration.ofNanos(500_000_500));
    }

    @Test
    void pollingWithoutTimeoutAllocatesNothing() throws IOException {
        assertWakePollAllocatesNothing(null);
    }

    @Test
    void anEchoLoopOverTcpWithDirectBuffersAllocatesNothing() throws IOException {
        try (Poll poll = Poll.open(); Polling.Pair pair = Polling.Pair.connect()) {
            Events events = Events.withCapacity(16);
            Token server = Token.of(1);
            poll.registry().register(pair.server(), server, Interest.READABLE);
            ByteBuffer out = ByteBuffer.allocateDirect(64);
            ByteBuffer in = ByteBuffer.allocateDirect(256);
            Duration timeout = Duration.ofSeconds(5);
            long allocated = AllocationMeter.bytesAllocated(() -> {
                out.clear();
                if (pair.client().write(out) != 64) {
                    throw new AssertionError("short write");
                }
                long sum = 0;
                int read = 0;
                while (read < 64) {
                    poll.poll(events, timeout);
                    sum += consume(events);
                    int n;
                    in.clear();
                    while ((n = pair.server().read(in)) > 0) {
                        read += n;
                        in.clear();
                    }
                }
                return sum + read;
            }, LOOPS / 5);
            assertEquals(0, allocated, "bytes allocated over " + LOOPS / 5 + " echo loops");
        }
    }

    /** A server that asks for WRITABLE only while output is stuck reregisters all the time. */
    @Test
    void reregisteringBetweenInterestsAllocatesNothing() throws IOException {
        try (Poll poll = Poll.open(); Polling.Pair pair = Polling.Pair.connect()) {
            Token token = Token.of(7);
            Interest both = Interest.READABLE.add(Interest.WRITABLE);
            poll.registry().register(pair.server(), token, Interest.READABLE);
            long allocated = AllocationMeter.bytesAllocated(() -> {
                poll.registry().reregister(pair.server(), token, both);
                poll.registry().reregister(pair.server(), token, Interest.READABLE);
                return 2;
            }, LOOPS / 5);
            assertEquals(0, allocated, "bytes allocated over " + LOOPS / 5 + " pairs of reregisters");
        }
    }
}
