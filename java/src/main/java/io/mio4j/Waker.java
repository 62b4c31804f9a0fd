package io.mio4j;

import io.mio4j.internal.WakerHandle;

import java.io.IOException;
import java.util.Objects;

/**
 * Wakes a {@link Poll} from another thread: the poll returns a readable event with the
 * waker's token. Several wakes before one poll may coalesce into one event. One Waker
 * per Poll at a time.
 */
public final class Waker implements AutoCloseable {
    private final WakerHandle handle;

    private Waker(WakerHandle handle) {
        this.handle = handle;
    }

    /**
     * Opens the waker of the registry's Poll.
     *
     * @param registry the registry of the Poll to wake
     * @param token    the token of the wake-up events
     * @return the waker
     * @throws IOException if the OS refuses
     * @throws IllegalStateException if the Poll already has an open Waker
     * @throws java.nio.channels.ClosedSelectorException if the Poll is closed
     */
    public static Waker open(Registry registry, Token token) throws IOException {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(token, "token");
        return new Waker(registry.poller().openWaker(token));
    }

    /**
     * Wakes the Poll. Thread-safe.
     *
     * @throws IOException if the OS reports an error
     * @throws java.nio.channels.ClosedChannelException if this waker is closed
     */
    public void wake() throws IOException {
        handle.wake();
    }

    /**
     * Closes the waker; the Poll may then open a new one. Idempotent.
     *
     * @throws IOException if the OS reports an error
     */
    @Override
    public void close() throws IOException {
        handle.close();
    }
}
