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

import static org.junit.jupiter.api.Assertions.assertEquals;

class UdpAllocationTest {
    private static final int LENGTH = 32;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Test
    void connectedPollAndReceiveLoopAllocatesNothing() throws Exception {
        try (Poll poll = Poll.open(); UdpSocket tx = UdpSocket.bind(Expect.anyLocalV4());
             UdpSocket rx = UdpSocket.bind(Expect.anyLocalV4())) {
            tx.connect(rx.localAddress());
            rx.connect(tx.localAddress());
            poll.registry().register(rx, Token.of(7), Interest.READABLE);
            Events events = Events.withCapacity(8);
            ByteBuffer out = ByteBuffer.allocateDirect(LENGTH);
            ByteBuffer in = ByteBuffer.allocateDirect(64);

            long allocated = AllocationMeter.bytesAllocated(() -> {
                run(1, poll, events, tx, rx, out, in);
                return in.position();
            }, 100_000);
            assertEquals(0, allocated, "bytes allocated by 100 000 poll + receive rounds");
        }
    }

    private static void run(int rounds, Poll poll, Events events, UdpSocket tx, UdpSocket rx,
                            ByteBuffer out, ByteBuffer in) throws IOException {
        for (int i = 0; i < rounds; i++) {
            out.clear();
            if (tx.send(out) != LENGTH) {
                throw new AssertionError("send failed in round " + i);
            }
            boolean readable = false;
            while (!readable) {
                if (poll.poll(events, TIMEOUT) == 0) {
                    throw new AssertionError("no event in round " + i);
                }
                for (Event event : events) {
                    readable |= event.token().value() == 7 && event.isReadable();
                }
            }
            in.clear();
            if (rx.receive(in) != LENGTH || rx.receive(in) != -1) {
                throw new AssertionError("unexpected receive in round " + i);
            }
        }
    }
}
