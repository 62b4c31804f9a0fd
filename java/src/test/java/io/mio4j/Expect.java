package io.mio4j;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Waiting for events the way mio's tests do: poll with a bounded timeout until every
 * expected (token, readiness) has been seen. Never sleeps.
 */
public final class Expect {
    public static final Duration BOUND = Duration.ofSeconds(5);

    private Expect() {
    }

    /** A readiness expectation: the event with this token has at least these flags. */
    public record Expected(Token token, Interest readiness) {
    }

    public static Expected event(long token, Interest readiness) {
        return new Expected(Token.of(token), readiness);
    }

    public static InetSocketAddress anyLocalV4() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    }

    public static InetSocketAddress anyLocalV6() throws IOException {
        return new InetSocketAddress(InetAddress.getByName("::1"), 0);
    }

    /** Polls until each expectation is met by some event; fails after BOUND. */
    public static void events(Poll poll, Events events, Expected... expected) throws IOException {
        List<Expected> missing = new ArrayList<>(List.of(expected));
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (!missing.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                fail("no event for " + missing);
            }
            poll.poll(events, Duration.ofNanos(left));
            for (Event event : events) {
                missing.removeIf(e -> e.token().equals(event.token()) && matches(event, e.readiness()));
            }
        }
    }

    private static boolean matches(Event event, Interest readiness) {
        return (!readiness.isReadable() || event.isReadable())
                && (!readiness.isWritable() || event.isWritable())
                && (!readiness.isPriority() || event.isPriority());
    }

    /** Polls once with a short timeout and asserts nothing arrives. */
    public static void noEvents(Poll poll, Events events) throws IOException {
        poll.poll(events, Duration.ofMillis(50));
        assertEquals(0, events.size(), () -> "unexpected events: " + events);
    }
}
