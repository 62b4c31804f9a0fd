package io.mio4j;

import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class TokenTest {
    @Test
    void tokensAreEqualByValue() {
        assertEquals(Token.of(7), new Token(7));
        assertEquals(Token.of(7).hashCode(), new Token(7).hashCode());
        assertNotEquals(Token.of(7), Token.of(8));
        assertEquals(7, Token.of(7).value());
        assertEquals(Long.MIN_VALUE, Token.of(Long.MIN_VALUE).value());
    }

    @Test
    void anEventCarriesATokenEqualToTheRegisteredOne() throws IOException {
        for (long value : new long[] {0, -1, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 32}) {
            try (Poll poll = Poll.open(); Waker waker = Waker.open(poll.registry(), new Token(value))) {
                Events events = Events.withCapacity(2);
                waker.wake();
                assertEquals(1, poll.poll(events, Expect.BOUND));
                assertEquals(Token.of(value), events.get(0).token());
            }
        }
    }
}
