package io.mio4j.internal.afd;

import io.mio4j.Token;
import io.mio4j.internal.TokenTable;

import java.util.HashMap;
import java.util.Map;

/**
 * Who is registered with one AFD selector. A SOCKET is 64 bits wide, too wide to sit
 * beside a generation in the 64-bit event data as a Unix descriptor does; so each
 * registration takes a small slot number (reused after deregistration) and the event
 * data is TokenTable data for (generation, slot). A stale event (the slot was freed
 * or reused meanwhile) has an old generation and is dropped.
 *
 * Not thread-safe: the selector holds its lock around every call except
 * {@link #snapshot()}, which the polling thread reads without it (TokenTable).
 */
final class Registrations {
    private final TokenTable tokens = new TokenTable();
    private final Map<Long, Integer> slotsByHandle = new HashMap<>();
    private int[] freeSlots = new int[16];
    private int freeCount;
    private int nextSlot;

    /** The slot of handle, or -1. */
    int slotOf(long handle) {
        Integer slot = slotsByHandle.get(handle);
        return slot == null ? -1 : slot;
    }

    /** A new slot for handle (forgetting a stale one of the same value); its event data. */
    long add(long handle, Token token) {
        remove(handle);
        int slot = allocate();
        slotsByHandle.put(handle, slot);
        return tokens.put(slot, token);
    }

    /** Forgets handle's registration; false when it had none. */
    boolean remove(long handle) {
        Integer slot = slotsByHandle.remove(handle);
        if (slot == null) {
            return false;
        }
        free(slot);
        return true;
    }

    /** A slot with no socket (the Waker's); its event data. */
    long addInternal(Token token) {
        return tokens.put(allocate(), token);
    }

    void free(int slot) {
        tokens.remove(slot);
        if (freeCount == freeSlots.length) {
            int[] grown = new int[freeCount * 2];
            System.arraycopy(freeSlots, 0, grown, 0, freeCount);
            freeSlots = grown;
        }
        freeSlots[freeCount++] = slot;
    }

    TokenTable tokens() {
        return tokens;
    }

    TokenTable.Slots snapshot() {
        return tokens.snapshot();
    }

    private int allocate() {
        return freeCount > 0 ? freeSlots[--freeCount] : nextSlot++;
    }
}
