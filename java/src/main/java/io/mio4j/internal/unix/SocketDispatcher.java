package io.mio4j.internal.unix;

import io.mio4j.internal.IoDispatcher;
import io.mio4j.internal.io.IoVectors;

import java.nio.ByteBuffer;

/** recv/send/readv/sendmsg/recvfrom/sendto: the I/O of every Unix socket. */
final class SocketDispatcher implements IoDispatcher {
    static final SocketDispatcher INSTANCE = new SocketDispatcher();
    static final int IOV_MAX = Posix.constant("IOV_MAX");
    private static final int MSG_PEEK = Posix.constant("MSG_PEEK");
    // The result is then a datagram's real length, so a truncation can be told.
    private static final int MSG_TRUNC = Posix.constant("MSG_TRUNC");

    private SocketDispatcher() {
    }

    @Override
    public int read(long fd, ByteBuffer buffer, int pos, int len, boolean peek) {
        return Posix.CALLS.recv((int) fd, buffer, pos, len, peek ? MSG_PEEK : 0);
    }

    @Override
    public int write(long fd, ByteBuffer buffer, int pos, int len) {
        return Posix.CALLS.send((int) fd, buffer, pos, len, 0);
    }

    @Override
    public long read(long fd, IoVectors v) {
        return Posix.CALLS.readv((int) fd, v.buffers, v.positions, v.lengths, v.count);
    }

    @Override
    public long write(long fd, IoVectors v) {
        return Posix.CALLS.sendv((int) fd, v.buffers, v.positions, v.lengths, v.count);
    }

    @Override
    public int receive(long fd, ByteBuffer buffer, int pos, int len, boolean peek, byte[] sender) {
        int flags = (peek ? MSG_PEEK : 0) | MSG_TRUNC;
        return sender == null
                ? Posix.CALLS.recv((int) fd, buffer, pos, len, flags)
                : Posix.CALLS.recvFrom((int) fd, buffer, pos, len, flags, sender);
    }

    @Override
    public int send(long fd, ByteBuffer buffer, int pos, int len, byte[] target) {
        return target == null
                ? Posix.CALLS.send((int) fd, buffer, pos, len, 0)
                : Posix.CALLS.sendTo((int) fd, buffer, pos, len, target);
    }

    @Override
    public int maxVectors() {
        return IOV_MAX;
    }

    @Override
    public String callName(Op op) {
        switch (op) {
            case READ: case RECEIVE: return "recv";
            case PEEK: case RECEIVE_PEEK: return "recv(MSG_PEEK)";
            case WRITE: case SEND: return "send";
            case READV: return "readv";
            case WRITEV: return "sendmsg";
            case RECEIVE_FROM: return "recvfrom";
            case RECEIVE_FROM_PEEK: return "recvfrom(MSG_PEEK)";
            case SEND_TO: return "sendto";
            default: throw new AssertionError(op);
        }
    }
}
