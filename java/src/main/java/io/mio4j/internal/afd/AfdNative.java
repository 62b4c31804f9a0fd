package io.mio4j.internal.afd;

import io.mio4j.internal.NativeLibrary;

import java.nio.ByteBuffer;

/**
 * Natives of native/afd/jni_afd.c (over afd_selector.c). Results: a count, 0, or a
 * negated Win32/Winsock error. A selector is a handle (> 0) that the library checks,
 * not an address; a SOCKET is a long.
 */
final class AfdNative {
    static {
        NativeLibrary.ensureLoaded();
    }

    private AfdNative() {
    }

    /** Layout (EVENT_SIZE, EVENT_*_OFFSET), interest and readiness bits; NativeConstant.UNKNOWN if unknown. */
    static native long constant(String name);

    /** A new selector's handle (> 0), or a negative error. */
    static native long open();

    static native int close(long selector);

    static native int register(long selector, long socket, long data, int interests);

    static native int reregister(long selector, long socket, long data, int interests);

    static native int deregister(long selector, long socket);

    /** Re-arms the socket's interests after an operation reported would-block. */
    static native int wouldBlock(long selector, long socket);

    /**
     * Waits for events into a direct buffer of at least capacity * EVENT_SIZE bytes;
     * timeoutMillis < 0: no limit. With a limit it may return 0 early.
     */
    static native int select(long selector, ByteBuffer events, int capacity, int timeoutMillis);

    /** Posts a completion: select returns an event {data, READABLE}. Any thread. */
    static native int wake(long selector, long data);
}
