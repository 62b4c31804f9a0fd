package io.mio4j.internal.epoll;

import io.mio4j.internal.Backend;
import io.mio4j.internal.Selector;

import java.io.IOException;

/** epoll through JNI: Linux and Android. */
public final class EpollBackend extends Backend {
    @Override
    public String description() {
        return "epoll (jni)";
    }

    @Override
    public Selector openSelector() throws IOException {
        return EpollSelector.open();
    }

    /** Whether epoll_pwait2 (nanosecond timeouts) is used. */
    public static boolean hasPwait2() {
        return EpollSelector.HAS_PWAIT2;
    }
}
