package io.mio4j.internal.epoll;

import io.mio4j.Token;
import io.mio4j.internal.WakerHandle;
import io.mio4j.internal.io.Errno;
import io.mio4j.internal.io.OsHandle;

import java.io.IOException;

/**
 * A Waker over an eventfd registered (edge-triggered, readable) with the user's token.
 * Each write is a new edge, so the counter is only reset when it would overflow.
 */
final class EventFdWaker implements WakerHandle {
    private final EpollPoller selector;
    private final OsHandle handle;

    private EventFdWaker(EpollPoller selector, OsHandle handle) {
        this.selector = selector;
        this.handle = handle;
    }

    static EventFdWaker open(EpollPoller selector, Token token) throws IOException {
        int fd = Errno.check("eventfd", EpollPoller.CALLS.eventfd());
        OsHandle handle = new OsHandle(fd, EpollPoller::closeFd);
        try {
            selector.registerWaker(fd, token);
        } catch (IOException | RuntimeException e) {
            handle.close();
            throw e;
        }
        EventFdWaker waker = new EventFdWaker(selector, handle);
        handle.cleanWith(waker);
        return waker;
    }

    /** The eventfd, or -1 once closed. */
    int fd() {
        return handle.fdOrMinusOne();
    }

    @Override
    public void wake() throws IOException {
        int fd = handle.acquire();
        try {
            int rc = EpollPoller.CALLS.eventfdWrite(fd, 1);
            if (Errno.isWouldBlock(rc)) {
                // The counter would overflow: reset it, then the write is a new edge.
                EpollPoller.CALLS.eventfdRead(fd);
                rc = EpollPoller.CALLS.eventfdWrite(fd, 1);
            }
            Errno.check("write(eventfd)", rc);
        } finally {
            handle.release();
        }
    }

    @Override
    public void close() throws IOException {
        if (!handle.isOpen()) {
            return;
        }
        try {
            if (selector.isOpen()) {
                int fd = handle.acquire();
                try {
                    selector.deregisterWaker(fd);
                } finally {
                    handle.release();
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // closing the eventfd removes it from epoll anyway
        } finally {
            handle.close();
            selector.wakerClosed(this);
        }
    }
}
