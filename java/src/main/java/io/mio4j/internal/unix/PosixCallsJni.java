package io.mio4j.internal.unix;

import io.mio4j.internal.loader.NativeLibrary;

import java.nio.ByteBuffer;

/** PosixCalls through JNI: the natives of native/unix (fd.c, socket.c, datagram.c, constants.c). */
public final class PosixCallsJni implements PosixCalls {
    static {
        NativeLibrary.ensureLoaded();
    }

    @Override
    public native long constant(String name);

    @Override
    public native int close(int fd);

    @Override
    public native int read(int fd, ByteBuffer buffer, int pos, int len);

    @Override
    public native int write(int fd, ByteBuffer buffer, int pos, int len);

    @Override
    public native long readv(int fd, ByteBuffer[] buffers, int[] positions, int[] lengths, int count);

    @Override
    public native long writev(int fd, ByteBuffer[] buffers, int[] positions, int[] lengths, int count);

    @Override
    public native int setNonBlocking(int fd, boolean on);

    @Override
    public native int pipe(int[] out);

    @Override
    public native int preClose(int fd);

    @Override
    public native int threadEnter();

    @Override
    public native int threadExit(int slot);

    @Override
    public native int threadSignal(int slot);

    @Override
    public native int socket(int family, int type, int protocol);

    @Override
    public native int socketpair(int family, int type, int[] out);

    @Override
    public native int bind(int fd, byte[] address);

    @Override
    public native int connect(int fd, byte[] address);

    @Override
    public native int listen(int fd, int backlog);

    @Override
    public native int accept(int fd, byte[] address);

    @Override
    public native int localAddress(int fd, byte[] address);

    @Override
    public native int peerAddress(int fd, byte[] address);

    @Override
    public native int shutdown(int fd, int how);

    @Override
    public native int getIntOption(int fd, int level, int name, int[] value);

    @Override
    public native int setIntOption(int fd, int level, int name, int value);

    @Override
    public native int send(int fd, ByteBuffer buffer, int pos, int len, int flags);

    @Override
    public native int recv(int fd, ByteBuffer buffer, int pos, int len, int flags);

    @Override
    public native long sendv(int fd, ByteBuffer[] buffers, int[] positions, int[] lengths, int count);

    @Override
    public native int getLinger(int fd, int[] out);

    @Override
    public native int setLinger(int fd, boolean on, int seconds);

    @Override
    public native int family(int fd);

    @Override
    public native int sendTo(int fd, ByteBuffer buffer, int pos, int len, byte[] address);

    @Override
    public native int recvFrom(int fd, ByteBuffer buffer, int pos, int len, int flags, byte[] address);

    @Override
    public native int membershipV4(int fd, int option, byte[] group, byte[] iface);

    @Override
    public native int membershipV6(int fd, int option, byte[] group, int ifindex);
}
