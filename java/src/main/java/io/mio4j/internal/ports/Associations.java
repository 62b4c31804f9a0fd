package io.mio4j.internal.ports;

import io.mio4j.internal.TokenTable;

import java.util.Arrays;

/**
 * What PortsPoller knows of each registered fd's PORT_SOURCE_FD association: the events
 * it asks for, its event data (TokenTable's generation|fd), and whether the kernel still
 * holds it active. An association is one-shot: the port delivers one event, then the fd
 * is inactive until it is associated again. "Armed" is the data of the association the
 * kernel holds active, 0 once its event has been delivered (or an associate failed), so
 * that a would-block re-associates only an fd that needs it.
 *
 * Guarded by the poller's lock; every change of the kernel's state (associate,
 * dissociate, and the delivery seen in select) is recorded under that same lock, so
 * this never disagrees with the kernel about which fds need re-association.
 */
final class Associations {
    private int[] events = new int[64];   // 0: not registered (an Interest is never empty)
    private long[] data = new long[64];
    private long[] armed = new long[64];

    boolean isRegistered(int fd) {
        return fd >= 0 && fd < events.length && events[fd] != 0;
    }

    int events(int fd) {
        return events[fd];
    }

    long data(int fd) {
        return data[fd];
    }

    /** fd is registered and its last association delivered its event: re-associate it. */
    boolean needsAssociation(int fd) {
        return isRegistered(fd) && armed[fd] == 0;
    }

    /** The kernel accepted an association of fd with these events and data. */
    void associated(int fd, int fdEvents, long fdData) {
        if (fd >= events.length) {
            grow(fd);
        }
        events[fd] = fdEvents;
        data[fd] = fdData;
        armed[fd] = fdData;
    }

    /** An associate failed: the kernel may hold no active association; the next would-block retries. */
    void disarmed(int fd) {
        armed[fd] = 0;
    }

    /**
     * select took an event of fd with this data from the port: if it came from the
     * association the kernel held active, that association is spent.
     */
    void delivered(int fd, long user) {
        if (fd >= 0 && fd < armed.length && armed[fd] == user && user != 0) {
            armed[fd] = 0;
        }
    }

    void remove(int fd) {
        if (isRegistered(fd)) {
            events[fd] = 0;
            data[fd] = 0;
            armed[fd] = 0;
        }
    }

    private void grow(int fd) {
        int size = events.length;
        while (size <= fd) {
            size *= 2;   // fd < TokenTable.MAX_SLOTS (checked by the table first): a power of two
        }
        events = Arrays.copyOf(events, size);
        data = Arrays.copyOf(data, size);
        armed = Arrays.copyOf(armed, size);
        assert size <= TokenTable.MAX_SLOTS;
    }
}
