package io.mio4j.internal.ports;

import io.mio4j.Events;
import io.mio4j.Interest;
import io.mio4j.Poll;
import io.mio4j.Token;
import io.mio4j.UnixOnly;
import io.mio4j.internal.EventBuffer;
import io.mio4j.internal.Poller;
import io.mio4j.internal.WakerHandle;
import io.mio4j.internal.io.Errno;
import io.mio4j.unix.Pipe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PortsPoller's one-shot re-association, event decoding and wake-ups, against
 * ScriptedPort, a double of the kernel whose readiness and faults the test sets: each
 * race is played out step by step. PortsOverEpollTest runs the same logic under real
 * descriptors and threads. Unix-only: ScriptedPort hands out a pipe end as its port.
 */
@UnixOnly
class PortsPollerTest {
    private static final Token T1 = Token.of(1);
    private static final Token T2 = Token.of(2);
    private static final int FD = 7;
    private static final int OTHER_FD = 8;

    private final ScriptedPort port = new ScriptedPort();
    private final EventBuffer events = new EventBuffer(16);
    private PortsPoller poller;

    @BeforeEach
    void open() throws IOException {
        poller = PortsPoller.open(port, new PortEvents(port));
    }

    @AfterEach
    void close() throws IOException {
        poller.close();
    }

    private int select(long timeoutNanos) throws IOException {
        events.clear();
        return poller.select(events, timeoutNanos);
    }

    private List<Token> tokens() {
        List<Token> tokens = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            tokens.add(events.token(i));
        }
        return tokens;
    }

    /** One select that reports exactly these tokens, each readable. */
    private void expectReadable(Token... expected) throws IOException {
        assertEquals(expected.length, select(0), () -> "events: " + tokens());
        assertEquals(List.of(expected), tokens());
        for (int i = 0; i < events.size(); i++) {
            assertTrue((events.readiness(i) & EventBuffer.READABLE) != 0, "readable");
        }
    }

    private void expectNothing() throws IOException {
        assertEquals(0, select(0), () -> "events: " + tokens());
    }

    // One-shot associations and would-block

    @Test
    void readinessThatComesBetweenDeliveryAndReassociationIsReported() throws IOException {
        poller.register(FD, T1, Interest.READABLE);
        port.ready(FD, ScriptedPort.POLLIN);
        expectReadable(T1);
        // The user reads everything; more data comes after its last read said would-block
        // but before that would-block reaches the poller. FD is not associated then, so
        // the port queues nothing for it...
        port.ready(FD, 0);
        port.ready(FD, ScriptedPort.POLLIN);
        assertEquals(0, port.queued());
        // ...and the re-association, which polls at once, reports it.
        poller.wouldBlock(FD);
        expectReadable(T1);
    }

    @Test
    void readingUntilWouldBlockGivesTheNextEdge() throws IOException {
        poller.register(FD, T1, Interest.READABLE);
        for (int round = 0; round < 3; round++) {
            port.ready(FD, ScriptedPort.POLLIN);
            expectReadable(T1);
            port.ready(FD, 0);   // read until would-block
            poller.wouldBlock(FD);
            expectNothing();
        }
    }

    @Test
    void withoutWouldBlockOrReregisterADeliveredFdReportsNoMore() throws IOException {
        poller.register(FD, T1, Interest.READABLE.add(Interest.WRITABLE));
        port.ready(FD, ScriptedPort.POLLIN);
        expectReadable(T1);
        port.ready(FD, ScriptedPort.POLLIN | ScriptedPort.POLLOUT);
        expectNothing();
        expectNothing();
        assertEquals(1, port.associateCalls(FD), "only the register's");
    }

    @Test
    void aWouldBlockCostsOnePortAssociateAfterADeliveryAndNoneWhileStillAssociated() throws IOException {
        poller.register(FD, T1, Interest.READABLE);
        assertEquals(1, port.associateCalls(FD));
        poller.wouldBlock(FD);
        poller.wouldBlock(FD);
        assertEquals(1, port.associateCalls(FD), "still associated: nothing to do");
        port.ready(FD, ScriptedPort.POLLIN);
        expectReadable(T1);
        poller.wouldBlock(FD);
        assertEquals(2, port.associateCalls(FD), "one re-association");
        poller.wouldBlock(FD);
        assertEquals(2, port.associateCalls(FD));
        assertTrue(port.isAssociated(FD));
    }

    @Test
    void aWouldBlockBeforeTheDeliveryIsSeenDoesNotLoseTheNextOne() throws IOException {
        // A would-block that comes while the event is queued (or taken by a port_getn
        // that select has not decoded yet) does nothing; the user then sees the event,
        // reads until would-block again, and that one re-associates.
        poller.register(FD, T1, Interest.READABLE);
        port.ready(FD, ScriptedPort.POLLIN);
        poller.wouldBlock(FD);
        assertEquals(1, port.associateCalls(FD));
        expectReadable(T1);
        port.ready(FD, 0);
        poller.wouldBlock(FD);
        port.ready(FD, ScriptedPort.POLLIN);
        expectReadable(T1);
    }

    @Test
    void aFailedReassociationIsRetriedAtTheNextWouldBlock() throws IOException {
        poller.register(FD, T1, Interest.READABLE);
        port.ready(FD, ScriptedPort.POLLIN);
        expectReadable(T1);
        port.closeFd(FD);   // port_associate now answers EBADFD
        poller.wouldBlock(FD);
        poller.wouldBlock(FD);
        assertEquals(3, port.associateCalls(FD), "each would-block tried, none threw");
    }

    @Test
    void wouldBlockOnAClosedOrUnregisteredHandleDoesNothing() throws IOException {
        poller.wouldBlock(-1);
        poller.wouldBlock(FD);
        poller.wouldBlock(Long.MAX_VALUE);
        assertEquals(0, port.totalAssociateCalls());
        poller.register(FD, T1, Interest.READABLE);
        port.ready(FD, ScriptedPort.POLLIN);
        expectReadable(T1);
        poller.deregister(FD);
        poller.wouldBlock(FD);
        assertEquals(1, port.totalAssociateCalls(), "a deregistered fd is not associated again");
    }

    // Reregister

    @Test
    void reregisterReplacesAQueuedEventAndItsToken() throws IOException {
        poller.register(FD, T1, Interest.READABLE);
        port.ready(FD, ScriptedPort.POLLIN);
        assertEquals(1, port.queued(), "T1's event waits in the port");
        poller.reregister(FD, T2, Interest.READABLE);
        expectReadable(T2);
        expectNothing();
    }

    @Test
    void reregisterAfterADeliveryAssociatesAgain() throws IOException {
        poller.register(FD, T1, Interest.READABLE);
        port.ready(FD, ScriptedPort.POLLIN);
        expectReadable(T1);
        poller.reregister(FD, T2, Interest.READABLE);
        expectReadable(T2);
    }

    @Test
    void reregisterAsksForTheNewInterests() throws IOException {
        poller.register(FD, T1, Interest.READABLE);
        poller.reregister(FD, T1, Interest.WRITABLE);
        assertEquals(ScriptedPort.POLLOUT, port.eventsOf(FD));
        port.ready(FD, ScriptedPort.POLLIN);
        expectNothing();
        port.ready(FD, ScriptedPort.POLLOUT);
        assertEquals(1, select(0));
        assertEquals(EventBuffer.WRITABLE, events.readiness(0));
    }

    @Test
    void anEventOfAReplacedAssociationIsDroppedAndLeavesTheCurrentOneAlone() throws IOException {
        poller.register(FD, T1, Interest.READABLE);
        long old = port.userOf(FD);
        poller.reregister(FD, T2, Interest.READABLE);
        // Taken from the port by a port_getn that raced the reregister:
        port.inject(FD, ScriptedPort.POLLIN, old);
        expectNothing();
        poller.wouldBlock(FD);
        assertEquals(2, port.associateCalls(FD), "the current association is still active");
        port.ready(FD, ScriptedPort.POLLIN);
        expectReadable(T2);
    }

    @Test
    void anEventOfAReusedDescriptorsOldRegistrationIsDropped() throws IOException {
        poller.register(FD, T1, Interest.READABLE);
        long old = port.userOf(FD);
        poller.deregister(FD);
        poller.register(FD, T2, Interest.READABLE);   // the number, reused
        port.inject(FD, ScriptedPort.POLLIN, old);
        expectNothing();
        port.ready(FD, ScriptedPort.POLLIN);
        expectReadable(T2);
    }

    // Registration rules, deregister and close

    @Test
    void registeringTwiceIsEexistAndAnUnknownFdIsEnoent() throws IOException {
        poller.register(FD, T1, Interest.READABLE);
        IOException twice = assertThrows(IOException.class, () -> poller.register(FD, T2, Interest.READABLE));
        assertTrue(twice.getMessage().contains("(errno " + Errno.EEXIST + ")"), twice.getMessage());
        IOException unknown = assertThrows(IOException.class, () -> poller.reregister(OTHER_FD, T2, Interest.READABLE));
        assertTrue(unknown.getMessage().contains("(errno " + Errno.ENOENT + ")"), unknown.getMessage());
        assertThrows(IOException.class, () -> poller.deregister(OTHER_FD));
        assertThrows(IllegalArgumentException.class, () -> poller.register(-1, T1, Interest.READABLE));
        assertThrows(IllegalArgumentException.class, () -> poller.register(Integer.MAX_VALUE, T1, Interest.READABLE));
        assertEquals(1, port.totalAssociateCalls());
    }

    @Test
    void deregisterDissociatesAndIgnoresEnoentForADeliveredFd() throws IOException {
        poller.register(FD, T1, Interest.READABLE);
        port.ready(FD, ScriptedPort.POLLIN);
        expectReadable(T1);
        poller.deregister(FD);   // the port answers ENOENT: its event was delivered
        assertEquals(List.of(FD), port.dissociated());
        port.ready(FD, ScriptedPort.POLLIN);
        poller.wouldBlock(FD);
        expectNothing();
    }

    @Test
    void deregisterDropsAQueuedEvent() throws IOException {
        poller.register(FD, T1, Interest.READABLE);
        port.ready(FD, ScriptedPort.POLLIN);
        poller.deregister(FD);
        expectNothing();
    }

    @Test
    void closingARegisteredSourceDissociatesIt() throws IOException {
        try (Poll poll = PollOver.poller(poller)) {
            Pipe pipe = Pipe.open();
            int fd = pipe.receiver().fd();
            poll.registry().register(pipe.receiver(), T1, Interest.READABLE);
            assertTrue(port.isAssociated(fd));
            pipe.receiver().close();
            assertEquals(List.of(fd), port.dissociated());
            pipe.sender().close();
        }
    }

    // port_getn's results and timeouts

    @Test
    void eventsThatComeWithEtimeAreReported() throws IOException {
        eventsThatComeWithAnErrorAreReported(ScriptedPort.ETIME);
    }

    @Test
    void eventsThatComeWithEintrAreReported() throws IOException {
        eventsThatComeWithAnErrorAreReported(Errno.EINTR);
    }

    private void eventsThatComeWithAnErrorAreReported(int errno) throws IOException {
        poller.register(FD, T1, Interest.READABLE);
        poller.register(OTHER_FD, T2, Interest.READABLE);
        port.ready(FD, ScriptedPort.POLLIN);
        port.ready(OTHER_FD, ScriptedPort.POLLIN);
        port.failNextGetn(errno, 2);
        assertEquals(2, select(TimeUnit.SECONDS.toNanos(1)));
        assertEquals(List.of(T1, T2), tokens());
        // Delivered, so no longer associated: a would-block brings them back.
        assertFalse(port.isAssociated(FD));
        poller.wouldBlock(FD);
        poller.wouldBlock(OTHER_FD);
        assertTrue(port.isAssociated(FD) && port.isAssociated(OTHER_FD));
    }

    @Test
    void eintrWithoutEventsAsksTheCallerToWaitAgain() throws IOException {
        port.failNextGetn(Errno.EINTR, 0);
        assertEquals(Poller.INTERRUPTED, select(TimeUnit.SECONDS.toNanos(1)));
    }

    @Test
    void etimeWithoutEventsIsNoEvents() throws IOException {
        assertEquals(0, select(TimeUnit.MILLISECONDS.toNanos(20)));
    }

    @Test
    void anotherErrorOfPortGetnIsAnIOException() {
        port.failNextGetn(Errno.EINVAL, 0);
        IOException e = assertThrows(IOException.class, () -> select(0));
        assertTrue(e.getMessage().startsWith("port_getn: "), e.getMessage());
    }

    @Test
    void theTimeoutReachesPortGetnExactly() throws IOException {
        select(1_234_567);
        select(0);
        poller.wakeup();
        select(-1);
        assertEquals(List.of(1_234_567L, 0L, -1L), port.timeouts());
    }

    @Test
    void afterEintrPollWaitsOnlyForWhatIsLeftOfTheTimeout() throws IOException {
        long timeout = TimeUnit.MILLISECONDS.toNanos(300);
        long signalAfter = TimeUnit.MILLISECONDS.toNanos(100);
        port.failNextGetn(Errno.EINTR, 0, signalAfter);
        try (Poll poll = PollOver.poller(poller)) {
            long start = System.nanoTime();
            assertEquals(0, poll.poll(Events.withCapacity(4), Duration.ofNanos(timeout)));
            long elapsed = System.nanoTime() - start;
            List<Long> timeouts = port.timeouts();
            assertEquals(2, timeouts.size(), "one wait cut short by EINTR, one for the rest: " + timeouts);
            assertEquals(timeout, timeouts.get(0));
            assertTrue(timeouts.get(1) > 0 && timeouts.get(1) <= timeout - signalAfter,
                    "the second wait is what was left: " + timeouts);
            assertTrue(elapsed >= timeout, "returned after " + elapsed + " ns");
        }
    }

    // Wake-ups

    @Test
    void theWakerIsAUserEventThatNeedsNoAssociation() throws IOException {
        WakerHandle waker = poller.openWaker(T2);
        waker.wake();
        waker.wake();
        assertEquals(1, port.sends(), "wakes coalesce while one is queued");
        expectReadable(T2);
        expectNothing();
        waker.wake();
        assertEquals(2, port.sends());
        expectReadable(T2);
        assertEquals(0, port.totalAssociateCalls());
        waker.close();
    }

    @Test
    void theEventOfAClosedWakerIsDropped() throws IOException {
        WakerHandle first = poller.openWaker(T1);
        first.wake();
        first.close();
        WakerHandle second = poller.openWaker(T2);
        second.wake();
        expectReadable(T2);
        second.close();
    }

    @Test
    void aWakeUpOfThePollerItselfIsNotReported() throws IOException {
        poller.wakeup();
        poller.wakeup();
        assertEquals(1, port.sends());
        assertEquals(0, select(-1), "returns at once, reporting nothing");
        poller.wakeup();
        assertEquals(2, port.sends());
    }

    @Test
    void closeWakesABlockedSelect() throws Exception {
        Thread blocked = new Thread(() -> {
            try {
                select(-1);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        blocked.start();
        while (blocked.getState() != Thread.State.WAITING && blocked.isAlive()) {
            Thread.onSpinWait();
        }
        poller.close();
        blocked.join(TimeUnit.SECONDS.toMillis(5));
        assertFalse(blocked.isAlive(), "select still blocked after close()");
        assertFalse(poller.isOpen());
    }
}
