package io.mio4j.internal;

import io.mio4j.Token;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * What one {@code Events} holds: the backend's raw event array (off-heap, filled by the
 * kernel) and, per delivered event, its token and readiness in our own bits. A backend
 * decodes the raw array into these once per poll, so reading an event is a field read.
 */
public final class EventBuffer {
    public static final int READABLE = 1;
    public static final int WRITABLE = 1 << 1;
    public static final int ERROR = 1 << 2;
    public static final int READ_CLOSED = 1 << 3;
    public static final int WRITE_CLOSED = 1 << 4;
    public static final int PRIORITY = 1 << 5;
    public static final int AIO = 1 << 6;
    public static final int LIO = 1 << 7;

    private final int capacity;
    private final Token[] tokens;
    private final int[] readiness;
    private int size;
    private ByteBuffer raw;

    /**
     * The largest capacity: far more events than one poll can usefully return, and small
     * enough that the arrays (and the kernel's struct array) stay well inside int sizes.
     */
    public static final int MAX_CAPACITY = 1 << 20;

    public EventBuffer(int capacity) {
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("capacity must be 1 to " + MAX_CAPACITY + ", not " + capacity);
        }
        this.capacity = capacity;
        this.tokens = new Token[capacity];
        this.readiness = new int[capacity];
    }

    public int capacity() {
        return capacity;
    }

    public int size() {
        return size;
    }

    public Token token(int index) {
        return tokens[index];
    }

    public int readiness(int index) {
        return readiness[index];
    }

    /**
     * The raw array for {@code capacity} events of {@code eventSize} bytes each: a
     * direct, native-order buffer, made on first use and kept.
     */
    public ByteBuffer raw(int eventSize) {
        ByteBuffer buffer = raw;
        if (buffer == null || buffer.capacity() < capacity * eventSize) {
            buffer = ByteBuffer.allocateDirect(capacity * eventSize).order(ByteOrder.nativeOrder());
            raw = buffer;
        }
        return buffer;
    }

    /** Appends one decoded event; the caller keeps size below capacity. */
    public void add(Token token, int bits) {
        tokens[size] = token;
        readiness[size] = bits;
        size++;
    }

    public void clear() {
        Arrays.fill(tokens, 0, size, null);   // do not keep tokens alive
        size = 0;
    }
}
