package io.mio4j;

import io.mio4j.internal.InterruptHook;
import io.mio4j.internal.Poller;
import io.mio4j.internal.VirtualThreads;
import io.mio4j.internal.platform.Platform;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;

/**
 * Polls for readiness events on the sources registered with its {@link Registry}.
 * Edge-triggered, as mio: after an event, keep reading (or writing, accepting) until
 * the operation reports would-block before expecting the next event for that source.
 */
public final class Poll implements AutoCloseable {
    /** Longest single wait; longer timeouts are clamped to it (about 24.8 days). */
    private static final long MAX_TIMEOUT_NANOS = Integer.MAX_VALUE * 1_000_000L;

    private final Poller poller;
    private final Registry registry;
    private final InterruptHook interruptHook;

    private Poll(Poller poller) {
        this.poller = poller;
        this.registry = new Registry(poller);
        this.interruptHook = new InterruptHook(poller);
    }

    /**
     * Opens a poller.
     *
     * @return the poll
     * @throws IOException if the OS refuses (for example, too many open files)
     * @throws UnsatisfiedLinkError if no native library can be loaded
     */
    public static Poll open() throws IOException {
        return new Poll(Platform.backend().openPoller());
    }

    /** @return the registry of this poll */
    public Registry registry() {
        return registry;
    }

    /**
     * Clears {@code events}, waits for readiness, fills it, and returns its size.
     * {@code timeout} null waits until an event or a wake-up, {@link Duration#ZERO} does
     * not block, a huge one is clamped; a positive timeout below the OS granularity is
     * rounded up, never down to 0. Thread.interrupt() of a thread blocked here makes it
     * return promptly with the interrupt status left set; a thread that enters
     * interrupted does not block. Only one thread polls at a time. It may return with
     * no events before the timeout (a spurious wake-up).
     *
     * <p>Poll from a platform thread: on a virtual thread a blocking poll holds its
     * carrier thread while it waits (mio4j logs a warning once when it sees that), so a
     * few such polls can starve the virtual thread that would wake them.
     *
     * @param events  filled with the events
     * @param timeout the longest wait, or null for no limit
     * @return the number of events
     * @throws IOException if the OS reports an error
     * @throws IllegalArgumentException if the timeout is negative
     * @throws java.nio.channels.ClosedSelectorException if this poll is closed
     */
    public int poll(Events events, Duration timeout) throws IOException {
        Objects.requireNonNull(events, "events");
        long nanos = timeoutNanos(timeout);
        events.clear();   // select throws ClosedSelectorException once closed
        if (nanos == 0) {
            int n = poller.select(events.buffer, 0);
            return n == Poller.INTERRUPTED ? 0 : n;
        }
        VirtualThreads.checkBlockingPoll();
        long deadline = System.nanoTime() + nanos;
        interruptHook.enter();
        try {
            for (;;) {
                int n = poller.select(events.buffer, nanos);
                if (n != Poller.INTERRUPTED) {
                    return n;
                }
                // A signal cut the wait short: wait for what is left of the timeout.
                if (nanos > 0) {
                    nanos = deadline - System.nanoTime();
                    if (nanos <= 0) {
                        return 0;
                    }
                }
            }
        } finally {
            interruptHook.exit();
        }
    }

    /** -1 for no limit, else nanoseconds clamped to MAX_TIMEOUT_NANOS (never lengthened). */
    static long timeoutNanos(Duration timeout) {
        if (timeout == null) {
            return -1;
        }
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("negative timeout: " + timeout);
        }
        // Compare seconds first: toNanos() overflows past about 292 years.
        if (timeout.getSeconds() > MAX_TIMEOUT_NANOS / 1_000_000_000L) {
            return MAX_TIMEOUT_NANOS;
        }
        return Math.min(timeout.toNanos(), MAX_TIMEOUT_NANOS);
    }

    /**
     * Closes the poller. A thread blocked in {@link #poll} returns; registered sources
     * stay open and count as not registered. Idempotent.
     *
     * @throws IOException if the OS reports an error
     */
    @Override
    public void close() throws IOException {
        poller.close();
    }

    @Override
    public String toString() {
        return "Poll{" + (poller.isOpen() ? "open" : "closed") + "}";
    }
}
