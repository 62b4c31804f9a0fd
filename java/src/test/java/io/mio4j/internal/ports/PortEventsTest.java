package io.mio4j.internal.ports;

import io.mio4j.Interest;
import io.mio4j.internal.EventBuffer;
import io.mio4j.internal.io.NativeConstant;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The two mappings between poll bits and ours, with the bit values a binding reports. */
class PortEventsTest {
    private static final PortEvents ILLUMOS = new PortEvents(new ScriptedPort(true));
    private static final PortEvents NO_RDHUP = new PortEvents(new ScriptedPort(false));
    private static final int READ_CLOSED = EventBuffer.READ_CLOSED;
    private static final int WRITE_CLOSED = EventBuffer.WRITE_CLOSED;

    @Test
    void eachPollBitMapsToItsReadiness() {
        assertEquals(EventBuffer.READABLE, ILLUMOS.readiness(ScriptedPort.POLLIN));
        assertEquals(EventBuffer.READABLE, ILLUMOS.readiness(ScriptedPort.POLLRDNORM));
        assertEquals(EventBuffer.WRITABLE, ILLUMOS.readiness(ScriptedPort.POLLOUT));
        assertEquals(EventBuffer.PRIORITY, ILLUMOS.readiness(ScriptedPort.POLLPRI));
        assertEquals(EventBuffer.ERROR, ILLUMOS.readiness(ScriptedPort.POLLERR));
        assertEquals(READ_CLOSED | WRITE_CLOSED, ILLUMOS.readiness(ScriptedPort.POLLHUP));
        assertEquals(READ_CLOSED, ILLUMOS.readiness(ScriptedPort.POLLRDHUP));
        assertEquals(EventBuffer.READABLE | READ_CLOSED,
                ILLUMOS.readiness(ScriptedPort.POLLIN | ScriptedPort.POLLRDHUP), "data, then the peer's FIN");
        assertEquals(0, ILLUMOS.readiness(0x20), "POLLNVAL alone says nothing we report");
    }

    @Test
    void withoutPollRdHupOnlyPollHupIsReadClosed() {
        assertEquals(0, NO_RDHUP.readiness(ScriptedPort.POLLRDHUP));
        assertEquals(READ_CLOSED | WRITE_CLOSED, NO_RDHUP.readiness(ScriptedPort.POLLHUP));
    }

    @Test
    void interestsAskForTheirPollBits() {
        assertEquals(ScriptedPort.POLLIN | ScriptedPort.POLLRDHUP, ILLUMOS.events(Interest.READABLE));
        assertEquals(ScriptedPort.POLLIN, NO_RDHUP.events(Interest.READABLE));
        assertEquals(ScriptedPort.POLLOUT, ILLUMOS.events(Interest.WRITABLE));
        assertEquals(ScriptedPort.POLLPRI, ILLUMOS.events(Interest.PRIORITY));
        assertEquals(ScriptedPort.POLLIN | ScriptedPort.POLLRDHUP | ScriptedPort.POLLOUT | ScriptedPort.POLLPRI,
                ILLUMOS.events(Interest.READABLE.add(Interest.WRITABLE).add(Interest.PRIORITY).add(Interest.AIO)));
    }

    @Test
    void theLayoutIsTheBindingsNotAGuess() {
        assertEquals("32 bytes, events at 16, source at 22, object at 8, user at 0", ILLUMOS.layout());
    }

    @Test
    void aBindingThatLacksARequiredNameFailsAtOnce() {
        ScriptedPort port = new ScriptedPort();
        PortsCalls lacking = new PortsCalls() {
            @Override
            public long constant(String name) {
                return name.equals("OFFSETOF_USER") ? NativeConstant.UNKNOWN : port.constant(name);
            }

            @Override
            public int create() {
                throw new AssertionError();
            }

            @Override
            public int associate(int p, int fd, int events, long user) {
                throw new AssertionError();
            }

            @Override
            public int dissociate(int p, int fd) {
                throw new AssertionError();
            }

            @Override
            public long getn(int p, ByteBuffer events, int max, int nget, long timeoutNanos) {
                throw new AssertionError();
            }

            @Override
            public int send(int p, int events, long user) {
                throw new AssertionError();
            }
        };
        assertThrows(ExceptionInInitializerError.class, () -> new PortEvents(lacking));
    }
}
