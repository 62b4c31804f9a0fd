package io.mio4j;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** mio's tests/interest.rs, and the Interest rules of API.md. */
class InterestTest {
    private static final List<Interest> SINGLES =
            List.of(Interest.READABLE, Interest.WRITABLE, Interest.PRIORITY, Interest.AIO, Interest.LIO);

    @Test
    void eachConstantHasExactlyItsOwnFlag() {
        assertTrue(Interest.READABLE.isReadable());
        assertFalse(Interest.READABLE.isWritable());
        assertFalse(Interest.WRITABLE.isReadable());
        assertTrue(Interest.WRITABLE.isWritable());
        assertFalse(Interest.WRITABLE.isAio());
        assertFalse(Interest.WRITABLE.isLio());
        assertTrue(Interest.PRIORITY.isPriority());
        assertFalse(Interest.PRIORITY.isReadable());
        assertTrue(Interest.AIO.isAio());
        assertTrue(Interest.LIO.isLio());
        for (Interest a : SINGLES) {
            for (Interest b : SINGLES) {
                assertEquals(a == b, a.equals(b), a + " vs " + b);
            }
        }
    }

    @Test
    void addIsTheUnion() {
        Interest both = Interest.READABLE.add(Interest.WRITABLE);
        assertTrue(both.isReadable());
        assertTrue(both.isWritable());
        assertFalse(both.isPriority());
        assertEquals(both, Interest.WRITABLE.add(Interest.READABLE));
        assertEquals(both, both.add(Interest.READABLE));
        assertThrows(NullPointerException.class, () -> Interest.READABLE.add(null));
    }

    @Test
    void removeLeavesTheRestOrNothing() {
        Interest both = Interest.READABLE.add(Interest.WRITABLE);
        assertEquals(Optional.of(Interest.WRITABLE), both.remove(Interest.READABLE));
        assertEquals(Optional.of(Interest.READABLE), both.remove(Interest.WRITABLE));
        assertEquals(Optional.empty(), both.remove(both));
        assertEquals(Optional.empty(), Interest.READABLE.remove(Interest.READABLE));
        assertEquals(Optional.of(Interest.READABLE), Interest.READABLE.remove(Interest.WRITABLE));
        Interest all = Interest.READABLE.add(Interest.WRITABLE).add(Interest.PRIORITY).add(Interest.AIO).add(Interest.LIO);
        assertEquals(Optional.of(Interest.PRIORITY), all.remove(both.add(Interest.AIO).add(Interest.LIO)));
    }

    @Test
    void equalValuesAreEqualWithEqualHashCodes() {
        Interest a = Interest.READABLE.add(Interest.PRIORITY);
        Interest b = Interest.PRIORITY.add(Interest.READABLE);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, Interest.READABLE);
        assertNotEquals(a, null);
        assertNotEquals(a, "READABLE | PRIORITY");
    }

    @Test
    void toStringJoinsTheFlagsInAFixedOrder() {
        assertEquals("READABLE", Interest.READABLE.toString());
        assertEquals("WRITABLE", Interest.WRITABLE.toString());
        assertEquals("PRIORITY", Interest.PRIORITY.toString());
        assertEquals("AIO", Interest.AIO.toString());
        assertEquals("LIO", Interest.LIO.toString());
        assertEquals("READABLE | WRITABLE", Interest.WRITABLE.add(Interest.READABLE).toString());
        assertEquals("READABLE | WRITABLE | PRIORITY | AIO | LIO",
                Interest.LIO.add(Interest.AIO).add(Interest.PRIORITY).add(Interest.WRITABLE)
                        .add(Interest.READABLE).toString());
        assertEquals("WRITABLE | LIO", Interest.LIO.add(Interest.WRITABLE).toString());
    }
}
