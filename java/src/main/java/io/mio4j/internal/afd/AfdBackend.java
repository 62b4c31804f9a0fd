package io.mio4j.internal.afd;

import io.mio4j.internal.Backend;
import io.mio4j.internal.NetSocket;
import io.mio4j.internal.PipeEnd;
import io.mio4j.internal.Poller;
import io.mio4j.internal.SocketKind;
import io.mio4j.internal.loader.NativeLoader;

import java.io.IOException;

/** The AFD driver and an I/O completion port: Windows. */
public final class AfdBackend extends Backend {
    @Override
    public String pollerName() {
        return "afd";
    }

    @Override
    public boolean serves(String os) {
        return os.equals("windows");
    }

    @Override
    public Poller openPoller() throws IOException {
        return AfdPoller.open();
    }

    @Override
    public NetSocket openSocket(SocketKind kind, boolean ipv6) throws IOException {
        if (kind.isUnix()) {
            requireUnix(typeName(kind));
        }
        return WinSocket.open(kind, ipv6);
    }

    @Override
    public NetSocket[] openSocketPair(SocketKind kind) throws IOException {
        requireUnix(typeName(kind) + ".pair()");
        throw new AssertionError("requireUnix returned on Windows");
    }

    @Override
    public PipeEnd[] openPipe() {
        requireUnix("Pipe");
        throw new AssertionError("requireUnix returned on Windows");
    }

    /** The public class of a Unix socket kind, for messages: UNIX_STREAM is "UnixStream". */
    private static String typeName(SocketKind kind) {
        switch (kind) {
            case UNIX_STREAM:
                return "UnixStream";
            case UNIX_LISTENER:
                return "UnixListener";
            case UNIX_DATAGRAM:
                return "UnixDatagram";
            default:
                return kind.label() + " socket";
        }
    }

    @Override
    public void requireUnix(String what) {
        throw new UnsupportedOperationException(what + " is Unix-only: not available on "
                + NativeLoader.platform() + " (mio4j's Windows backend has TCP and UDP sockets)");
    }
}
