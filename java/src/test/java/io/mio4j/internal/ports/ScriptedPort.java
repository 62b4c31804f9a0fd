package io.mio4j.internal.ports;

import io.mio4j.internal.io.Errno;
import io.mio4j.internal.io.NativeConstant;
import io.mio4j.internal.unix.Posix;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A double of one event port, written in Java from the kernel's behaviour that
 * PortsPoller relies on (native/ports/ABI.md): one-shot PORT_SOURCE_FD associations,
 * an association that polls the fd at once, re-association that replaces events and user
 * and drops the fd's undelivered event, dissociate answering ENOENT once the event was
 * delivered, port_getn that may return ETIME or EINTR with events. The test sets each
 * fd's readiness and scripts the faults; every call is counted.
 *
 * Its layout is not illumos's (user first, 32 bytes), so a poller that guessed the
 * offsets instead of reading them would fail here. Bits and sources are illumos's.
 */
final class ScriptedPort implements PortsCalls {
    static final int SIZE = 32;
    static final int USER_AT = 0;
    static final int OBJECT_AT = 8;
    static final int EVENTS_AT = 16;
    static final int SOURCE_AT = 22;
    static final int SOURCE_USER = 3;
    static final int SOURCE_FD = 4;
    static final int POLLIN = 0x1;
    static final int POLLPRI = 0x2;
    static final int POLLOUT = 0x4;
    static final int POLLERR = 0x8;
    static final int POLLHUP = 0x10;
    static final int POLLRDNORM = 0x40;
    static final int POLLRDHUP = 0x4000;
    static final int ETIME = 62;
    static final int EBADFD = 81;

    private static final Map<String, Integer> CONSTANTS = Map.ofEntries(
            Map.entry("SIZEOF_PORT_EVENT", SIZE), Map.entry("OFFSETOF_USER", USER_AT),
            Map.entry("OFFSETOF_OBJECT", OBJECT_AT), Map.entry("OFFSETOF_EVENTS", EVENTS_AT),
            Map.entry("OFFSETOF_SOURCE", SOURCE_AT), Map.entry("PORT_SOURCE_USER", SOURCE_USER),
            Map.entry("PORT_SOURCE_FD", SOURCE_FD), Map.entry("POLLIN", POLLIN), Map.entry("POLLPRI", POLLPRI),
            Map.entry("POLLOUT", POLLOUT), Map.entry("POLLERR", POLLERR), Map.entry("POLLHUP", POLLHUP),
            Map.entry("POLLNVAL", 0x20), Map.entry("POLLRDNORM", POLLRDNORM), Map.entry("POLLRDHUP", POLLRDHUP),
            Map.entry("ETIME", ETIME), Map.entry("EBADFD", EBADFD));

    private enum State { ACTIVE, QUEUED, DELIVERED }

    private static final class Association {
        int events;
        long user;
        State state;
    }

    /** One queued port_event_t. */
    private record Queued(int source, int fd, int events, long user) {
    }

    private final boolean hasRdHup;
    private final Map<Integer, Association> associations = new HashMap<>();
    private final Map<Integer, Integer> readiness = new HashMap<>();
    private final Set<Integer> closedFds = new HashSet<>();
    private final Deque<Queued> queue = new ArrayDeque<>();
    private final Map<Integer, Integer> associateCalls = new HashMap<>();
    private final List<Integer> dissociated = new ArrayList<>();
    private final List<Long> timeouts = new ArrayList<>();
    private int sends;
    private int scriptedError;
    private int scriptedDeliveries;
    private long scriptedDelayNanos;

    ScriptedPort() {
        this(true);
    }

    /** hasRdHup false: a system without POLLRDHUP (Oracle Solaris 11). */
    ScriptedPort(boolean hasRdHup) {
        this.hasRdHup = hasRdHup;
    }

    // The calls

    @Override
    public long constant(String name) {
        if (name.equals("POLLRDHUP") && !hasRdHup) {
            return NativeConstant.UNKNOWN;
        }
        Integer value = CONSTANTS.get(name);
        return value != null ? value : NativeConstant.UNKNOWN;
    }

    /** A real descriptor (a pipe's read end), so that the poller's close(2) of it is real too. */
    @Override
    public int create() {
        int[] fds = new int[2];
        int rc = Posix.CALLS.pipe(fds);
        if (rc < 0) {
            return rc;
        }
        Posix.CALLS.close(fds[1]);
        return fds[0];
    }

    @Override
    public synchronized int associate(int port, int fd, int events, long user) {
        associateCalls.merge(fd, 1, Integer::sum);
        if (closedFds.contains(fd)) {
            return -EBADFD;
        }
        Association a = associations.computeIfAbsent(fd, k -> new Association());
        removeQueued(fd);
        a.events = events;
        a.user = user;
        a.state = State.ACTIVE;
        fire(fd, a);   // association polls the fd at once
        return 0;
    }

    @Override
    public synchronized int dissociate(int port, int fd) {
        dissociated.add(fd);
        if (closedFds.contains(fd)) {
            return -EBADFD;
        }
        Association a = associations.remove(fd);
        if (a == null) {
            return -Errno.ENOENT;
        }
        removeQueued(fd);
        return a.state == State.DELIVERED ? -Errno.ENOENT : 0;
    }

    @Override
    public synchronized long getn(int port, ByteBuffer events, int max, int nget, long timeoutNanos) {
        timeouts.add(timeoutNanos);
        if (scriptedError != 0) {
            int error = scriptedError;
            scriptedError = 0;
            waitFor(Math.min(scriptedDelayNanos, timeoutNanos < 0 ? Long.MAX_VALUE : timeoutNanos), false);
            int n = deliver(events, Math.min(max, scriptedDeliveries));
            return result(n, error);
        }
        if (!waitFor(timeoutNanos, true)) {
            return result(deliver(events, max), ETIME);
        }
        return result(deliver(events, max), 0);
    }

    @Override
    public synchronized int send(int port, int events, long user) {
        sends++;
        queue.add(new Queued(SOURCE_USER, 0, events, user));
        notifyAll();
        return 0;
    }

    // What the test drives

    /** Sets fd's readiness; an active association of a matching event queues an event. */
    synchronized void ready(int fd, int events) {
        readiness.put(fd, events);
        Association a = associations.get(fd);
        if (a != null && a.state == State.ACTIVE) {
            fire(fd, a);
        }
    }

    /** fd was closed: the kernel dissociates it from every port. */
    synchronized void closeFd(int fd) {
        closedFds.add(fd);
        associations.remove(fd);
        removeQueued(fd);
    }

    /** The next getn delivers at most {@code deliveries} queued events, then fails with -errno. */
    synchronized void failNextGetn(int errno, int deliveries) {
        failNextGetn(errno, deliveries, 0);
    }

    /** As above, after waiting up to delayNanos (less when its timeout is shorter). */
    synchronized void failNextGetn(int errno, int deliveries, long delayNanos) {
        scriptedError = errno;
        scriptedDeliveries = deliveries;
        scriptedDelayNanos = delayNanos;
    }

    /** Queues an event of fd with this user word whatever fd's association says (a stale delivery). */
    synchronized void inject(int fd, int events, long user) {
        queue.add(new Queued(SOURCE_FD, fd, events, user));
        notifyAll();
    }

    synchronized int associateCalls(int fd) {
        return associateCalls.getOrDefault(fd, 0);
    }

    synchronized int totalAssociateCalls() {
        return associateCalls.values().stream().mapToInt(Integer::intValue).sum();
    }

    synchronized List<Integer> dissociated() {
        return List.copyOf(dissociated);
    }

    synchronized List<Long> timeouts() {
        return List.copyOf(timeouts);
    }

    synchronized int sends() {
        return sends;
    }

    synchronized int queued() {
        return queue.size();
    }

    /** The user word of fd's association (what its events carry). */
    synchronized long userOf(int fd) {
        return associations.get(fd).user;
    }

    /** The events fd's association asks for. */
    synchronized int eventsOf(int fd) {
        return associations.get(fd).events;
    }

    synchronized boolean isAssociated(int fd) {
        Association a = associations.get(fd);
        return a != null && a.state != State.DELIVERED;
    }

    // The model

    private void fire(int fd, Association a) {
        int fired = readiness.getOrDefault(fd, 0) & (a.events | POLLERR | POLLHUP);
        if (fired != 0) {
            queue.add(new Queued(SOURCE_FD, fd, fired, a.user));
            a.state = State.QUEUED;
            notifyAll();
        }
    }

    private void removeQueued(int fd) {
        queue.removeIf(q -> q.source() == SOURCE_FD && q.fd() == fd);
    }

    /** Waits until an event is queued or the time is up (negative: no limit); true if one is. */
    private boolean waitFor(long timeoutNanos, boolean untilQueued) {
        long deadline = System.nanoTime() + Math.max(timeoutNanos, 0);
        while (!(untilQueued && !queue.isEmpty())) {
            long left = timeoutNanos < 0 ? Long.MAX_VALUE : deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            try {
                if (timeoutNanos < 0) {
                    wait();
                } else {
                    wait(left / 1_000_000, (int) (left % 1_000_000));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return !queue.isEmpty();
    }

    /** Moves up to max events into the buffer, in our layout; an FD event spends its association. */
    private int deliver(ByteBuffer buffer, int max) {
        int n = 0;
        for (Iterator<Queued> it = queue.iterator(); it.hasNext() && n < max; n++) {
            Queued q = it.next();
            it.remove();
            int at = n * SIZE;
            buffer.putLong(at + USER_AT, q.user());
            buffer.putLong(at + OBJECT_AT, q.fd());
            buffer.putInt(at + EVENTS_AT, q.events());
            buffer.putShort(at + SOURCE_AT, (short) q.source());
            Association a = associations.get(q.fd());
            if (q.source() == SOURCE_FD && a != null && a.user == q.user() && a.state == State.QUEUED) {
                a.state = State.DELIVERED;
            }
        }
        return n;
    }

    private static long result(int count, int errno) {
        return ((long) -errno << 32) | (count & 0xFFFF_FFFFL);
    }
}
