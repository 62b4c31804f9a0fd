package io.mio4j.internal.ports;

import io.mio4j.Token;
import io.mio4j.internal.WakerHandle;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The Waker of an event port: each wake is a PORT_SOURCE_USER event (port_send) carrying
 * this waker's own user word, which select reports as a readable event with its token.
 * No descriptor is involved. Wakes coalesce while one event is queued, so the port's
 * queue (bounded by process.max-port-events) cannot fill up with them.
 */
final class PortsWaker implements WakerHandle {
    private final PortsPoller poller;
    private final Token token;
    private final long user;
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile boolean open = true;

    PortsWaker(PortsPoller poller, Token token, long user) {
        this.poller = poller;
        this.token = token;
        this.user = user;
    }

    long user() {
        return user;
    }

    Token token() {
        return token;
    }

    /** select took this waker's event: the next wake must send another. */
    void delivered() {
        pending.set(false);
    }

    @Override
    public void wake() throws IOException {
        if (!open) {
            throw new ClosedChannelException();
        }
        if (pending.compareAndSet(false, true)) {
            boolean sent = false;
            try {
                // After the Poll was closed a wake does nothing, as with a Waker that owns
                // a descriptor: there is no poller left to notice.
                sent = poller.send(user);
            } finally {
                if (!sent) {
                    pending.set(false);
                }
            }
        }
    }

    @Override
    public void close() {
        if (open) {
            open = false;
            poller.wakerClosed(this);
        }
    }
}
