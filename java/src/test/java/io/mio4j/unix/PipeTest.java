package io.mio4j.unix;

import io.mio4j.Descriptors;
import io.mio4j.Event;
import io.mio4j.Events;
import io.mio4j.Expect;
import io.mio4j.Interest;
import io.mio4j.Poll;
import io.mio4j.Token;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CyclicBarrier;

import static io.mio4j.Expect.event;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PipeTest {
    private static final byte[] DATA = "Hello world".getBytes(StandardCharsets.US_ASCII);

    private Poll poll;
    private final Events events = Events.withCapacity(8);

    @BeforeEach
    void openPoll() throws IOException {
        poll = Poll.open();
    }

    @AfterEach
    void closePoll() throws IOException {
        poll.close();
    }

    private static byte[] drain(ByteBuffer buffer) {
        buffer.flip();
        byte[] out = new byte[buffer.remaining()];
        buffer.get(out);
        buffer.clear();
        return out;
    }

    /** mio's expect_one_closed_event: one poll, one event, with this token and the closed flag. */
    private void expectOneClosedEvent(long token, boolean readClosed) throws IOException {
        poll.poll(events, Duration.ofSeconds(1));
        assertEquals(1, events.size(), () -> "events: " + events);
        Event event = events.get(0);
        assertEquals(token, event.token().value());
        assertTrue(readClosed ? event.isReadClosed() : event.isWriteClosed(), event::toString);
    }

    @Test
    void bytesWrittenToTheSenderAreReadFromTheReceiver() throws Exception {
        Pipe pipe = Pipe.open();
        try (Pipe.Sender sender = pipe.sender(); Pipe.Receiver receiver = pipe.receiver()) {
            Descriptors.assertNonBlockingAndCloseOnExec(sender.fd());
            Descriptors.assertNonBlockingAndCloseOnExec(receiver.fd());
            ByteBuffer buffer = ByteBuffer.allocate(20);
            assertEquals(0, receiver.read(buffer));
            poll.registry().register(receiver, Token.of(0), Interest.READABLE);
            poll.registry().register(sender, Token.of(1), Interest.WRITABLE);
            Expect.events(poll, events, event(1, Interest.WRITABLE));
            assertEquals(DATA.length, sender.write(ByteBuffer.wrap(DATA)));
            Expect.events(poll, events, event(0, Interest.READABLE));
            assertEquals(DATA.length, receiver.read(buffer));
            assertArrayEquals(DATA, drain(buffer));
        }
    }

    @Test
    void closingTheSenderGivesTheReceiverReadClosed() throws Exception {
        Pipe pipe = Pipe.open();
        Pipe.Sender sender = pipe.sender();
        try (Pipe.Receiver receiver = pipe.receiver()) {
            poll.registry().register(receiver, Token.of(0), Interest.READABLE);
            CyclicBarrier barrier = new CyclicBarrier(2);
            Thread thread = new Thread(() -> {
                try {
                    assertEquals(DATA.length, sender.write(ByteBuffer.wrap(DATA)));
                    barrier.await();
                    barrier.await();
                    sender.close();
                    barrier.await();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            thread.start();
            barrier.await();
            Expect.events(poll, events, event(0, Interest.READABLE));
            barrier.await();
            barrier.await();
            expectOneClosedEvent(0, true);
            thread.join();
            ByteBuffer buffer = ByteBuffer.allocateDirect(20);
            assertEquals(DATA.length, receiver.read(buffer));
            assertEquals(-1, receiver.read(buffer));
        }
    }

    @Test
    void closingTheReceiverGivesTheSenderWriteClosedAndWritesFail() throws Exception {
        Pipe pipe = Pipe.open();
        Pipe.Receiver receiver = pipe.receiver();
        try (Pipe.Sender sender = pipe.sender()) {
            poll.registry().register(sender, Token.of(1), Interest.WRITABLE);
            CyclicBarrier barrier = new CyclicBarrier(2);
            Thread thread = new Thread(() -> {
                try {
                    barrier.await();
                    receiver.close();
                    barrier.await();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            thread.start();
            Expect.events(poll, events, event(1, Interest.WRITABLE));
            barrier.await();
            barrier.await();
            expectOneClosedEvent(1, false);
            thread.join();
            IOException e = assertThrows(IOException.class, () -> sender.write(ByteBuffer.wrap(DATA)));
            assertTrue(e.getMessage().startsWith("write: Broken pipe"), e.getMessage());
        }
    }

    @Test
    void fullPipeWritesZeroAndBecomesWritableWhenDrained() throws Exception {
        Pipe pipe = Pipe.open();
        try (Pipe.Sender sender = pipe.sender(); Pipe.Receiver receiver = pipe.receiver()) {
            poll.registry().register(sender, Token.of(1), Interest.WRITABLE);
            Expect.events(poll, events, event(1, Interest.WRITABLE));
            ByteBuffer chunk = ByteBuffer.allocateDirect(64 * 1024);
            long written = 0;
            int n;
            while ((n = sender.write(chunk.clear())) > 0) {
                written += n;
            }
            assertEquals(0, n);
            ByteBuffer in = ByteBuffer.allocate(64 * 1024);
            long read = 0;
            while (read < written) {
                int r = receiver.read(in.clear());
                assertTrue(r > 0, "the pipe holds what was written");
                read += r;
            }
            Expect.events(poll, events, event(1, Interest.WRITABLE));
            assertEquals(0, receiver.read(in.clear()));
        }
    }

    @Test
    void blockingReceiverCanBeMadeNonBlockingAgain() throws Exception {
        Pipe pipe = Pipe.open();
        try (Pipe.Sender sender = pipe.sender(); Pipe.Receiver receiver = pipe.receiver()) {
            receiver.setNonBlocking(false);
            assertFalse(Descriptors.isNonBlocking(receiver.fd()));
            assertEquals(DATA.length, sender.write(ByteBuffer.wrap(DATA)));
            ByteBuffer buffer = ByteBuffer.allocate(64);
            assertEquals(DATA.length, receiver.read(buffer));   // data is there: no wait
            receiver.setNonBlocking(true);
            assertTrue(Descriptors.isNonBlocking(receiver.fd()));
            assertEquals(0, receiver.read(buffer));
            sender.setNonBlocking(false);
            assertFalse(Descriptors.isNonBlocking(sender.fd()));
        }
    }

    @Test
    void badBuffersAndClosedEndsAreRejected() throws Exception {
        Pipe pipe = Pipe.open();
        Pipe.Sender sender = pipe.sender();
        Pipe.Receiver receiver = pipe.receiver();
        assertThrows(IllegalArgumentException.class, () -> receiver.read(ByteBuffer.allocate(4).asReadOnlyBuffer()));
        assertThrows(NullPointerException.class, () -> receiver.read(null));
        assertThrows(NullPointerException.class, () -> sender.write(null));
        assertEquals(0, sender.write(ByteBuffer.allocate(0)));
        assertEquals(0, receiver.read(ByteBuffer.allocate(0)));
        sender.close();
        receiver.close();
        receiver.close();
        assertFalse(sender.isOpen());
        assertEquals(-1, sender.fd());
        assertThrows(ClosedChannelException.class, () -> sender.write(ByteBuffer.allocate(1)));
        assertThrows(ClosedChannelException.class, () -> receiver.read(ByteBuffer.allocate(1)));
        assertThrows(ClosedChannelException.class, () -> receiver.setNonBlocking(false));
        assertThrows(ClosedChannelException.class, () -> poll.registry().register(receiver, Token.of(0), Interest.READABLE));
    }

    @Test
    void closingARegisteredEndDeregistersIt() throws Exception {
        Pipe pipe = Pipe.open();
        try (Pipe.Receiver receiver = pipe.receiver()) {
            Pipe.Sender sender = pipe.sender();
            poll.registry().register(sender, Token.of(1), Interest.WRITABLE);
            sender.close();
            Expect.noEvents(poll, events);
        }
    }
}
