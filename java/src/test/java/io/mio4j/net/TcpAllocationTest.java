package io.mio4j.net;

import io.mio4j.AllocationMeter;
import io.mio4j.Event;
import io.mio4j.Events;
import io.mio4j.Expect;
import io.mio4j.Interest;
import io.mio4j.Poll;
import io.mio4j.Token;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;

import static io.mio4j.Expect.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** API.md's steady state: poll, events, token/is*, direct read/write allocate nothing. */
class TcpAllocationTest {
    private static final int MEASURED = 100_000;
    private static final Token CLIENT = Token.of(1);
    private static final Token SERVER = Token.of(2);

    private final ByteBuffer out = ByteBuffer.allocateDirect(64);
    private final ByteBuffer in = ByteBuffer.allocateDirect(256);
    private final ByteBuffer[] outs = {ByteBuffer.allocateDirect(32), ByteBuffer.allocateDirect(32)};
    private final ByteBuffer[] ins = {ByteBuffer.allocateDirect(16), ByteBuffer.allocateDirect(256)};
    private long flags;   // consumed, so the is*() calls cannot be optimised away
    private long bytes;

    @Test
    void steadyStatePollReadWriteAllocatesNothing() throws Exception {
        try (Poll poll = Poll.open();
             TcpListener listener = TcpListener.bind(Loopback.v4());
             Loopback.Pair pair = Loopback.connect(listener)) {
            Events events = Events.withCapacity(16);
            poll.registry().register(pair.client(), CLIENT, Interest.READABLE.add(Interest.WRITABLE));
            poll.registry().register(pair.server(), SERVER, Interest.READABLE);
            Expect.events(poll, events, event(1, Interest.WRITABLE));
            Duration timeout = Duration.ofSeconds(5);

            int[] iteration = {0};
            long allocated = AllocationMeter.bytesAllocated(() -> {
                step(poll, events, pair, timeout, iteration[0]++);
                return flags;
            }, MEASURED);

            assertEquals(0, allocated, "bytes allocated over " + MEASURED + " loops");
            assertEquals((long) iteration[0] * 64 * 2, bytes);
            assertTrue(flags > 0);
        }
    }

    /** Writes 64 bytes (plainly or, every other time, gathered), polls, and reads them back. */
    private void step(Poll poll, Events events, Loopback.Pair pair, Duration timeout, int i) throws IOException {
        boolean vectored = (i & 1) == 1;
        if (vectored) {
            outs[0].clear();
            outs[1].clear();
            bytes += pair.client().write(outs);
        } else {
            bytes += pair.client().write(out.clear());
        }
        int expected = 64;
        while (expected > 0) {
            poll.poll(events, timeout);
            for (Event event : events) {
                flags += (event.isReadable() ? 1 : 0) + (event.isWritable() ? 2 : 0) + (event.isError() ? 4 : 0)
                        + (event.isReadClosed() ? 8 : 0) + (event.isWriteClosed() ? 16 : 0)
                        + (event.isPriority() ? 32 : 0);
                if (event.token().equals(SERVER) && event.isReadable()) {
                    expected -= drain(pair.server(), vectored);
                }
            }
        }
    }

    private int drain(TcpStream stream, boolean vectored) throws IOException {
        int total = 0;
        while (true) {
            long n;
            if (vectored) {
                ins[0].clear();
                ins[1].clear();
                n = stream.read(ins);
            } else {
                n = stream.read(in.clear());
            }
            if (n <= 0) {
                bytes += total;
                return total;
            }
            total += (int) n;
        }
    }
}
