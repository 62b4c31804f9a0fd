package io.mio4j.internal.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A direct buffer per thread for I/O on heap buffers: the kernel can only use memory
 * that does not move, so heap data is copied through it. Kept and reused, so steady
 * state allocates nothing; at most {@link #MAX} bytes go through per call.
 */
public final class ScratchBuffers {
    /** The most one call moves through a scratch buffer; larger requests are partial. */
    public static final int MAX = 256 * 1024;
    private static final int MIN = 8 * 1024;

    private static final ThreadLocal<ByteBuffer> CACHE = new ThreadLocal<>();

    private ScratchBuffers() {
    }

    /** A cleared direct buffer with at least min(size, MAX) bytes of room, limit set to that. */
    public static ByteBuffer get(int size) {
        int wanted = Math.min(Math.max(size, 0), MAX);
        ByteBuffer buffer = CACHE.get();
        if (buffer == null || buffer.capacity() < wanted) {
            int capacity = Math.max(MIN, Integer.highestOneBit(Math.max(wanted - 1, 1)) << 1);
            buffer = ByteBuffer.allocateDirect(Math.min(capacity, MAX)).order(ByteOrder.nativeOrder());
            CACHE.set(buffer);
        }
        buffer.clear().limit(wanted);
        return buffer;
    }
}
