package io.mio4j.internal.io;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The (buffer, position, length) arrays of one vectored call, kept per thread so that
 * steady-state vectored I/O allocates nothing. Entry k covers {@code lengths[k]} bytes at
 * {@code positions[k]} of {@code buffers[k]}, a direct buffer: the caller's own, or the
 * scratch buffer standing in for a heap buffer. {@code targets[k]} is the index of that
 * caller's buffer in its array and {@code starts[k]} its position when the call began.
 */
public final class IoVectors {
    /** The most entries one call can hold; a dispatcher may take fewer. */
    public static final int CAPACITY = 1024;

    private static final ThreadLocal<IoVectors> CACHE = ThreadLocal.withInitial(IoVectors::new);

    public final ByteBuffer[] buffers = new ByteBuffer[CAPACITY];
    public final int[] positions = new int[CAPACITY];
    public final int[] lengths = new int[CAPACITY];
    public final int[] targets = new int[CAPACITY];
    public final int[] starts = new int[CAPACITY];
    public int count;

    private IoVectors() {
    }

    /** This thread's vectors, empty. */
    public static IoVectors get() {
        IoVectors vectors = CACHE.get();
        vectors.count = 0;
        return vectors;
    }

    public void add(ByteBuffer buffer, int position, int length, int target, int start) {
        buffers[count] = buffer;
        positions[count] = position;
        lengths[count] = length;
        targets[count] = target;
        starts[count] = start;
        count++;
    }

    /** Drops the references to the caller's buffers, so none is kept alive by this thread. */
    public void clear() {
        Arrays.fill(buffers, 0, count, null);
        count = 0;
    }
}
