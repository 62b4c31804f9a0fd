package io.mio4j.internal.ports;

import io.mio4j.internal.epoll.EpollCalls;
import io.mio4j.internal.io.Errno;
import io.mio4j.internal.io.NativeConstant;
import io.mio4j.internal.loader.Binding;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An event port for Linux, driven by real descriptors' readiness: each PORT_SOURCE_FD
 * association is a level-triggered EPOLLONESHOT registration in an epoll set of its own.
 * EPOLLONESHOT has the port's one-shot rule (one event, then nothing until the next
 * epoll_ctl), and EPOLL_CTL_MOD, like port_associate, polls the fd at once, so readiness
 * that came while the fd was not associated is reported by the re-association. User
 * events (port_send) are a queue beside an eventfd in the same set. Linux's bit values
 * are reported as the POLL* constants (they are poll(2)'s), port_event_t's layout is
 * illumos's.
 */
final class EpollOneShotPort implements PortsCalls {
    private static final EpollCalls EPOLL = Binding.implementation(EpollCalls.class);
    /** Linux's EPOLLONESHOT, from the library's epoll table. */
    private static final int EPOLLONESHOT = io.mio4j.internal.io.NativeConstant.required("EPOLLONESHOT",
            io.mio4j.internal.loader.Binding.implementation(io.mio4j.internal.epoll.EpollCalls.class).constant("EPOLLONESHOT"));
    private static final int EPOLLIN = (int) EPOLL.constant("EPOLLIN");
    private static final int CTL_ADD = (int) EPOLL.constant("EPOLL_CTL_ADD");
    private static final int CTL_MOD = (int) EPOLL.constant("EPOLL_CTL_MOD");
    private static final int CTL_DEL = (int) EPOLL.constant("EPOLL_CTL_DEL");
    private static final int EPOLL_SIZE = (int) EPOLL.constant("SIZEOF_EPOLL_EVENT");
    private static final int EPOLL_EVENTS_AT = (int) EPOLL.constant("OFFSETOF_EVENTS");
    private static final int EPOLL_DATA_AT = (int) EPOLL.constant("OFFSETOF_DATA");
    private static final long WAKE_ID = 0;
    static final int SOURCE_USER = 3;
    static final int SOURCE_FD = 4;
    static final int ETIME = 62;
    static final int EBADFD = 77;   // Linux's number: the -errno results here are Linux's

    private static final Map<String, Integer> CONSTANTS = Map.ofEntries(
            Map.entry("SIZEOF_PORT_EVENT", 24), Map.entry("OFFSETOF_EVENTS", 0),
            Map.entry("OFFSETOF_SOURCE", 4), Map.entry("OFFSETOF_OBJECT", 8), Map.entry("OFFSETOF_USER", 16),
            Map.entry("PORT_SOURCE_USER", SOURCE_USER), Map.entry("PORT_SOURCE_FD", SOURCE_FD),
            Map.entry("POLLIN", EPOLLIN), Map.entry("POLLPRI", (int) EPOLL.constant("EPOLLPRI")),
            Map.entry("POLLOUT", (int) EPOLL.constant("EPOLLOUT")), Map.entry("POLLERR", (int) EPOLL.constant("EPOLLERR")),
            Map.entry("POLLHUP", (int) EPOLL.constant("EPOLLHUP")), Map.entry("POLLNVAL", 0x20),
            Map.entry("POLLRDNORM", 0x40), Map.entry("POLLRDHUP", (int) EPOLL.constant("EPOLLRDHUP")),
            Map.entry("ETIME", ETIME), Map.entry("EBADFD", EBADFD));

    /** One association: the epoll data is its id, so an event always names the association it came from. */
    private static final class Association {
        final long id;
        final int fd;
        final long user;
        boolean active = true;

        Association(long id, int fd, long user) {
            this.id = id;
            this.fd = fd;
            this.user = user;
        }
    }

    private final Map<Integer, Association> byFd = new HashMap<>();
    private final Map<Long, Association> byId = new HashMap<>();   // every one ever made: a test's worth
    private final Deque<long[]> userEvents = new ArrayDeque<>();   // {events, user}
    private final AtomicInteger associateCalls = new AtomicInteger();
    private final AtomicInteger getnCalls = new AtomicInteger();
    private long lastId;
    private int epfd = -1;
    private int wakeFd = -1;
    private ByteBuffer scratch = ByteBuffer.allocateDirect(0);

    @Override
    public long constant(String name) {
        Integer value = CONSTANTS.get(name);
        return value != null ? value : NativeConstant.UNKNOWN;
    }

    /** The epoll descriptor is the port: the poller's close(2) of it ends the set. */
    @Override
    public synchronized int create() {
        if (epfd >= 0) {
            throw new IllegalStateException("one port per EpollOneShotPort");
        }
        epfd = EPOLL.create();
        wakeFd = EPOLL.eventfd();
        if (epfd < 0 || wakeFd < 0) {
            return epfd < 0 ? epfd : wakeFd;
        }
        int rc = EPOLL.ctl(epfd, CTL_ADD, wakeFd, EPOLLIN, WAKE_ID);
        return rc < 0 ? rc : epfd;
    }

    @Override
    public synchronized int associate(int port, int fd, int events, long user) {
        associateCalls.incrementAndGet();
        Association a = new Association(++lastId, fd, user);
        Association old = byFd.get(fd);
        int flags = events | EPOLLONESHOT;
        int rc;
        if (old != null) {
            rc = EPOLL.ctl(port, CTL_MOD, fd, flags, a.id);
            if (rc == -Errno.ENOENT) {   // closed meanwhile and the number reused
                rc = EPOLL.ctl(port, CTL_ADD, fd, flags, a.id);
            }
        } else {
            rc = EPOLL.ctl(port, CTL_ADD, fd, flags, a.id);
            if (rc == -Errno.EEXIST) {
                rc = EPOLL.ctl(port, CTL_MOD, fd, flags, a.id);
            }
        }
        if (rc < 0) {
            byFd.remove(fd);
            return rc == -Errno.EBADF ? -EBADFD : rc;
        }
        byFd.put(fd, a);
        byId.put(a.id, a);
        return 0;
    }

    @Override
    public synchronized int dissociate(int port, int fd) {
        Association a = byFd.remove(fd);
        if (a == null) {
            return -Errno.ENOENT;
        }
        int rc = EPOLL.ctl(port, CTL_DEL, fd, 0, 0L);
        if (rc == -Errno.EBADF) {
            return -EBADFD;
        }
        return a.active ? 0 : -Errno.ENOENT;
    }

    @Override
    public long getn(int port, ByteBuffer events, int max, int nget, long timeoutNanos) {
        getnCalls.incrementAndGet();
        ByteBuffer raw = scratch(max);
        int n = timeoutNanos < 0 ? EPOLL.waitMillis(port, raw, max, -1)
                : EPOLL.waitMillis(port, raw, max, (int) Math.min((timeoutNanos + 999_999) / 1_000_000, Integer.MAX_VALUE));
        if (n < 0) {
            return result(0, -n);
        }
        int out = 0;
        synchronized (this) {
            for (int i = 0; i < n; i++) {
                long id = raw.getLong(i * EPOLL_SIZE + EPOLL_DATA_AT);
                int flags = raw.getInt(i * EPOLL_SIZE + EPOLL_EVENTS_AT);
                if (id == WAKE_ID) {
                    EPOLL.eventfdRead(wakeFd);
                    continue;
                }
                // As the port does, an event taken from the kernel is delivered even if its
                // association was replaced or dissociated since; only the current one is spent.
                Association a = byId.get(id);
                if (byFd.get(a.fd) == a) {
                    a.active = false;   // one-shot: EPOLLONESHOT disabled it in the kernel too
                }
                put(events, out++, flags, SOURCE_FD, a.fd, a.user);
            }
            while (out < max && !userEvents.isEmpty()) {
                long[] u = userEvents.poll();
                put(events, out++, (int) u[0], SOURCE_USER, 0, u[1]);
            }
            if (!userEvents.isEmpty()) {
                EPOLL.eventfdWrite(wakeFd, 1);   // the rest at the next getn
            }
        }
        return out == 0 && timeoutNanos >= 0 ? result(0, ETIME) : result(out, 0);
    }

    @Override
    public synchronized int send(int port, int events, long user) {
        userEvents.add(new long[] {events, user});
        return EPOLL.eventfdWrite(wakeFd, 1);
    }

    int associateCalls() {
        return associateCalls.get();
    }

    int getnCalls() {
        return getnCalls.get();
    }

    /** Closes the eventfd (the epoll descriptor is the poller's to close). */
    synchronized void dispose() {
        if (wakeFd >= 0) {
            io.mio4j.internal.unix.Posix.CALLS.close(wakeFd);
            wakeFd = -1;
        }
    }

    private synchronized ByteBuffer scratch(int max) {
        if (scratch.capacity() < max * EPOLL_SIZE) {
            scratch = ByteBuffer.allocateDirect(max * EPOLL_SIZE).order(ByteOrder.nativeOrder());
        }
        return scratch;
    }

    private static void put(ByteBuffer events, int i, int flags, int source, int fd, long user) {
        int at = i * 24;
        events.putInt(at, flags);
        events.putShort(at + 4, (short) source);
        events.putLong(at + 8, fd);
        events.putLong(at + 16, user);
    }

    private static long result(int count, int errno) {
        return ((long) -errno << 32) | (count & 0xFFFF_FFFFL);
    }
}
