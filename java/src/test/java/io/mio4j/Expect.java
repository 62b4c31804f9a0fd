package io.mio4j;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

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

    /**
     * Polls until an event with {@code token} matches {@code wanted} (any flag: read-closed,
     * error...); fails after BOUND, naming what was seen meanwhile.
     */
    public static void await(Poll poll, Events events, Token token, Predicate<Event> wanted, String what)
            throws IOException {
        long deadline = System.nanoTime() + BOUND.toNanos();
        StringBuilder seen = new StringBuilder();
        for (;;) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                fail("no event for " + token + " with " + what + "; saw " + seen);
            }
            poll.poll(events, Duration.ofNanos(left));
            for (Event event : events) {
                if (event.token().equals(token) && wanted.test(event)) {
                    return;
                }
                seen.append(event).append(' ');
            }
        }
    }

    /** The readiness of every event for one token, joined over the polls of one wait. */
    public static final class Joined {
        public boolean readable, writable, error, readClosed, writeClosed, priority;

        void add(Event event) {
            readable |= event.isReadable();
            writable |= event.isWritable();
            error |= event.isError();
            readClosed |= event.isReadClosed();
            writeClosed |= event.isWriteClosed();
            priority |= event.isPriority();
        }

        @Override
        public String toString() {
            return "readable=" + readable + ", writable=" + writable + ", error=" + error + ", readClosed="
                    + readClosed + ", writeClosed=" + writeClosed + ", priority=" + priority;
        }
    }

    /**
     * Polls until the flags of all events for {@code token} seen so far, joined, match
     * {@code wanted}: epoll reports a hang-up as one event, kqueue as one event per
     * filter (EVFILT_READ and EVFILT_WRITE), as mio does. Fails after BOUND.
     */
    public static Joined awaitJoined(Poll poll, Events events, Token token, Predicate<Joined> wanted, String what)
            throws IOException {
        long deadline = System.nanoTime() + BOUND.toNanos();
        Joined joined = new Joined();
        for (;;) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                fail("no events for " + token + " with " + what + "; saw " + joined);
            }
            poll.poll(events, Duration.ofNanos(left));
            for (Event event : events) {
                if (event.token().equals(token)) {
                    joined.add(event);
                }
            }
            if (wanted.test(joined)) {
                return joined;
            }
        }
    }

    /** As {@link #await(Poll, Events, Token, Predicate, String)} for the token of this value. */
    public static void await(Poll poll, Events events, long token, Predicate<Event> wanted) throws IOException {
        await(poll, events, Token.of(token), wanted, "the expected readiness");
    }

    /** Polls once with a short timeout and asserts nothing arrives. */
    public static void noEvents(Poll poll, Events events) throws IOException {
        poll.poll(events, Duration.ofMillis(50));
        assertEquals(0, events.size(), () -> "unexpected events: " + events);
    }
}
