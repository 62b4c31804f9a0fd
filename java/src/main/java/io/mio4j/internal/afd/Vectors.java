package io.mio4j.internal.afd;

import java.nio.ByteBuffer;

/**
 * The (buffer, position, length) arrays of one vectored call, kept per thread so that
 * steady-state scattering and gathering allocate nothing. Empty buffers are skipped;
 * at most {@code max} buffers go into one call (a short read or write, as the caller
 * expects anyway).
 */
final class Vectors {
    private static final ThreadLocal<Vectors> CACHE = new ThreadLocal<>();

    ByteBuffer[] buffers = new ByteBuffer[0];
    int[] positions = new int[0];
    int[] lengths = new int[0];
    int count;

    static Vectors of(ByteBuffer[] source, int offset, int length, int max) {
        Vectors v = CACHE.get();
        if (v == null) {
            v = new Vectors();
            CACHE.set(v);
        }
        int size = Math.min(length, max);
        if (v.buffers.length < size) {
            v.buffers = new ByteBuffer[size];
            v.positions = new int[size];
            v.lengths = new int[size];
        }
        v.count = 0;
        for (int i = offset; i < offset + length && v.count < size; i++) {
            ByteBuffer b = source[i];
            if (b.hasRemaining()) {
                v.buffers[v.count] = b;
                v.positions[v.count] = b.position();
                v.lengths[v.count] = b.remaining();
                v.count++;
            }
        }
        return v;
    }

    /** Moves the buffers' positions over the n bytes the call transferred. */
    void advance(int n) {
        for (int i = 0; i < count && n > 0; i++) {
            int k = Math.min(lengths[i], n);
            buffers[i].position(positions[i] + k);
            n -= k;
        }
    }

    /** Drops the references so the cache keeps no buffer alive. */
    void clear() {
        for (int i = 0; i < count; i++) {
            buffers[i] = null;
        }
        count = 0;
    }
}
