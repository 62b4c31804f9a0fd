package io.mio4j;

import io.mio4j.internal.EventBuffer;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * A fixed-capacity collection of readiness events, filled by {@link Poll#poll}. The
 * kernel writes into an off-heap buffer owned by this object; reading events allocates
 * nothing.
 */
public final class Events implements Iterable<Event> {
    final EventBuffer buffer;
    private final Event[] views;
    private final EventIterator iterator = new EventIterator();

    private Events(int capacity) {
        this.buffer = new EventBuffer(capacity);   // first: it rejects a bad capacity
        this.views = new Event[capacity];
        for (int i = 0; i < capacity; i++) {
            views[i] = new Event(buffer, i);
        }
    }

    /**
     * Returns an empty collection that holds at most {@code capacity} events per poll.
     *
     * @param capacity 1 to 1 048 576 (2<sup>20</sup>)
     * @return the events
     * @throws IllegalArgumentException if capacity is outside that range
     */
    public static Events withCapacity(int capacity) {
        return new Events(capacity);   // EventBuffer checks the capacity
    }

    /** @return the most events one poll can return */
    public int capacity() {
        return buffer.capacity();
    }

    /** @return the number of events the last poll returned */
    public int size() {
        return buffer.size();
    }

    /** @return whether there are no events */
    public boolean isEmpty() {
        return buffer.size() == 0;
    }

    /**
     * Returns the event at {@code index}: a view valid until the next poll or clear.
     *
     * @param index 0 to size() - 1
     * @return the event
     * @throws IndexOutOfBoundsException outside 0..size()-1
     */
    public Event get(int index) {
        Objects.checkIndex(index, buffer.size());
        return views[index];
    }

    /**
     * Iterates over the events. The iterator object is reused unless the previous one
     * is still part-way through (nested loops), so a plain for-each loop allocates
     * nothing.
     */
    @Override
    public Iterator<Event> iterator() {
        if (iterator.next < 0 || iterator.next >= buffer.size()) {
            iterator.next = 0;
            return iterator;
        }
        EventIterator nested = new EventIterator();
        nested.next = 0;
        return nested;
    }

    /** Removes every event. */
    public void clear() {
        buffer.clear();
        iterator.next = -1;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Events[");
        for (int i = 0; i < buffer.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(views[i]);
        }
        return text.append(']').toString();
    }

    private final class EventIterator implements Iterator<Event> {
        int next = -1;

        @Override
        public boolean hasNext() {
            return next >= 0 && next < buffer.size();
        }

        @Override
        public Event next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return views[next++];
        }
    }
}
