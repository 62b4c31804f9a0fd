package io.mio4j.internal;

import io.mio4j.internal.afd.AfdBackend;
import io.mio4j.internal.epoll.EpollBackend;

import java.io.IOException;

/** The poller of this system, chosen once. */
public abstract class Backend {
    /** For example "epoll (jni)". */
    public abstract String description();

    public abstract Selector openSelector() throws IOException;

    /**
     * For the Unix-only types (Unix sockets, Pipe, SourceFd, fd()): nothing on Unix;
     * UnsupportedOperationException naming {@code what} where the OS has no such thing.
     * Public classes call this instead of testing the OS themselves.
     */
    public void requireUnix(String what) {
    }

    /** The backend for this system; UnsatisfiedLinkError when the library is missing. */
    public static Backend current() {
        NativeLibrary.ensureLoaded();
        Backend backend = Holder.BACKEND;
        if (backend == null) {
            throw new UnsupportedOperationException("mio4j: no poller backend for "
                    + NativeLoader.platform() + " yet");
        }
        return backend;
    }

    private static final class Holder {
        static final Backend BACKEND = choose();

        private static Backend choose() {
            switch (NativeLoader.os()) {
                case "linux":
                    return new EpollBackend();
                case "windows":
                    return new AfdBackend();
                default:
                    return null;
            }
        }
    }
}
