package io.mio4j;

import io.mio4j.internal.Access;
import io.mio4j.internal.Poller;

import java.io.IOException;
import java.nio.channels.ClosedSelectorException;
import java.util.Objects;

/**
 * Registers sources with a {@link Poll}. Thread-safe: usable from any thread, also
 * while another thread is blocked in {@link Poll#poll}.
 */
public final class Registry {
    static {
        Access.setRegistryPoller(Registry::poller);
    }

    private final Poller poller;

    Registry(Poller poller) {
        this.poller = poller;
    }

    /**
     * Registers {@code source}: events for it will carry {@code token}. Registration is
     * edge-triggered: an event is delivered when readiness appears, and then not again
     * until an operation has returned would-block (or 0 / -1 / null, see API.md).
     *
     * @param source    the source
     * @param token     the token its events carry
     * @param interests what to watch for
     * @throws IOException           if the OS refuses
     * @throws IllegalStateException if one of our sources is already registered
     * @throws ClosedSelectorException if the Poll is closed
     */
    public void register(Source source, Token token, Interest interests) throws IOException {
        checkArguments(source, token, interests);
        source.register(this, token, interests);
    }

    /**
     * Changes the token and interests of a registered source.
     *
     * @param source    the source
     * @param token     the new token
     * @param interests the new interests
     * @throws IOException           if the OS refuses
     * @throws IllegalStateException if one of our sources is not registered here
     * @throws ClosedSelectorException if the Poll is closed
     */
    public void reregister(Source source, Token token, Interest interests) throws IOException {
        checkArguments(source, token, interests);
        source.reregister(this, token, interests);
    }

    /**
     * Stops watching a source. Events already returned by a poll may still name it.
     *
     * @param source the source
     * @throws IOException           if the OS refuses
     * @throws IllegalStateException if one of our sources is not registered here
     * @throws ClosedSelectorException if the Poll is closed
     */
    public void deregister(Source source) throws IOException {
        Objects.requireNonNull(source, "source");
        poller();
        source.deregister(this);
    }

    /**
     * Returns another handle on the same poller, for another thread. It counts as the
     * same Poll and is closed with it.
     *
     * @return the new handle
     * @throws IOException never on the current backends
     * @throws ClosedSelectorException if the Poll is closed
     */
    public Registry tryClone() throws IOException {
        return new Registry(poller());
    }

    private void checkArguments(Source source, Token token, Interest interests) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(interests, "interests");
        poller();
    }

    /** The poller; ClosedSelectorException once the Poll is closed. */
    Poller poller() {
        if (!poller.isOpen()) {
            throw new ClosedSelectorException();
        }
        return poller;
    }
}
