package io.mio4j;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** mio's tests/events.rs, and the Events and Event rules of API.md. */
class EventsTest {
    private static final Token WAKE = Token.of(10);

    @Test
    void aWakeFillsAndClearEmptiesTheEvents() throws IOException {
        try (Poll poll = Poll.open(); Waker waker = Waker.open(poll.registry(), WAKE)) {
            Events events = Events.withCapacity(16);
            assertEquals(16, events.capacity());
            assertTrue(events.isEmpty());
            assertEquals(0, events.size());

            waker.wake();
            assertEquals(1, poll.poll(events, Expect.BOUND));
            assertFalse(events.isEmpty());
            for (Event event : events) {
                assertEquals(WAKE, event.token());
                assertTrue(event.isReadable());
            }
            events.clear();
            assertTrue(events.isEmpty());
            assertFalse(events.iterator().hasNext());
            assertEquals(16, events.capacity());
        }
    }

    @Test
    void capacityBelowOneIsIllegal() {
        assertThrows(IllegalArgumentException.class, () -> Events.withCapacity(0));
        assertThrows(IllegalArgumentException.class, () -> Events.withCapacity(-1));
        assertEquals(1, Events.withCapacity(1).capacity());
    }

    @Test
    void anAbsurdCapacityIsIllegalNotAnOutOfMemoryError() {
        assertThrows(IllegalArgumentException.class, () -> Events.withCapacity(Integer.MAX_VALUE));
        assertThrows(IllegalArgumentException.class, () -> Events.withCapacity((1 << 20) + 1));
        assertEquals(1 << 20, Events.withCapacity(1 << 20).capacity());
    }

    @Test
    void getOutsideTheEventsThrowsIndexOutOfBounds() throws IOException {
        Events empty = Events.withCapacity(4);
        assertThrows(IndexOutOfBoundsException.class, () -> empty.get(0));
        try (Poll poll = Poll.open(); Waker waker = Waker.open(poll.registry(), WAKE)) {
            Events events = Events.withCapacity(4);
            waker.wake();
            assertEquals(1, poll.poll(events, Expect.BOUND));
            assertEquals(WAKE, events.get(0).token());
            assertThrows(IndexOutOfBoundsException.class, () -> events.get(-1));
            assertThrows(IndexOutOfBoundsException.class, () -> events.get(1));
            assertThrows(IndexOutOfBoundsException.class, () -> events.get(4));
        }
    }

    @Test
    void anIteratorPastTheEndThrowsNoSuchElement() {
        Iterator<Event> it = Events.withCapacity(2).iterator();
        assertFalse(it.hasNext());
        assertThrows(NoSuchElementException.class, it::next);
    }

    @Test
    void moreReadySourcesThanCapacityArriveOverSeveralPolls() throws IOException {
        int sources = 5;
        List<Polling.Pair> pairs = new ArrayList<>();
        try (Poll poll = Poll.open()) {
            for (int i = 0; i < sources; i++) {
                Polling.Pair pair = Polling.Pair.connect();
                pairs.add(pair);
                poll.registry().register(pair.client(), Token.of(i), Interest.WRITABLE);
            }
            Events events = Events.withCapacity(2);
            Set<Token> seen = new HashSet<>();
            long deadline = System.nanoTime() + Expect.BOUND.toNanos();
            while (seen.size() < sources) {
                assertTrue(System.nanoTime() < deadline, "saw only " + seen);
                int n = poll.poll(events, Duration.ofMillis(100));
                assertTrue(n <= 2, "more events than capacity: " + n);
                assertEquals(n, events.size());
                for (Event event : events) {
                    assertTrue(seen.add(event.token()), "reported twice: " + event);
                }
            }
            Expect.noEvents(poll, events);
        } finally {
            pairs.forEach(Polling.Pair::close);
        }
    }

    @Test
    void iterationAndGetSeeTheSameEventsAndIterationMayRepeat() throws IOException {
        List<Polling.Pair> pairs = new ArrayList<>();
        try (Poll poll = Poll.open()) {
            for (int i = 0; i < 3; i++) {
                Polling.Pair pair = Polling.Pair.connect();
                pairs.add(pair);
                poll.registry().register(pair.client(), Token.of(i), Interest.WRITABLE);
            }
            Events events = Events.withCapacity(8);
            assertEquals(3, poll.poll(events, Expect.BOUND));
            List<Token> first = tokens(events);
            assertEquals(first, tokens(events), "a second loop over the same events");
            for (int i = 0; i < events.size(); i++) {
                assertEquals(first.get(i), events.get(i).token());
            }
        } finally {
            pairs.forEach(Polling.Pair::close);
        }
    }

    private static List<Token> tokens(Events events) {
        List<Token> tokens = new ArrayList<>();
        for (Event event : events) {
            tokens.add(event.token());
        }
        return tokens;
    }

    @Test
    void nestedIterationVisitsEveryPair() throws IOException {
        List<Polling.Pair> pairs = new ArrayList<>();
        try (Poll poll = Poll.open()) {
            for (int i = 0; i < 3; i++) {
                Polling.Pair pair = Polling.Pair.connect();
                pairs.add(pair);
                poll.registry().register(pair.client(), Token.of(i), Interest.WRITABLE);
            }
            Events events = Events.withCapacity(8);
            // Connected streams are writable when registered: the kernel queues all three at once.
            assertEquals(3, poll.poll(events, Expect.BOUND));
            int n = events.size();
            List<String> visited = new ArrayList<>();
            for (Event outer : events) {
                for (Event inner : events) {
                    visited.add(outer.token().value() + "-" + inner.token().value());
                }
            }
            assertEquals(n * n, visited.size(), () -> "visited " + visited);
            assertEquals(n * n, new HashSet<>(visited).size(), () -> "visited " + visited);
            // An iterator left part-way keeps its place while other loops run.
            Iterator<Event> partial = events.iterator();
            Token firstToken = partial.next().token();
            assertEquals(n, tokens(events).size());
            assertEquals(firstToken, events.get(0).token());
            assertEquals(events.get(1).token(), partial.next().token());
        } finally {
            pairs.forEach(Polling.Pair::close);
        }
    }

    @Test
    void anEventIsAViewOfItsSlotUntilTheNextPoll() throws IOException {
        try (Poll poll = Poll.open(); Waker waker = Waker.open(poll.registry(), WAKE)) {
            Events events = Events.withCapacity(4);
            waker.wake();
            poll.poll(events, Expect.BOUND);
            Event event = events.get(0);
            assertSame(event, events.iterator().next());
            assertEquals(WAKE, event.token());
        }
    }

    @Test
    void toStringNamesTheTokenAndTheFlags() throws IOException {
        try (Poll poll = Poll.open(); Waker waker = Waker.open(poll.registry(), Token.of(4242))) {
            Events events = Events.withCapacity(4);
            waker.wake();
            poll.poll(events, Expect.BOUND);
            String text = events.get(0).toString();
            assertTrue(text.contains("4242"), text);
            assertTrue(text.contains("readable=true"), text);
            assertTrue(text.contains("writable=false"), text);
            assertTrue(events.toString().contains(text), events.toString());
        }
    }

    @Test
    void aPollClearsWhatThePreviousPollReturned() throws IOException {
        try (Poll poll = Poll.open(); Waker waker = Waker.open(poll.registry(), WAKE)) {
            Events events = Events.withCapacity(4);
            waker.wake();
            assertEquals(1, poll.poll(events, Expect.BOUND));
            assertEquals(0, poll.poll(events, Duration.ZERO));
            assertTrue(events.isEmpty());
            assertThrows(IndexOutOfBoundsException.class, () -> events.get(0));
        }
    }
}
