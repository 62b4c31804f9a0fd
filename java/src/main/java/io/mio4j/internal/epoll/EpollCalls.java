package io.mio4j.internal.epoll;

import java.nio.ByteBuffer;

/** The epoll and eventfd calls, as a binding provides them. Results: a count or descriptor, or -errno. */
public interface EpollCalls {
    /** Flag values, struct layout (SIZEOF_EPOLL_EVENT, OFFSETOF_*); NativeConstant.UNKNOWN if unknown. */
    long constant(String name);

    /** epoll_create1(EPOLL_CLOEXEC). */
    int create();

    int ctl(int epfd, int op, int fd, int events, long data);

    /** epoll_wait into a direct buffer of at least maxEvents structs; -1 ms: forever. */
    int waitMillis(int epfd, ByteBuffer events, int maxEvents, int timeoutMillis);

    /** epoll_pwait2 with a nanosecond timeout; negative: forever. */
    int waitNanos(int epfd, ByteBuffer events, int maxEvents, long timeoutNanos);

    /** 0 when epoll_pwait2 works on this kernel, else -errno. */
    int probePwait2();

    /** eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC). */
    int eventfd();

    /** Adds value to the counter; -EAGAIN when it would overflow. */
    int eventfdWrite(int fd, long value);

    /** Resets the counter; -EAGAIN when it was already 0. */
    int eventfdRead(int fd);
}
