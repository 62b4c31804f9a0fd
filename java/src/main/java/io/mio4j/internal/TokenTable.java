package io.mio4j.internal;

import io.mio4j.Token;

import java.lang.invoke.VarHandle;

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

    /**
     * The arrays of one size; replaced (never resized) when a descriptor outgrows them.
     *
     * <p>Beside them, the one registration the kernel has not yet accepted or refused (see
     * propose()): one at a time, since every propose is followed by its commit or abandon
     * under the poller's lock, so two fields replace two arrays per slot (8 bytes a
     * descriptor less), and nothing is allocated per registration. The polling thread reads
     * them as a StampedLock's optimistic reader does: the key, the token, then the key again
     * after an acquire fence; a writer clears the key before it changes the token.
     */
    public static final class Slots {
        final Token[] tokens;
        final int[] generations;
        volatile long proposedKey;   // data(generation, fd) of the proposal, or 0 for none
        Token proposedToken;

        Slots(int size) {
            tokens = new Token[size];
            generations = new int[size];
        }

        /** The token for event data, or null when its registration is gone. */
        public Token lookup(long data) {
            int fd = fdOf(data);
            int generation = generationOf(data);
            if (fd < 0 || fd >= tokens.length || generation == INTERNAL_GENERATION) {
                return null;
            }
            if (generations[fd] == generation) {
                return tokens[fd];
            }
            if (proposedKey != data) {
                return null;
            }
            Token token = proposedToken;
            VarHandle.acquireFence();   // the token is read before the key is checked again
            return proposedKey == data ? token : null;
        }
    }

    /**
     * Descriptors from 0 to MAX_SLOTS - 1 can be registered: Linux's default ceiling
     * (fs.nr_open is 1 048 576). The arrays grow to the largest one registered, so a
     * larger descriptor would cost memory out of all proportion.
     */
    public static final int MAX_SLOTS = 1 << 20;

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
        checkSlot(fd);
        Slots s = slots;
        if (fd >= s.tokens.length) {
            s = grow(s, fd);
        }
        int generation = nextGeneration();
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

    /**
     * Starts a registration of fd that the kernel may still refuse; returns its event
     * data. Until {@link #commit} or {@link #abandon}, events of both the current
     * registration and this one are looked up, so neither an event that comes before
     * commit nor one of a registration that the kernel keeps (refusing this one, say
     * with EEXIST) is dropped. Hold the lock.
     */
    public long propose(int fd, Token token) {
        checkSlot(fd);
        Slots s = slots;
        if (fd >= s.tokens.length) {
            s = grow(s, fd);
        }
        int generation = nextGeneration();
        long data = data(generation, fd);
        s.proposedKey = 0;
        VarHandle.storeStoreFence();   // no reader can see the new token under the old key
        s.proposedToken = token;
        s.proposedKey = data;          // volatile: publishes the token with it
        slots = s;   // volatile write: publishes the slot to the polling thread
        return data;
    }

    /** The kernel accepted fd's proposed registration: it replaces the current one. Hold the lock. */
    public void commit(int fd) {
        Slots s = slots;
        long key = s.proposedKey;
        if (key == 0 || fdOf(key) != fd) {
            throw new IllegalStateException("no registration of " + fd + " was proposed");
        }
        s.tokens[fd] = s.proposedToken;
        s.generations[fd] = generationOf(key);
        clearProposal(s);
        slots = s;
    }

    /** The kernel refused fd's proposed registration: the current one stays. Hold the lock. */
    public void abandon(int fd) {
        Slots s = slots;
        clearProposal(s);
        slots = s;
    }

    /** A view for one round of decoding: one volatile read, then plain reads. */
    public Slots snapshot() {
        return slots;
    }

    private static void checkSlot(int fd) {
        if (fd < 0 || fd >= MAX_SLOTS) {
            throw new IllegalArgumentException("descriptor " + fd + " is outside 0.." + (MAX_SLOTS - 1)
                    + ", the range a poller can register");
        }
    }

    private static void clearProposal(Slots s) {
        s.proposedKey = 0;
        VarHandle.storeStoreFence();   // the key is gone before the token is
        s.proposedToken = null;
    }

    private int nextGeneration() {
        int generation = ++lastGeneration;
        return generation != INTERNAL_GENERATION ? generation : ++lastGeneration;
    }

    private Slots grow(Slots old, int fd) {
        int size = old.tokens.length;
        while (size <= fd) {
            size *= 2;   // at most MAX_SLOTS: fd < MAX_SLOTS, a power of two
        }
        Slots grown = new Slots(size);
        System.arraycopy(old.tokens, 0, grown.tokens, 0, old.tokens.length);
        System.arraycopy(old.generations, 0, grown.generations, 0, old.generations.length);
        grown.proposedToken = old.proposedToken;
        grown.proposedKey = old.proposedKey;
        return grown;
    }
}
