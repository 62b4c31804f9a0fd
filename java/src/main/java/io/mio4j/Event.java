package io.mio4j;

import io.mio4j.internal.EventBuffer;

/**
 * A view of one readiness event of an {@link Events}. It is valid until the next
 * {@link Poll#poll} or {@link Events#clear} of that Events; copy out what you keep.
 * Readiness is a hint, as in mio: an operation may still return would-block.
 */
public final class Event {
    private final EventBuffer buffer;
    private final int index;

    Event(EventBuffer buffer, int index) {
        this.buffer = buffer;
        this.index = index;
    }

    /** @return the token given when the source was registered */
    public Token token() {
        return buffer.token(index);
    }

    private boolean has(int bit) {
        return (buffer.readiness(index) & bit) != 0;
    }

    /** @return whether the source is readable */
    public boolean isReadable() {
        return has(EventBuffer.READABLE);
    }

    /** @return whether the source is writable */
    public boolean isWritable() {
        return has(EventBuffer.WRITABLE);
    }

    /** @return whether the source has an error (read it with takeError()) */
    public boolean isError() {
        return has(EventBuffer.ERROR);
    }

    /** @return whether the read half is closed (peer shut down its writing, or hang-up) */
    public boolean isReadClosed() {
        return has(EventBuffer.READ_CLOSED);
    }

    /** @return whether the write half is closed */
    public boolean isWriteClosed() {
        return has(EventBuffer.WRITE_CLOSED);
    }

    /** @return whether out-of-band or urgent data is ready */
    public boolean isPriority() {
        return has(EventBuffer.PRIORITY);
    }

    /** @return whether an AIO operation completed (FreeBSD only) */
    public boolean isAio() {
        return has(EventBuffer.AIO);
    }

    /** @return whether an LIO operation completed (FreeBSD only) */
    public boolean isLio() {
        return has(EventBuffer.LIO);
    }

    @Override
    public String toString() {
        return "Event{token=" + token().value()
                + ", readable=" + isReadable()
                + ", writable=" + isWritable()
                + ", error=" + isError()
                + ", readClosed=" + isReadClosed()
                + ", writeClosed=" + isWriteClosed()
                + ", priority=" + isPriority()
                + ", aio=" + isAio()
                + ", lio=" + isLio() + "}";
    }
}
