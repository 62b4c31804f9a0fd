package io.mio4j.internal.ports;

import io.mio4j.Event;
import io.mio4j.Events;
import io.mio4j.Expect;
import io.mio4j.Interest;
import io.mio4j.LinuxOnly;
import io.mio4j.Poll;
import io.mio4j.Token;
import io.mio4j.Waker;
import io.mio4j.net.UnixStream;
import io.mio4j.unix.Pipe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The public classes over PortsPoller, with real descriptors: EpollOneShotPort gives
 * the port's one-shot rule with Linux's epoll, so BufferIo's would-block calls, Poll's
 * loop and real threads drive the re-association logic here as they will on illumos.
 */
@LinuxOnly
class PortsOverEpollTest {
    private static final Token T1 = Token.of(1);
    private static final Token T2 = Token.of(2);

    private final EpollOneShotPort port = new EpollOneShotPort();
    private final Events events = Events.withCapacity(16);
    private Poll poll;

    @BeforeEach
    void open() throws IOException {
        poll = PollOver.poller(PortsPoller.open(port, new PortEvents(port)));
    }

    @AfterEach
    void close() throws IOException {
        poll.close();
        port.dispose();
    }

    private static ByteBuffer bytes(int n) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(n);
        for (int i = 0; i < n; i++) {
            buffer.put(i, (byte) i);
        }
        return buffer;
    }

    @Test
    void readingAPipeUntilWouldBlockGivesTheNextEdge() throws IOException {
        Pipe pipe = Pipe.open();
        try (Pipe.Sender sender = pipe.sender(); Pipe.Receiver receiver = pipe.receiver()) {
            poll.registry().register(receiver, T1, Interest.READABLE);
            ByteBuffer in = ByteBuffer.allocateDirect(64);
            for (int round = 0; round < 3; round++) {
                assertEquals(8, sender.write(bytes(8)));
                Expect.await(poll, events, T1, Event::isReadable, "readable, round " + round);
                in.clear();
                assertEquals(8, receiver.read(in));
                assertEquals(0, receiver.read(in), "would block");
                Expect.noEvents(poll, events);
            }
        }
    }

    @Test
    void untilAWouldBlockMoreDataBringsNoEvent() throws IOException {
        Pipe pipe = Pipe.open();
        try (Pipe.Sender sender = pipe.sender(); Pipe.Receiver receiver = pipe.receiver()) {
            poll.registry().register(receiver, T1, Interest.READABLE);
            assertEquals(8, sender.write(bytes(8)));
            Expect.await(poll, events, T1, Event::isReadable, "readable");
            assertEquals(3, receiver.read(ByteBuffer.allocateDirect(3)));   // not drained
            assertEquals(8, sender.write(bytes(8)));
            Expect.noEvents(poll, events);   // one-shot: the association is spent
            ByteBuffer rest = ByteBuffer.allocateDirect(64);
            assertEquals(13, receiver.read(rest));
            assertEquals(0, receiver.read(rest), "would block: associates again");
            assertEquals(8, sender.write(bytes(8)));
            Expect.await(poll, events, T1, Event::isReadable, "readable after would-block");
        }
    }

    @Test
    void reregisterReportsWhatIsStillReadyWithTheNewToken() throws IOException {
        Pipe pipe = Pipe.open();
        try (Pipe.Sender sender = pipe.sender(); Pipe.Receiver receiver = pipe.receiver()) {
            poll.registry().register(receiver, T1, Interest.READABLE);
            assertEquals(8, sender.write(bytes(8)));
            Expect.await(poll, events, T1, Event::isReadable, "readable");
            poll.registry().reregister(receiver, T2, Interest.READABLE);
            Expect.await(poll, events, T2, Event::isReadable, "readable with the new token");
        }
    }

    @Test
    void aUnixStreamPairExchangesMessagesOverThePortsPoller() throws IOException {
        UnixStream[] pair = UnixStream.pair();
        try (UnixStream a = pair[0]; UnixStream b = pair[1]) {
            poll.registry().register(a, T1, Interest.READABLE);
            poll.registry().register(b, T2, Interest.READABLE);
            ByteBuffer in = ByteBuffer.allocateDirect(64);
            for (int i = 0; i < 200; i++) {
                UnixStream from = i % 2 == 0 ? a : b;
                UnixStream to = i % 2 == 0 ? b : a;
                assertEquals(16, from.write(bytes(16)));
                Expect.await(poll, events, to == a ? T1 : T2, Event::isReadable, "message " + i);
                in.clear();
                assertEquals(16, to.read(in));
                assertEquals(0, to.read(in), "would block");
            }
        }
        assertTrue(port.associateCalls() <= 2 + 200, "at most one port_associate per would-block: " + port.associateCalls());
    }

    @Test
    void closingARegisteredPipeEndDissociatesIt() throws IOException {
        Pipe pipe = Pipe.open();
        try (Pipe.Sender sender = pipe.sender()) {
            poll.registry().register(pipe.receiver(), T1, Interest.READABLE);
            pipe.receiver().close();
            poll.registry().register(sender, T2, Interest.WRITABLE);
            Expect.await(poll, events, T2, e -> e.isWritable() || e.isError(), "the sender's event");
            for (Event event : events) {
                assertEquals(T2, event.token(), "nothing of the closed receiver");
            }
        }
    }

    @Test
    void aWakerWakesAPollBlockedInAnotherThread() throws Exception {
        try (Waker waker = Waker.open(poll.registry(), T2)) {
            Thread other = new Thread(() -> {
                try {
                    waker.wake();
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            });
            other.start();
            Expect.await(poll, events, T2, Event::isReadable, "the waker's event");
            other.join();
        }
    }

    @Test
    void interruptingAThreadBlockedInPollMakesItReturn() throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread blocked = new Thread(() -> {
            try {
                poll.poll(Events.withCapacity(4), null);
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        blocked.start();
        while (port.getnCalls() == 0) {
            Thread.onSpinWait();
        }
        blocked.interrupt();
        blocked.join(Expect.BOUND.toMillis());
        assertFalse(blocked.isAlive(), "poll still blocked after interrupt()");
        assertNull(failure.get());
    }

    // The race between delivery and re-association, under load

    @Test
    void noReadinessIsLostWhenWritesRaceTheReassociationInThePollingThread() throws Exception {
        writesRaceTheReassociation(false);
    }

    @Test
    void noReadinessIsLostWhenAnotherThreadReadsAndReassociates() throws Exception {
        writesRaceTheReassociation(true);
    }

    /**
     * A writer sends N bytes in small bursts, at random moments; the reader reads until
     * would-block after each event (in the polling thread, or in a thread of its own, so
     * that would-block and select's decoding run concurrently). If any readiness that came
     * between a delivery and the re-association were lost, the pipe would hold data with
     * no event coming, and a poll would time out before all N bytes were read.
     */
    private void writesRaceTheReassociation(boolean separateReader) throws Exception {
        final int total = 20_000;
        Pipe pipe = Pipe.open();
        try (Pipe.Sender sender = pipe.sender(); Pipe.Receiver receiver = pipe.receiver();
             Waker done = Waker.open(poll.registry(), T2)) {
            poll.registry().register(receiver, T1, Interest.READABLE);
            AtomicLong received = new AtomicLong();
            AtomicLong wouldBlocks = new AtomicLong();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Semaphore eventSeen = new Semaphore(0);
            Runnable drain = () -> {
                ByteBuffer in = ByteBuffer.allocateDirect(256);
                try {
                    for (;;) {
                        in.clear();
                        int n = receiver.read(in);
                        if (n == 0) {
                            wouldBlocks.incrementAndGet();
                            return;
                        }
                        if (received.addAndGet(n) == total) {
                            done.wake();   // the polling thread may be waiting for more
                        }
                    }
                } catch (IOException e) {
                    failure.set(e);
                }
            };
            Thread writer = new Thread(() -> {
                ByteBuffer one = ByteBuffer.allocateDirect(3);
                ThreadLocalRandom random = ThreadLocalRandom.current();
                try {
                    for (int sent = 0; sent < total; ) {
                        one.clear().limit(Math.min(1 + random.nextInt(3), total - sent));
                        sent += sender.write(one);
                        if (random.nextInt(8) == 0) {
                            LockSupport.parkNanos(random.nextInt(30_000));
                        }
                    }
                } catch (IOException e) {
                    failure.set(e);
                }
            }, "writer");
            Thread reader = new Thread(() -> {
                while (received.get() < total && failure.get() == null) {
                    try {
                        if (eventSeen.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                            eventSeen.drainPermits();
                            drain.run();
                        }
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "reader");
            writer.start();
            if (separateReader) {
                reader.start();
            }
            long eventsSeen = 0;
            while (received.get() < total && failure.get() == null) {
                int n = poll.poll(events, Duration.ofSeconds(10));
                if (n == 0 && received.get() < total) {
                    throw new AssertionError("no event for 10 s with " + received.get() + " of " + total
                            + " bytes read: readiness was lost");
                }
                eventsSeen += n;
                if (separateReader) {
                    eventSeen.release();
                } else {
                    drain.run();
                }
            }
            writer.join();
            reader.join();
            assertNull(failure.get());
            assertEquals(total, received.get());
            long associates = port.associateCalls() - 1;   // less the register's
            assertTrue(associates <= wouldBlocks.get(),
                    associates + " re-associations for " + wouldBlocks.get() + " would-blocks");
            System.out.printf("ports over epoll (%s reader): %d bytes, %d events, %d would-blocks, %d port_associate%n",
                    separateReader ? "separate" : "polling-thread", total, eventsSeen, wouldBlocks.get(), associates);
        }
    }
}
