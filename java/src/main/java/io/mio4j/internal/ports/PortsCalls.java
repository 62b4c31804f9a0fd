package io.mio4j.internal.ports;

import java.nio.ByteBuffer;

/**
 * The event ports calls (illumos, Solaris), as a binding provides them. Results: a
 * count or descriptor, or -errno. PortsPoller takes one of these, so a test can give it
 * a double of the kernel in place of the real binding.
 */
public interface PortsCalls {
    /**
     * PORT_SOURCE_FD/USER, the POLL* bits, ETIME, EBADFD, and port_event_t's size and
     * offsets (SIZEOF_PORT_EVENT, OFFSETOF_EVENTS/SOURCE/OBJECT/USER); NativeConstant.UNKNOWN
     * for a name this system lacks (POLLRDHUP on Oracle Solaris).
     */
    long constant(String name);

    /** port_create, close-on-exec. The port is closed with close(2). */
    int create();

    /**
     * port_associate(PORT_SOURCE_FD) for ONE delivery of events: after the port delivers
     * an event for fd, fd is no longer associated until this is called again. Re-associating
     * replaces events and user and drops fd's undelivered event; either way the kernel
     * polls fd at once and queues an event if it is ready. A closed fd: -EBADFD.
     */
    int associate(int port, int fd, int events, long user);

    /** port_dissociate(PORT_SOURCE_FD): -ENOENT when fd had no active association. */
    int dissociate(int port, int fd);

    /**
     * port_getn into a direct buffer of max port_event_t: waits until at least nget
     * events are queued or the timeout ends (nanoseconds, exact; negative: no limit;
     * 0: do not wait). Returns the events stored in the low 32 bits and 0 or -errno in the
     * high 32: ETIME and EINTR may come with events, which are delivered all the same.
     */
    long getn(int port, ByteBuffer events, int max, int nget, long timeoutNanos);

    /** port_send: queues a PORT_SOURCE_USER event carrying events and user. */
    int send(int port, int events, long user);
}
