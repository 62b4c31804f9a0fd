package io.mio4j.internal.epoll;

import io.mio4j.internal.NativeLibrary;

import java.nio.ByteBuffer;

/** Natives of native/epoll/epoll.c. Results: a count or descriptor, or -errno. */
final class EpollNative {
    static {
        NativeLibrary.ensureLoaded();
    }

    private EpollNative() {
    }

    /** Flag values, struct layout (SIZEOF_EPOLL_EVENT, OFFSETOF_*); NativeConstant.UNKNOWN if unknown. */
    static native long constant(String name);

    /** epoll_create1(EPOLL_CLOEXEC). */
    static native int create();

    static native int ctl(int epfd, int op, int fd, int events, long data);

    /** epoll_wait into a direct buffer of at least maxEvents structs; -1 ms: forever. */
    static native int waitMillis(int epfd, ByteBuffer events, int maxEvents, int timeoutMillis);

    /** epoll_pwait2 with a nanosecond timeout; negative: forever. */
    static native int waitNanos(int epfd, ByteBuffer events, int maxEvents, long timeoutNanos);

    /** 0 when epoll_pwait2 works on this kernel, else -errno. */
    static native int probePwait2();
}
