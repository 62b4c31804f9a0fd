package io.mio4j.internal.abi;

import java.nio.ByteBuffer;

/**
 * The argument checks of our C natives, for the bindings that call the OS directly (FFM,
 * JNA): what the C refuses with -EINVAL never reaches the OS from them either. Each
 * mirrors one C check, named beside it.
 */
public final class ArgumentChecks {
    /** native/unix/iovec.h's MIO4J_IOV_MAX. */
    public static final int IOV_MAX = 1024;
    /** native/unix/sockaddr.h's MIO4J_SOCKADDR_MAX. */
    public static final int SOCKADDR_MAX = 128;

    private ArgumentChecks() {
    }

    /**
     * native/jni/buffers.c's mio4j_buffer_range: a direct buffer, and [pos, pos + len)
     * inside its capacity.
     */
    public static boolean bufferRange(ByteBuffer buffer, int pos, int len) {
        return buffer != null && buffer.isDirect() && pos >= 0 && len >= 0
                && (long) pos + len <= buffer.capacity();
    }

    /**
     * native/unix/iovec.c's mio4j_fill_iovec: arrays present and long enough, count in
     * 1..IOV_MAX, every range a valid buffer range.
     */
    public static boolean vectors(ByteBuffer[] buffers, int[] positions, int[] lengths, int count) {
        if (buffers == null || positions == null || lengths == null || count < 1 || count > IOV_MAX
                || buffers.length < count || positions.length < count || lengths.length < count) {
            return false;
        }
        for (int i = 0; i < count; i++) {
            if (!bufferRange(buffers[i], positions[i], lengths[i])) {
                return false;
            }
        }
        return true;
    }

    /** The out arrays of pipe, socketpair, getsockopt, getLinger: present, at least {@code min} long. */
    public static boolean out(int[] array, int min) {
        return array != null && array.length >= min;
    }

    /** The address arrays accept, getsockname, getpeername and recvfrom fill: SOCKADDR_MAX bytes. */
    public static boolean addressOut(byte[] address) {
        return address != null && address.length >= SOCKADDR_MAX;
    }

    /** native/unix/datagram.c's copy_bytes: exactly {@code size} bytes. */
    public static boolean exactly(byte[] array, int size) {
        return array != null && array.length == size;
    }

    /** native/epoll/epoll.c's event_array: 1..(INT32_MAX / size) events within the buffer. */
    public static boolean eventArray(ByteBuffer events, int maxEvents, int eventSize) {
        return maxEvents >= 1 && maxEvents <= Integer.MAX_VALUE / eventSize
                && bufferRange(events, 0, maxEvents * eventSize);
    }
}
