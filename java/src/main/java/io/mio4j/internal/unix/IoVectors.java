package io.mio4j.internal.unix;

import io.mio4j.internal.NativeConstant;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The (buffer, position, length) arrays of one vectored call, kept per thread so that
 * steady-state vectored I/O allocates nothing. {@code targets[i]} is the index, in the
 * caller's array, of the buffer entry i serves (entry i may be a range of the scratch
 * buffer standing in for a heap buffer).
 */
final class IoVectors {
    /** The most entries one call passes (the library's IOV_MAX). */
    static final int MAX = NativeConstant.required("IOV_MAX", FdNative.constant("IOV_MAX"));

    private static final ThreadLocal<IoVectors> CACHE = ThreadLocal.withInitial(IoVectors::new);

    final ByteBuffer[] buffers = new ByteBuffer[MAX];
    final int[] positions = new int[MAX];
    final int[] lengths = new int[MAX];
    final int[] targets = new int[MAX];
    int count;

    private IoVectors() {
    }

    static IoVectors get() {
        IoVectors vectors = CACHE.get();
        vectors.count = 0;
        return vectors;
    }

    boolean isFull() {
        return count == MAX;
    }

    void add(ByteBuffer buffer, int position, int length, int target) {
        buffers[count] = buffer;
        positions[count] = position;
        lengths[count] = length;
        targets[count] = target;
        count++;
    }

    /** Drops the references to the caller's buffers, so none is kept alive by this thread. */
    void clear() {
        Arrays.fill(buffers, 0, count, null);
        count = 0;
    }
}
