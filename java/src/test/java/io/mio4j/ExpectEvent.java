package io.mio4j;

import java.io.IOException;
import java.time.Duration;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Waiting for an event by any of its flags (read-closed, write-closed, error), which
 * {@link Expect#events} does not look at. Polls with a bound, never sleeps.
 */
public final class ExpectEvent {
    private ExpectEvent() {
    }

    public static final Predicate<Event> READ_CLOSED = Event::isReadClosed;
    public static final Predicate<Event> WRITE_CLOSED = Event::isWriteClosed;
    public static final Predicate<Event> ERROR = Event::isError;

    /** Polls until an event with this token matches; fails after Expect.BOUND. */
    public static void await(Poll poll, Events events, long token, Predicate<Event> matches) throws IOException {
        long deadline = System.nanoTime() + Expect.BOUND.toNanos();
        for (;;) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                fail("no matching event for token " + token);
            }
            poll.poll(events, Duration.ofNanos(left));
            for (Event event : events) {
                if (event.token().value() == token && matches.test(event)) {
                    return;
                }
            }
        }
    }
}
