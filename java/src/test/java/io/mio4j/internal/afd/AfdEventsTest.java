package io.mio4j.internal.afd;

import io.mio4j.Token;
import io.mio4j.internal.EventBuffer;
import io.mio4j.internal.TokenTable;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Decoding of native/afd's 16-byte events; runs without the Windows library. */
class AfdEventsTest {
    /** The layout and bits native/afd/README.md documents. */
    private static final AfdEvents DOCUMENTED = new AfdEvents(16, 0, 8, 1, 2, 4, 8, 16, 32);

    private final ByteBuffer raw = ByteBuffer.allocateDirect(16 * 8).order(ByteOrder.nativeOrder());
    private final EventBuffer events = new EventBuffer(8);
    private final Registrations registrations = new Registrations();

    private void put(int index, long data, int readiness) {
        raw.putLong(index * 16, data);
        raw.putInt(index * 16 + 8, readiness);
        raw.putInt(index * 16 + 12, 0);
    }

    @Test
    void eventOfACurrentRegistrationCarriesItsTokenAndReadiness() {
        long data = registrations.add(0x7FFF_0000_1234L, Token.of(42));
        put(0, data, 1 | 8);
        DOCUMENTED.decode(raw, 1, registrations.snapshot(), events);
        assertEquals(1, events.size());
        assertEquals(Token.of(42), events.token(0));
        assertEquals(EventBuffer.READABLE | EventBuffer.READ_CLOSED, events.readiness(0));
    }

    @Test
    void selfWakeUpsAreConsumedWithoutAnEvent() {
        long data = registrations.add(5, Token.of(1));
        put(0, TokenTable.internalData(0), 1);
        put(1, data, 2);
        DOCUMENTED.decode(raw, 2, registrations.snapshot(), events);
        assertEquals(1, events.size());
        assertEquals(Token.of(1), events.token(0));
        assertEquals(EventBuffer.WRITABLE, events.readiness(0));
    }

    @Test
    void eventOfADeregisteredSocketIsDropped() {
        long data = registrations.add(9, Token.of(3));
        registrations.remove(9);
        put(0, data, 1);
        DOCUMENTED.decode(raw, 1, registrations.snapshot(), events);
        assertEquals(0, events.size());
    }

    @Test
    void eventFromBeforeAReregistrationOfTheSameHandleIsDropped() {
        long stale = registrations.add(9, Token.of(3));
        registrations.remove(9);
        long current = registrations.add(9, Token.of(4));
        put(0, stale, 1);
        put(1, current, 1);
        DOCUMENTED.decode(raw, 2, registrations.snapshot(), events);
        assertEquals(1, events.size());
        assertEquals(Token.of(4), events.token(0));
    }

    @Test
    void everyReadinessBitMapsToItsEventBufferBit() {
        assertEquals(EventBuffer.READABLE | EventBuffer.WRITABLE | EventBuffer.ERROR
                        | EventBuffer.READ_CLOSED | EventBuffer.WRITE_CLOSED | EventBuffer.PRIORITY,
                DOCUMENTED.readiness(63));
        assertEquals(EventBuffer.ERROR, DOCUMENTED.readiness(4));
        assertEquals(EventBuffer.PRIORITY, DOCUMENTED.readiness(32));
        assertEquals(0, DOCUMENTED.readiness(64));
    }

    @Test
    void readinessFollowsTheLibrarysBitValuesNotOurs() {
        AfdEvents shuffled = new AfdEvents(16, 0, 8, 32, 16, 8, 4, 2, 1);
        assertEquals(EventBuffer.READABLE, shuffled.readiness(32));
        assertEquals(EventBuffer.PRIORITY | EventBuffer.WRITE_CLOSED, shuffled.readiness(1 | 2));
    }

    @Test
    void offsetsAndEventSizeComeFromTheLayout() {
        // data at 8, readiness at 0, 24-byte events: a layout unlike the documented one
        AfdEvents other = new AfdEvents(24, 8, 0, 1, 2, 4, 8, 16, 32);
        long data = registrations.add(77, Token.of(7));
        raw.putInt(24, 2);
        raw.putLong(24 + 8, data);
        raw.putLong(8, TokenTable.internalData(0));
        other.decode(raw, 2, registrations.snapshot(), events);
        assertEquals(1, events.size());
        assertEquals(Token.of(7), events.token(0));
        assertEquals(EventBuffer.WRITABLE, events.readiness(0));
    }
}
