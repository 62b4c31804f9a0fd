package io.mio4j.internal.kqueue;

import io.mio4j.KqueueOnly;
import io.mio4j.TestPoller;
import io.mio4j.internal.EventBuffer;
import io.mio4j.internal.loader.NativeLoader;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static io.mio4j.internal.kqueue.Kqueue.EVFILT_AIO;
import static io.mio4j.internal.kqueue.Kqueue.EVFILT_LIO;
import static io.mio4j.internal.kqueue.Kqueue.EVFILT_READ;
import static io.mio4j.internal.kqueue.Kqueue.EVFILT_WRITE;
import static io.mio4j.internal.kqueue.Kqueue.EV_ADD;
import static io.mio4j.internal.kqueue.Kqueue.EV_CLEAR;
import static io.mio4j.internal.kqueue.Kqueue.EV_EOF;
import static io.mio4j.internal.kqueue.Kqueue.EV_ERROR;
import static io.mio4j.internal.kqueue.Kqueue.EV_RECEIPT;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The kevent → readiness mapping, flag by flag, as mio 0.7 reads kqueue events, and
 * struct kevent as the library reports it for this OS (native/kqueue/ABI.md). Values
 * come from the library, as in KqueuePoller.
 */
@KqueueOnly
class KqueueEventsTest {
    private static final int READABLE = EventBuffer.READABLE;
    private static final int WRITABLE = EventBuffer.WRITABLE;
    private static final int ERROR = EventBuffer.ERROR;
    private static final int READ_CLOSED = EventBuffer.READ_CLOSED;
    private static final int WRITE_CLOSED = EventBuffer.WRITE_CLOSED;

    @Test
    void eachFilterIsItsOwnReadiness() {
        assertEquals(READABLE, KqueuePoller.readiness(EVFILT_READ, 0, 0));
        assertEquals(WRITABLE, KqueuePoller.readiness(EVFILT_WRITE, 0, 0));
    }

    @Test
    void endOfFileClosesTheHalfOfItsFilter() {
        assertEquals(READABLE | READ_CLOSED, KqueuePoller.readiness(EVFILT_READ, EV_EOF, 0));
        assertEquals(WRITABLE | WRITE_CLOSED, KqueuePoller.readiness(EVFILT_WRITE, EV_EOF, 0));
    }

    @Test
    void anErrorIsEvErrorOrEndOfFileWithAnErrorInFflags() {
        int refused = 61;   // any non-zero errno: kqueue puts the socket's error in fflags
        assertEquals(WRITABLE | WRITE_CLOSED | ERROR, KqueuePoller.readiness(EVFILT_WRITE, EV_EOF, refused));
        assertEquals(READABLE | READ_CLOSED | ERROR, KqueuePoller.readiness(EVFILT_READ, EV_EOF, refused));
        assertEquals(READABLE | ERROR, KqueuePoller.readiness(EVFILT_READ, EV_ERROR, 0));
        // fflags without EV_EOF is a filter's note, not an error
        assertEquals(READABLE, KqueuePoller.readiness(EVFILT_READ, 0, refused));
    }

    @Test
    void flagsThatComeBackFromTheRegistrationChangeNothing() {
        // libkqueue returns EV_ADD | EV_CLEAR | EV_RECEIPT in events; only bits are tested
        int registration = EV_ADD | EV_CLEAR | EV_RECEIPT;
        assertEquals(READABLE | READ_CLOSED, KqueuePoller.readiness(EVFILT_READ, registration | EV_EOF, 0));
    }

    @Test
    void aioAndLioAreTheirFilters() {
        if (EVFILT_AIO != Kqueue.ABSENT) {
            assertEquals(EventBuffer.AIO, KqueuePoller.readiness(EVFILT_AIO, 0, 0));
        }
        if (EVFILT_LIO != Kqueue.ABSENT) {
            assertEquals(EventBuffer.LIO, KqueuePoller.readiness(EVFILT_LIO, 0, 0));
        }
        // kqueue has no priority indication (mio: is_priority is always false)
        for (int filter : new int[] {EVFILT_READ, EVFILT_WRITE}) {
            assertEquals(0, KqueuePoller.readiness(filter, EV_EOF, 1) & EventBuffer.PRIORITY);
        }
    }

    @Test
    void theLayoutIsTheOneOfThisOs() {
        String os = NativeLoader.os();
        // Linux: libkqueue, whose struct is FreeBSD 11's.
        String expected = switch (os) {
            case "freebsd" -> "64 bytes, filter at 8 (2 bytes), flags at 10 (2), fflags at 12, data at 16, udata at 24";
            case "netbsd" -> "40 bytes, filter at 8 (4 bytes), flags at 12 (4), fflags at 16, data at 24, udata at 32";
            default -> "32 bytes, filter at 8 (2 bytes), flags at 10 (2), fflags at 12, data at 16, udata at 24";
        };
        assertEquals(expected, Kqueue.describe(), os);
    }

    @Test
    void recordsAreWrittenAndReadByTheReportedLayout() {
        ByteBuffer records = Kqueue.records(2);
        Kqueue.set(records, 1, 7, EVFILT_WRITE, EV_ADD | EV_CLEAR, 0x01000000, 0x1234_5678_9abc_def0L);
        assertEquals(7, Kqueue.ident(records, 1));
        assertEquals(EVFILT_WRITE, Kqueue.filter(records, 1));
        assertEquals(EV_ADD | EV_CLEAR, Kqueue.flags(records, 1));
        assertEquals(0x01000000, Kqueue.fflags(records, 1));
        assertEquals(0, Kqueue.data(records, 1));
        assertEquals(0x1234_5678_9abc_def0L, Kqueue.udata(records, 1));
        assertEquals(0, Kqueue.ident(records, 0));
    }

    @Test
    void theWakerIsTheOneChosenForThisOs() {
        boolean forcedPipe = System.getProperty(KqueuePoller.WAKER_PROPERTY, "").equals("pipe");
        String os = NativeLoader.os();
        boolean user = !forcedPipe && !os.equals("netbsd") && !os.equals("openbsd");
        assertEquals(user ? "EVFILT_USER" : "pipe", new KqueueBackend().facts().get("waker"),
                os + (TestPoller.LIBKQUEUE ? " (libkqueue)" : ""));
    }
}
