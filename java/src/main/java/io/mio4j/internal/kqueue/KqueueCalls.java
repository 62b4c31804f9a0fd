package io.mio4j.internal.kqueue;

import java.nio.ByteBuffer;

/**
 * The kqueue calls, as a binding provides them. Results: a count or descriptor, or
 * -errno. Change records, receipts and events are arrays of struct kevent in direct
 * buffers, laid out as {@link Kevent} reads the library's report.
 */
public interface KqueueCalls {
    /**
     * struct kevent's layout (SIZEOF_KEVENT, OFFSETOF_/SIZEOF_ each field), filters and
     * flags; NativeConstant.UNKNOWN for a name this OS lacks (EVFILT_USER, EVFILT_LIO...).
     */
    long constant(String name);

    /** A new kqueue, close-on-exec. */
    int create();

    /**
     * kevent(2) with {@code nchanges} records of {@code changes} and a zero timeout:
     * the number of receipts written to {@code receipts} (which may be {@code changes}),
     * or -errno. -EINTR means every change was applied (kevent(2)).
     */
    int submit(int kq, ByteBuffer changes, int nchanges, ByteBuffer receipts, int nreceipts);

    /** kevent(2) with no changes: waits for up to maxEvents events; negative timeout: forever. */
    int waitNanos(int kq, ByteBuffer events, int maxEvents, long timeoutNanos);
}
