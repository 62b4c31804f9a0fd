package io.mio4j.internal.afd;

import java.nio.ByteBuffer;

/**
 * The Winsock calls of native/afd/jni_socket_win.c (over socket_win.c), as a binding
 * provides them. Results: a count or SOCKET, or a negated Winsock error
 * (-WSAEWOULDBLOCK is "would block"). Addresses are byte arrays in the layout of
 * io.mio4j.internal.SockAddr; outputs need ADDRESS_SIZE bytes. Sockets are born
 * non-blocking, overlapped and not inheritable. Buffers are direct, passed with
 * (position, length).
 */
public interface WinsockCalls {
    /** FAMILY_*, STREAM, DATAGRAM, PEEK, SHUT_*, IOV_MAX, ADDRESS_SIZE, OPT_*. */
    long constant(String name);

    long socket(int family, int type);

    int close(long socket);

    int bind(long socket, byte[] address);

    int listen(long socket, int backlog);

    /** 0: connected at once; 1: in progress (wait for WRITABLE, then OPT_ERROR). */
    int connect(long socket, byte[] address);

    /** The accepted SOCKET; the peer's address goes to address (may be null). */
    long accept(long socket, byte[] address);

    int localAddress(long socket, byte[] address);

    /** -WSAENOTCONN while not connected. */
    int peerAddress(long socket, byte[] address);

    int shutdown(long socket, int how);

    int getIntOption(long socket, int option, int[] value);

    int setIntOption(long socket, int option, int value);

    /** Bytes received: 0 at end of stream or for an empty datagram; flags 0 or PEEK. */
    int recv(long socket, ByteBuffer buffer, int pos, int len, int flags);

    int send(long socket, ByteBuffer buffer, int pos, int len);

    int recvFrom(long socket, ByteBuffer buffer, int pos, int len, int flags, byte[] from);

    int sendTo(long socket, ByteBuffer buffer, int pos, int len, byte[] to);

    /** count (1..IOV_MAX) direct buffers with their positions and lengths. */
    int recvv(long socket, ByteBuffer[] buffers, int[] positions, int[] lengths, int count);

    int sendv(long socket, ByteBuffer[] buffers, int[] positions, int[] lengths, int count);

    /** group and iface: 4 bytes each (iface null: any); join 1, leave 0. */
    int multicastV4(long socket, byte[] group, byte[] iface, int join);

    /** group: 16 bytes; join 1, leave 0. */
    int multicastV6(long socket, byte[] group, int ifaceIndex, int join);
}
