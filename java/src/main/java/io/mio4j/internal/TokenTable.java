package io.mio4j.internal;

import io.mio4j.Token;

/**
 * Maps a registered descriptor to the caller's Token, with a generation per
 * registration. The kernel carries (generation, fd) in its 64-bit event data; an event
 * whose generation is no longer current (the descriptor was deregistered, reregistered
 * or reused) is dropped instead of being reported with the wrong token.
 *
 * Writers hold the table's lock; the polling thread reads without it, after a
 * volatile read of {@code slots} that sees every registration made before the kernel
 * reported the event.
 */
public final class TokenTable {
    /** Never given to a registration: marks the poller's own wake-up descriptor. */
    public static final int INTERNAL_GENERATION = 0;

    /** The arrays of one size; replaced (never resized) when a descriptor outgrows them. */
    public static final class Slots {
        final Token[] tokens;
        final int[] generations;

        Slots(int size) {
            tokens = new Token[size];
            generations = new int[size];
        }

        /** The token for event data, or null when its registration is gone. */
        public Token lookup(long data) {
            int fd = fdOf(data);
            int generation = generationOf(data);
            if (fd < 0 || fd >= tokens.length || generation == INTERNAL_GENERATION
                    || generations[fd] != generation) {
                return null;
            }
            return tokens[fd];
        }
    }

    private volatile Slots slots = new Slots(64);
    private int lastGeneration;

    /** Event data for the poller's own descriptor. */
    public static long internalData(int fd) {
        return data(INTERNAL_GENERATION, fd);
    }

    public static long data(int generation, int fd) {
        return ((long) generation << 32) | (fd & 0xFFFF_FFFFL);
    }

    public static int fdOf(long data) {
        return (int) data;
    }

    public static int generationOf(long data) {
        return (int) (data >>> 32);
    }

    /** Records a new registration of fd; returns its event data. Hold the lock. */
    public long put(int fd, Token token) {
        if (fd < 0) {
            throw new IllegalArgumentException("bad descriptor " + fd);
        }
        Slots s = slots;
        if (fd >= s.tokens.length) {
            s = grow(s, fd);
        }
        int generation = ++lastGeneration;
        if (generation == INTERNAL_GENERATION) {
            generation = ++lastGeneration;
        }
        s.tokens[fd] = token;
        s.generations[fd] = generation;
        slots = s;   // volatile write: publishes the slot to the polling thread
        return data(generation, fd);
    }

    /** Forgets fd's registration. Hold the lock. */
    public void remove(int fd) {
        Slots s = slots;
        if (fd >= 0 && fd < s.tokens.length) {
            s.tokens[fd] = null;
            s.generations[fd] = INTERNAL_GENERATION;
            slots = s;
        }
    }

    /** The token of fd's current registration, or null. */
    public Token token(int fd) {
        Slots s = slots;
        return fd >= 0 && fd < s.tokens.length ? s.tokens[fd] : null;
    }

    /** Puts back a slot as {@link #generation} and {@link #token} read it. Hold the lock. */
    public void restore(int fd, int generation, Token token) {
        Slots s = slots;
        if (fd >= 0 && fd < s.tokens.length) {
            s.tokens[fd] = token;
            s.generations[fd] = generation;
            slots = s;
        }
    }

    /** The current generation of fd's registration, or INTERNAL_GENERATION if none. */
    public int generation(int fd) {
        Slots s = slots;
        return fd >= 0 && fd < s.tokens.length ? s.generations[fd] : INTERNAL_GENERATION;
    }

    /** A view for one round of decoding: one volatile read, then plain reads. */
    public Slots snapshot() {
        return slots;
    }

    private Slots grow(Slots old, int fd) {
        int size = old.tokens.length;
        while (size <= fd) {
            size = size * 2 > 0 ? size * 2 : Integer.MAX_VALUE;
        }
        Slots grown = new Slots(size);
        System.arraycopy(old.tokens, 0, grown.tokens, 0, old.tokens.length);
        System.arraycopy(old.generations, 0, grown.generations, 0, old.generations.length);
        return grown;
    }
}
