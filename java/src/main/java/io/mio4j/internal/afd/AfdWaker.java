package io.mio4j.internal.afd;

import io.mio4j.internal.WakerHandle;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;

/**
 * The Waker of an AFD selector: each wake posts a completion packet
 * (PostQueuedCompletionStatus) carrying this waker's registration data, which select
 * reports as a readable event with the waker's token. No socket is involved.
 */
final class AfdWaker implements WakerHandle {
    private final AfdPoller selector;
    private final long data;
    private volatile boolean open = true;

    AfdWaker(AfdPoller selector, long data) {
        this.selector = selector;
        this.data = data;
    }

    long data() {
        return data;
    }

    @Override
    public void wake() throws IOException {
        if (!open) {
            throw new ClosedChannelException();
        }
        selector.post(data);
    }

    @Override
    public void close() {
        if (open) {
            open = false;
            selector.wakerClosed(this);
        }
    }
}
