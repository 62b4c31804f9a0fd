package io.mio4j.internal.unix;

import io.mio4j.internal.NativeLibrary;

import java.nio.ByteBuffer;

/**
 * Natives of native/common/socket.c. Results: a count or descriptor, or -errno.
 * Addresses are byte arrays in the layout of {@link SockAddr}. Sockets are born
 * non-blocking and close-on-exec; sends never raise SIGPIPE.
 */
public final class SocketNative {
    static {
        NativeLibrary.ensureLoaded();
    }

    private SocketNative() {
    }

    public static native long constant(String name);

    public static native int socket(int family, int type, int protocol);

    public static native int socketpair(int family, int type, int[] out);

    public static native int bind(int fd, byte[] address);

    /** 0 when connected, -EINPROGRESS while the connect goes on. */
    public static native int connect(int fd, byte[] address);

    public static native int listen(int fd, int backlog);

    /** The accepted descriptor; the peer's address is written into address. */
    public static native int accept(int fd, byte[] address);

    public static native int localAddress(int fd, byte[] address);

    public static native int peerAddress(int fd, byte[] address);

    public static native int shutdown(int fd, int how);

    public static native int getIntOption(int fd, int level, int name, int[] value);

    public static native int setIntOption(int fd, int level, int name, int value);

    public static native int send(int fd, ByteBuffer buffer, int pos, int len, int flags);

    public static native int recv(int fd, ByteBuffer buffer, int pos, int len, int flags);

    public static native long sendv(int fd, ByteBuffer[] buffers, int[] positions, int[] lengths, int count);

    /** SO_LINGER: out[0] 1 when on, out[1] the seconds. */
    public static native int getLinger(int fd, int[] out);

    public static native int setLinger(int fd, boolean on, int seconds);

    /** The address family (AF_INET, AF_INET6, AF_UNIX) of a socket. */
    public static native int family(int fd);
}
