package io.mio4j.internal.ports;

import io.mio4j.Interest;
import io.mio4j.internal.EventBuffer;
import io.mio4j.internal.io.NativeConstant;

/**
 * What the binding reports about event ports: port_event_t's layout, the sources, the
 * poll bits and ETIME, port_getn's timeout (illumos's numbers are not Linux's);
 * and the two mappings between those bits and ours. Read once per PortsCalls.
 */
final class PortEvents {
    final int size;
    final int eventsOffset;
    final int sourceOffset;
    final int objectOffset;
    final int userOffset;
    final int sourceFd;
    final int sourceUser;
    final int pollIn;
    final int pollPri;
    final int pollOut;
    final int pollErr;
    final int pollHup;
    final int pollRdNorm;
    /** 0 where the system has no POLLRDHUP (Oracle Solaris 11). */
    final int pollRdHup;
    final int etime;

    PortEvents(PortsCalls calls) {
        size = required(calls, "SIZEOF_PORT_EVENT");
        eventsOffset = required(calls, "OFFSETOF_EVENTS");
        sourceOffset = required(calls, "OFFSETOF_SOURCE");
        objectOffset = required(calls, "OFFSETOF_OBJECT");
        userOffset = required(calls, "OFFSETOF_USER");
        sourceFd = required(calls, "PORT_SOURCE_FD");
        sourceUser = required(calls, "PORT_SOURCE_USER");
        pollIn = required(calls, "POLLIN");
        pollPri = required(calls, "POLLPRI");
        pollOut = required(calls, "POLLOUT");
        pollErr = required(calls, "POLLERR");
        pollHup = required(calls, "POLLHUP");
        pollRdNorm = required(calls, "POLLRDNORM");
        long rdhup = calls.constant("POLLRDHUP");
        pollRdHup = NativeConstant.known(rdhup) ? (int) rdhup : 0;
        etime = required(calls, "ETIME");
    }

    /** The one interest → association events mapping (AIO and LIO mean nothing here). */
    int events(Interest interests) {
        int events = 0;
        if (interests.isReadable()) {
            events |= pollIn | pollRdHup;   // POLLRDHUP: the peer's FIN as read-closed
        }
        if (interests.isWritable()) {
            events |= pollOut;
        }
        if (interests.isPriority()) {
            events |= pollPri;
        }
        return events;   // POLLERR and POLLHUP are delivered whatever was asked
    }

    /** The one delivered events → readiness mapping. */
    int readiness(int events) {
        int bits = 0;
        if ((events & (pollIn | pollRdNorm)) != 0) {
            bits |= EventBuffer.READABLE;
        }
        if ((events & pollOut) != 0) {
            bits |= EventBuffer.WRITABLE;
        }
        if ((events & pollPri) != 0) {
            bits |= EventBuffer.PRIORITY;
        }
        if ((events & pollErr) != 0) {
            bits |= EventBuffer.ERROR;
        }
        if ((events & pollHup) != 0) {
            bits |= EventBuffer.READ_CLOSED | EventBuffer.WRITE_CLOSED;
        }
        if ((events & pollRdHup) != 0) {
            bits |= EventBuffer.READ_CLOSED;
        }
        return bits;
    }

    /** "24 bytes, events at 0, source at 4, object at 8, user at 16", for diagnostics. */
    String layout() {
        return size + " bytes, events at " + eventsOffset + ", source at " + sourceOffset
                + ", object at " + objectOffset + ", user at " + userOffset;
    }

    private static int required(PortsCalls calls, String name) {
        return NativeConstant.required(name, calls.constant(name));
    }
}
