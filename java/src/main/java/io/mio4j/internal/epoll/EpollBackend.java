package io.mio4j.internal.epoll;

import io.mio4j.internal.Backend;
import io.mio4j.internal.NetSocket;
import io.mio4j.internal.Selector;
import io.mio4j.internal.SocketKind;
import io.mio4j.internal.unix.Socket;

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

    @Override
    public NetSocket openSocket(SocketKind kind, boolean ipv6) throws IOException {
        return Socket.open(kind, ipv6);
    }

    @Override
    public NetSocket[] openSocketPair(SocketKind kind) throws IOException {
        return Socket.pair(kind);
    }

    /** Whether epoll_pwait2 (nanosecond timeouts) is used. */
    public static boolean hasPwait2() {
        return EpollSelector.HAS_PWAIT2;
    }

    /**
     * The struct epoll_event layout the selector reads, for diagnostics: packed on x86
     * ("12 bytes, events at 0, data at 4"), naturally aligned elsewhere (16, data at 8).
     */
    public static String eventLayout() {
        int[] layout = EpollSelector.eventLayout();
        return layout[0] + " bytes, events at " + layout[1] + ", data at " + layout[2];
    }
}
