package io.mio4j.internal.epoll;

import io.mio4j.Interest;
import io.mio4j.Token;
import io.mio4j.internal.Errno;
import io.mio4j.internal.FdHandle;
import io.mio4j.internal.WakerHandle;
import io.mio4j.internal.unix.FdNative;

import java.io.IOException;

/**
 * A Waker over an eventfd registered (edge-triggered, readable) with the user's token.
 * Each write is a new edge, so the counter is only reset when it would overflow.
 */
final class EventFdWaker implements WakerHandle {
    private final EpollSelector selector;
    private final FdHandle handle;

    private EventFdWaker(EpollSelector selector, FdHandle handle) {
        this.selector = selector;
        this.handle = handle;
    }

    static EventFdWaker open(EpollSelector selector, Token token) throws IOException {
        int fd = Errno.check("eventfd", FdNative.eventfd());
        FdHandle handle = new FdHandle(fd, FdNative::close);
        try {
            selector.register(fd, token, Interest.READABLE);
        } catch (IOException | RuntimeException e) {
            handle.close();
            throw e;
        }
        EventFdWaker waker = new EventFdWaker(selector, handle);
        handle.cleanWith(waker);
        return waker;
    }

    @Override
    public void wake() throws IOException {
        int fd = handle.acquire();
        try {
            int rc = FdNative.eventfdWrite(fd, 1);
            if (Errno.isWouldBlock(rc)) {
                // The counter would overflow: reset it, then the write is a new edge.
                FdNative.eventfdRead(fd);
                rc = FdNative.eventfdWrite(fd, 1);
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
                    selector.deregister(fd);
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
