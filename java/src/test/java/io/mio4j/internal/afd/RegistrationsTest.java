package io.mio4j.internal.afd;

import io.mio4j.Token;
import io.mio4j.internal.TokenTable;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Slots and generations for 64-bit SOCKET handles; runs without the Windows library. */
class RegistrationsTest {
    private final Registrations registrations = new Registrations();

    @Test
    void handlesWiderThanAnIntGetTheirOwnSlots() {
        long a = registrations.add(0x1_0000_0004L, Token.of(1));
        long b = registrations.add(0x2_0000_0004L, Token.of(2));
        assertNotEquals(registrations.slotOf(0x1_0000_0004L), registrations.slotOf(0x2_0000_0004L));
        assertEquals(Token.of(1), registrations.snapshot().lookup(a));
        assertEquals(Token.of(2), registrations.snapshot().lookup(b));
    }

    @Test
    void aFreedSlotIsReusedWithANewGeneration() {
        long first = registrations.add(100, Token.of(1));
        registrations.remove(100);
        long second = registrations.add(200, Token.of(2));
        assertEquals(TokenTable.fdOf(first), TokenTable.fdOf(second));
        assertNotEquals(TokenTable.generationOf(first), TokenTable.generationOf(second));
        assertNull(registrations.snapshot().lookup(first));
    }

    @Test
    void addingAHandleAgainReplacesItsStaleRegistration() {
        long stale = registrations.add(100, Token.of(1));
        long fresh = registrations.add(100, Token.of(2));
        assertNull(registrations.snapshot().lookup(stale));
        assertEquals(Token.of(2), registrations.snapshot().lookup(fresh));
        assertTrue(registrations.remove(100));
        assertFalse(registrations.remove(100));
    }

    @Test
    void theWakersSlotIsNeverAnInternalWakeUp() {
        long data = registrations.addInternal(Token.of(9));
        assertNotEquals(TokenTable.INTERNAL_GENERATION, TokenTable.generationOf(data));
        assertEquals(Token.of(9), registrations.snapshot().lookup(data));
        registrations.free(TokenTable.fdOf(data));
        assertNull(registrations.snapshot().lookup(data));
    }

    @Test
    void unknownHandleHasNoSlot() {
        assertEquals(-1, registrations.slotOf(12345));
    }
}
