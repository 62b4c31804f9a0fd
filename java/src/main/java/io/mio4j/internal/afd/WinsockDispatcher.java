package io.mio4j.internal.afd;

import io.mio4j.internal.IoDispatcher;
import io.mio4j.internal.io.IoVectors;

import java.nio.ByteBuffer;

/**
 * The I/O of a Windows socket. Windows tells no datagram's full length: a truncated one
 * (WSAEMSGSIZE) counts as the bytes placed, so the length never exceeds the room.
 */
final class WinsockDispatcher implements IoDispatcher {
    static final WinsockDispatcher INSTANCE = new WinsockDispatcher();
    private static final int MSG_PEEK = Winsock.constant("PEEK");
    private static final int IOV_MAX = Winsock.constant("IOV_MAX");

    private WinsockDispatcher() {
    }

    @Override
    public int read(long socket, ByteBuffer buffer, int pos, int len, boolean peek) {
        return Winsock.CALLS.recv(socket, buffer, pos, len, peek ? MSG_PEEK : 0);
    }

    @Override
    public int write(long socket, ByteBuffer buffer, int pos, int len) {
        return Winsock.CALLS.send(socket, buffer, pos, len);
    }

    @Override
    public long read(long socket, IoVectors v) {
        return Winsock.CALLS.recvv(socket, v.buffers, v.positions, v.lengths, v.count);
    }

    @Override
    public long write(long socket, IoVectors v) {
        return Winsock.CALLS.sendv(socket, v.buffers, v.positions, v.lengths, v.count);
    }

    @Override
    public int receive(long socket, ByteBuffer buffer, int pos, int len, boolean peek, byte[] sender) {
        int flags = peek ? MSG_PEEK : 0;
        return sender == null
                ? Winsock.CALLS.recv(socket, buffer, pos, len, flags)
                : Winsock.CALLS.recvFrom(socket, buffer, pos, len, flags, sender);
    }

    @Override
    public int send(long socket, ByteBuffer buffer, int pos, int len, byte[] target) {
        return target == null
                ? Winsock.CALLS.send(socket, buffer, pos, len)
                : Winsock.CALLS.sendTo(socket, buffer, pos, len, target);
    }

    @Override
    public int maxVectors() {
        return IOV_MAX;
    }

    @Override
    public String callName(Op op) {
        switch (op) {
            case READ: case READV: case RECEIVE: return "recv";
            case PEEK: case RECEIVE_PEEK: return "recv(MSG_PEEK)";
            case WRITE: case WRITEV: case SEND: return "send";
            case RECEIVE_FROM: return "recvfrom";
            case RECEIVE_FROM_PEEK: return "recvfrom(MSG_PEEK)";
            case SEND_TO: return "sendto";
            default: throw new AssertionError(op);
        }
    }
}
