package io.mio4j.internal.afd;

import io.mio4j.internal.loader.NativeLibrary;

import java.nio.ByteBuffer;

/** WinsockCalls through JNI: native/afd/jni_socket_win.c. */
public final class WinsockCallsJni implements WinsockCalls {
    static {
        NativeLibrary.ensureLoaded();
    }

    @Override
    public native long constant(String name);

    @Override
    public native long socket(int family, int type);

    @Override
    public native int close(long socket);

    @Override
    public native int bind(long socket, byte[] address);

    @Override
    public native int listen(long socket, int backlog);

    @Override
    public native int connect(long socket, byte[] address);

    @Override
    public native long accept(long socket, byte[] address);

    @Override
    public native int localAddress(long socket, byte[] address);

    @Override
    public native int peerAddress(long socket, byte[] address);

    @Override
    public native int shutdown(long socket, int how);

    @Override
    public native int getIntOption(long socket, int option, int[] value);

    @Override
    public native int setIntOption(long socket, int option, int value);

    @Override
    public native int recv(long socket, ByteBuffer buffer, int pos, int len, int flags);

    @Override
    public native int send(long socket, ByteBuffer buffer, int pos, int len);

    @Override
    public native int recvFrom(long socket, ByteBuffer buffer, int pos, int len, int flags, byte[] from);

    @Override
    public native int sendTo(long socket, ByteBuffer buffer, int pos, int len, byte[] to);

    @Override
    public native int recvv(long socket, ByteBuffer[] buffers, int[] positions, int[] lengths, int count);

    @Override
    public native int sendv(long socket, ByteBuffer[] buffers, int[] positions, int[] lengths, int count);

    @Override
    public native int multicastV4(long socket, byte[] group, byte[] iface, int join);

    @Override
    public native int multicastV6(long socket, byte[] group, int ifaceIndex, int join);
}
