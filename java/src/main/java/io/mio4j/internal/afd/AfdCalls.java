package io.mio4j.internal.afd;

import java.nio.ByteBuffer;

/**
 * The AFD poller's calls of native/afd/jni_afd.c (over afd_selector.c), as a binding
 * provides them. Results: a count, 0, or a negated Win32/Winsock error. A selector is a
 * handle (> 0) that the library checks, not an address; a SOCKET is a long.
 */
public interface AfdCalls {
    /** Layout (EVENT_SIZE, EVENT_*_OFFSET), interest and readiness bits; NativeConstant.UNKNOWN if unknown. */
    long constant(String name);

    /** A new selector's handle (> 0), or a negative error. */
    long open();

    int close(long selector);

    int register(long selector, long socket, long data, int interests);

    int reregister(long selector, long socket, long data, int interests);

    int deregister(long selector, long socket);

    /** Re-arms the socket's interests after an operation reported would-block. */
    int wouldBlock(long selector, long socket);

    /**
     * Waits for events into a direct buffer of at least capacity * EVENT_SIZE bytes;
     * timeoutMillis < 0: no limit. With a limit it may return 0 early.
     */
    int select(long selector, ByteBuffer events, int capacity, int timeoutMillis);

    /** Posts a completion: select returns an event {data, READABLE}. Any thread. */
    int wake(long selector, long data);
}
