package io.mio4j.internal.epoll;

import io.mio4j.internal.loader.NativeLibrary;

import java.nio.ByteBuffer;

/** EpollCalls through JNI: the natives of native/epoll. */
public final class EpollCallsJni implements EpollCalls {
    static {
        NativeLibrary.ensureLoaded();
    }

    @Override
    public native long constant(String name);

    @Override
    public native int create();

    @Override
    public native int ctl(int epfd, int op, int fd, int events, long data);

    @Override
    public native int waitMillis(int epfd, ByteBuffer events, int maxEvents, int timeoutMillis);

    @Override
    public native int waitNanos(int epfd, ByteBuffer events, int maxEvents, long timeoutNanos);

    @Override
    public native int probePwait2();

    @Override
    public native int eventfd();

    @Override
    public native int eventfdWrite(int fd, long value);

    @Override
    public native int eventfdRead(int fd);
}
