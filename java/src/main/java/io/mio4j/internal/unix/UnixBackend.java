package io.mio4j.internal.unix;

import io.mio4j.internal.Backend;
import io.mio4j.internal.NetSocket;
import io.mio4j.internal.PipeEnd;
import io.mio4j.internal.SocketKind;

import java.io.IOException;

/**
 * What every Unix backend shares: sockets and pipes are POSIX descriptors, the same on
 * epoll, kqueue and event ports. A Unix backend adds only its poller.
 */
public abstract class UnixBackend extends Backend {
    @Override
    public final NetSocket openSocket(SocketKind kind, boolean ipv6) throws IOException {
        return UnixSocket.open(kind, ipv6);
    }

    @Override
    public final NetSocket[] openSocketPair(SocketKind kind) throws IOException {
        return UnixSocket.pair(kind);
    }

    @Override
    public final PipeEnd[] openPipe() throws IOException {
        return UnixPipeEnd.open();
    }
}
