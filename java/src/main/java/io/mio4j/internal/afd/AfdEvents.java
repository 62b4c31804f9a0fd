package io.mio4j.internal.afd;

import io.mio4j.Token;
import io.mio4j.internal.EventBuffer;
import io.mio4j.internal.TokenTable;

import java.nio.ByteBuffer;

/**
 * Decodes the events of native/afd (our own layout, struct mio4j_afd_event: 64-bit
 * data, 32-bit readiness bits) into an EventBuffer. The data is TokenTable data:
 * (generation, slot) of a registration; generation 0 marks the selector's own
 * wake-ups, which carry no event. Pure: the layout and bit values are given, so it
 * is tested without the Windows library.
 */
record AfdEvents(int eventSize, int dataOffset, int readinessOffset,
                 int readable, int writable, int error, int readClosed, int writeClosed,
                 int priority) {

    /** Appends the events of raw[0..n) whose registration is still current. */
    void decode(ByteBuffer raw, int n, TokenTable.Slots slots, EventBuffer out) {
        for (int i = 0, at = 0; i < n; i++, at += eventSize) {
            long data = raw.getLong(at + dataOffset);
            if (TokenTable.generationOf(data) == TokenTable.INTERNAL_GENERATION) {
                continue;   // Thread.interrupt() or close(): the wake-up is done
            }
            Token token = slots.lookup(data);
            if (token != null) {
                out.add(token, readiness(raw.getInt(at + readinessOffset)));
            }
        }
    }

    /** The library's readiness bits as EventBuffer's. */
    int readiness(int bits) {
        int result = 0;
        if ((bits & readable) != 0) {
            result |= EventBuffer.READABLE;
        }
        if ((bits & writable) != 0) {
            result |= EventBuffer.WRITABLE;
        }
        if ((bits & error) != 0) {
            result |= EventBuffer.ERROR;
        }
        if ((bits & readClosed) != 0) {
            result |= EventBuffer.READ_CLOSED;
        }
        if ((bits & writeClosed) != 0) {
            result |= EventBuffer.WRITE_CLOSED;
        }
        if ((bits & priority) != 0) {
            result |= EventBuffer.PRIORITY;
        }
        return result;
    }
}
