package io.mio4j.internal.afd;

import io.mio4j.internal.NativeLibrary;

import java.nio.ByteBuffer;

/**
 * Natives of native/afd/jni_socket_win.c (over socket_win.c). Results: a count or
 * SOCKET, or a negated Winsock error (-WSAEWOULDBLOCK is "would block"). Addresses
 * are byte arrays in the layout of io.mio4j.internal.unix.SockAddr; outputs need
 * ADDRESS_SIZE bytes. Sockets are born non-blocking, overlapped and not inheritable.
 * Buffers are direct, passed with (position, length).
 */
final class WinSocketNative {
    static {
        NativeLibrary.ensureLoaded();
    }

    private WinSocketNative() {
    }

    /** FAMILY_*, STREAM, DATAGRAM, PEEK, SHUT_*, IOV_MAX, ADDRESS_SIZE, OPT_*. */
    static native long constant(String name);

    static native long socket(int family, int type);

    static native int close(long socket);

    static native int bind(long socket, byte[] address);

    static native int listen(long socket, int backlog);

    /** 0: connected at once; 1: in progress (wait for WRITABLE, then OPT_ERROR). */
    static native int connect(long socket, byte[] address);

    /** The accepted SOCKET; the peer's address goes to address (may be null). */
    static native long accept(long socket, byte[] address);

    static native int localAddress(long socket, byte[] address);

    /** -WSAENOTCONN while not connected. */
    static native int peerAddress(long socket, byte[] address);

    static native int shutdown(long socket, int how);

    static native int getIntOption(long socket, int option, int[] value);

    static native int setIntOption(long socket, int option, int value);

    /** Bytes received: 0 at end of stream or for an empty datagram; flags 0 or PEEK. */
    static native int recv(long socket, ByteBuffer buffer, int pos, int len, int flags);

    static native int send(long socket, ByteBuffer buffer, int pos, int len);

    static native int recvFrom(long socket, ByteBuffer buffer, int pos, int len, int flags, byte[] from);

    static native int sendTo(long socket, ByteBuffer buffer, int pos, int len, byte[] to);

    /** count (1..IOV_MAX) direct buffers with their positions and lengths. */
    static native int recvv(long socket, ByteBuffer[] buffers, int[] positions, int[] lengths, int count);

    static native int sendv(long socket, ByteBuffer[] buffers, int[] positions, int[] lengths, int count);

    /** group and iface: 4 bytes each (iface null: any); join 1, leave 0. */
    static native int multicastV4(long socket, byte[] group, byte[] iface, int join);

    /** group: 16 bytes; join 1, leave 0. */
    static native int multicastV6(long socket, byte[] group, int ifaceIndex, int join);
}
