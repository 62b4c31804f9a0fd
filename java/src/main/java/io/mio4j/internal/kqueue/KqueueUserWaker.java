package io.mio4j.internal.kqueue;

import io.mio4j.Token;
import io.mio4j.internal.WakerHandle;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;

/**
 * A Waker over an EVFILT_USER event of the poller's kqueue (EV_CLEAR), triggered with
 * NOTE_TRIGGER, as mio's on macOS and FreeBSD. It owns no descriptor: after the Poll is
 * closed, waking does nothing.
 */
final class KqueueUserWaker implements WakerHandle {
    private final KqueuePoller poller;
    private volatile boolean closed;

    /** Called with the poller's table lock held. */
    KqueueUserWaker(KqueuePoller poller, Token token) throws IOException {
        this.poller = poller;
        poller.addUserWaker(token);
    }

    @Override
    public void wake() throws IOException {
        if (closed) {
            throw new ClosedChannelException();
        }
        poller.triggerUserWaker();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            poller.removeUserWaker(this);
        }
    }
}
