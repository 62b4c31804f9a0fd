package io.mio4j.internal;

import io.mio4j.Token;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The generation check that keeps a stale event from naming the wrong token. */
class TokenTableTest {
    @Test
    void theEventDataOfTheCurrentRegistrationFindsItsToken() {
        TokenTable table = new TokenTable();
        Token token = Token.of(5);
        long data = table.put(7, token);
        assertEquals(7, TokenTable.fdOf(data));
        assertNotEquals(TokenTable.INTERNAL_GENERATION, TokenTable.generationOf(data));
        assertSame(token, table.snapshot().lookup(data));
    }

    @Test
    void anEventOfARemovedRegistrationFindsNothing() {
        TokenTable table = new TokenTable();
        long data = table.put(7, Token.of(5));
        table.remove(7);
        assertNull(table.snapshot().lookup(data));
    }

    @Test
    void anEventOfAnEarlierRegistrationOfAReusedDescriptorFindsNothing() {
        TokenTable table = new TokenTable();
        long old = table.put(7, Token.of(1));
        table.remove(7);
        long current = table.put(7, Token.of(2));
        assertNull(table.snapshot().lookup(old));
        assertEquals(Token.of(2), table.snapshot().lookup(current));
        // A reregistration is a new generation too.
        long again = table.put(7, Token.of(3));
        assertNull(table.snapshot().lookup(current));
        assertEquals(Token.of(3), table.snapshot().lookup(again));
    }

    @Test
    void aProposedRegistrationAndTheCurrentOneBothFindTheirTokensUntilDecided() {
        TokenTable table = new TokenTable();
        long current = table.propose(3, Token.of(1));
        table.commit(3);
        long proposed = table.propose(3, Token.of(2));
        assertEquals(Token.of(1), table.snapshot().lookup(current));
        assertEquals(Token.of(2), table.snapshot().lookup(proposed));
        table.commit(3);
        assertNull(table.snapshot().lookup(current));
        assertEquals(Token.of(2), table.snapshot().lookup(proposed));
    }

    @Test
    void anAbandonedProposalLeavesTheCurrentRegistrationAsItWas() {
        TokenTable table = new TokenTable();
        long current = table.propose(3, Token.of(1));
        table.commit(3);
        long refused = table.propose(3, Token.of(2));   // say the kernel answers EEXIST
        table.abandon(3);
        assertEquals(Token.of(1), table.snapshot().lookup(current));
        assertNull(table.snapshot().lookup(refused));
    }

    @Test
    void aProposalBeyondTheTableGrowsItAndKeepsWhatWasThere() {
        TokenTable table = new TokenTable();
        long low = table.put(3, Token.of(1));
        long high = table.propose(5000, Token.of(2));
        assertEquals(Token.of(1), table.snapshot().lookup(low));
        assertEquals(Token.of(2), table.snapshot().lookup(high));
    }

    @Test
    void theInternalDescriptorAndUnknownDescriptorsFindNothing() {
        TokenTable table = new TokenTable();
        table.put(4, Token.of(1));
        assertNull(table.snapshot().lookup(TokenTable.internalData(4)));
        assertNull(table.snapshot().lookup(TokenTable.data(1, 100_000)));
        assertNull(table.snapshot().lookup(TokenTable.data(1, -1)));
        assertThrows(IllegalArgumentException.class, () -> table.put(-1, Token.of(1)));
    }

    @Test
    void largeDescriptorsGrowTheTableAndKeepEarlierEntries() {
        TokenTable table = new TokenTable();
        long small = table.put(3, Token.of(3));
        long large = table.put(70_000, Token.of(70_000));
        assertEquals(Token.of(3), table.snapshot().lookup(small));
        assertEquals(Token.of(70_000), table.snapshot().lookup(large));
    }
}
