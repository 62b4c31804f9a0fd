package io.mio4j.internal.epoll;

import io.mio4j.EpollOnly;
import io.mio4j.Interest;
import io.mio4j.internal.EventBuffer;
import io.mio4j.internal.io.NativeConstant;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The two epoll mappings, checked flag by flag: interests → epoll_ctl flags, and
 * epoll_wait flags → readiness, as mio 0.7 reads them. Priority (EPOLLPRI) cannot be
 * produced through the public API (no way to send TCP urgent data), so it is checked
 * here. Flag values come from the library, as in EpollPoller.
 */
@EpollOnly
class EpollFlagsTest {
    private static final int IN = constant("EPOLLIN");
    private static final int OUT = constant("EPOLLOUT");
    private static final int PRI = constant("EPOLLPRI");
    private static final int ERR = constant("EPOLLERR");
    private static final int HUP = constant("EPOLLHUP");
    private static final int RDHUP = constant("EPOLLRDHUP");
    private static final int ET = constant("EPOLLET");

    private static final int READABLE = EventBuffer.READABLE;
    private static final int WRITABLE = EventBuffer.WRITABLE;
    private static final int ERROR = EventBuffer.ERROR;
    private static final int READ_CLOSED = EventBuffer.READ_CLOSED;
    private static final int WRITE_CLOSED = EventBuffer.WRITE_CLOSED;
    private static final int PRIORITY = EventBuffer.PRIORITY;

    private static int constant(String name) {
        return NativeConstant.required(name, EpollPoller.CALLS.constant(name));
    }

    @Test
    void everyRegistrationIsEdgeTriggered() {
        assertEquals(ET | IN | RDHUP, EpollPoller.flags(Interest.READABLE));
        assertEquals(ET | OUT, EpollPoller.flags(Interest.WRITABLE));
        assertEquals(ET | PRI, EpollPoller.flags(Interest.PRIORITY));
        assertEquals(ET | IN | RDHUP | OUT, EpollPoller.flags(Interest.READABLE.add(Interest.WRITABLE)));
        assertEquals(ET | IN | RDHUP | PRI, EpollPoller.flags(Interest.READABLE.add(Interest.PRIORITY)));
    }

    @Test
    void aioAndLioAskEpollForNothing() {
        assertEquals(ET, EpollPoller.flags(Interest.AIO));
        assertEquals(ET, EpollPoller.flags(Interest.LIO.add(Interest.AIO)));
        assertEquals(ET | OUT, EpollPoller.flags(Interest.WRITABLE.add(Interest.LIO)));
    }

    @Test
    void dataAndSpaceAreReadableAndWritable() {
        assertEquals(READABLE, EpollPoller.readiness(IN));
        assertEquals(WRITABLE, EpollPoller.readiness(OUT));
        assertEquals(READABLE | WRITABLE, EpollPoller.readiness(IN | OUT));
        assertEquals(0, EpollPoller.readiness(0));
    }

    @Test
    void priorityDataIsReadableAndPriority() {
        assertEquals(READABLE | PRIORITY, EpollPoller.readiness(PRI));
        assertEquals(READABLE | PRIORITY, EpollPoller.readiness(IN | PRI));
    }

    @Test
    void aFinIsReadClosedOnlyTogetherWithReadable() {
        assertEquals(READABLE | READ_CLOSED, EpollPoller.readiness(IN | RDHUP));
        // EPOLLRDHUP alone (no EPOLLIN) is not read-closed in mio's reading.
        assertEquals(0, EpollPoller.readiness(RDHUP));
        assertEquals(WRITABLE, EpollPoller.readiness(OUT | RDHUP));
    }

    @Test
    void aHangUpClosesBothHalves() {
        assertEquals(READ_CLOSED | WRITE_CLOSED, EpollPoller.readiness(HUP));
        assertEquals(READABLE | WRITABLE | READ_CLOSED | WRITE_CLOSED,
                EpollPoller.readiness(IN | OUT | RDHUP | HUP));
    }

    @Test
    void errorsAreErrorAndSometimesWriteClosed() {
        // A pipe whose read end closed reports EPOLLERR alone to the writer.
        assertEquals(ERROR | WRITE_CLOSED, EpollPoller.readiness(ERR));
        assertEquals(WRITABLE | ERROR | WRITE_CLOSED, EpollPoller.readiness(OUT | ERR));
        assertEquals(READABLE | ERROR, EpollPoller.readiness(IN | ERR));
        // A reset TCP connection.
        assertEquals(READABLE | WRITABLE | ERROR | READ_CLOSED | WRITE_CLOSED,
                EpollPoller.readiness(IN | OUT | ERR | HUP | RDHUP));
    }

    @Test
    void epollNeverReportsAioOrLio() {
        int all = IN | OUT | PRI | ERR | HUP | RDHUP;
        int bits = EpollPoller.readiness(all);
        assertEquals(0, bits & (EventBuffer.AIO | EventBuffer.LIO));
    }

    @Test
    void timeoutsAreRoundedUpToWholeMilliseconds() {
        assertEquals(0, EpollPoller.roundUpToMillis(0));
        assertEquals(1, EpollPoller.roundUpToMillis(1));
        assertEquals(1, EpollPoller.roundUpToMillis(500));
        assertEquals(1, EpollPoller.roundUpToMillis(1_000_000));
        assertEquals(2, EpollPoller.roundUpToMillis(1_000_001));
        assertEquals(Integer.MAX_VALUE, EpollPoller.roundUpToMillis(Integer.MAX_VALUE * 1_000_000L));
        assertEquals(Integer.MAX_VALUE, EpollPoller.roundUpToMillis(Long.MAX_VALUE));
    }
}
