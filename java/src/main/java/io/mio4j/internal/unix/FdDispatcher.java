package io.mio4j.internal.unix;

import io.mio4j.internal.IoDispatcher;
import io.mio4j.internal.io.IoVectors;

import java.nio.ByteBuffer;

/** read/write/readv/writev: the I/O of descriptors that are not sockets (pipe ends). */
final class FdDispatcher implements IoDispatcher {
    static final FdDispatcher INSTANCE = new FdDispatcher();

    private FdDispatcher() {
    }

    @Override
    public int read(long fd, ByteBuffer buffer, int pos, int len, boolean peek) {
        return Posix.CALLS.read((int) fd, buffer, pos, len);   // a pipe cannot peek; nobody asks
    }

    @Override
    public int write(long fd, ByteBuffer buffer, int pos, int len) {
        return Posix.CALLS.write((int) fd, buffer, pos, len);
    }

    @Override
    public long read(long fd, IoVectors v) {
        return Posix.CALLS.readv((int) fd, v.buffers, v.positions, v.lengths, v.count);
    }

    @Override
    public long write(long fd, IoVectors v) {
        return Posix.CALLS.writev((int) fd, v.buffers, v.positions, v.lengths, v.count);
    }

    @Override
    public int receive(long fd, ByteBuffer buffer, int pos, int len, boolean peek, byte[] sender) {
        throw new UnsupportedOperationException("datagrams on a pipe");
    }

    @Override
    public int send(long fd, ByteBuffer buffer, int pos, int len, byte[] target) {
        throw new UnsupportedOperationException("datagrams on a pipe");
    }

    @Override
    public int maxVectors() {
        return SocketDispatcher.IOV_MAX;
    }

    @Override
    public String callName(Op op) {
        return op == Op.READ ? "read" : op == Op.WRITE ? "write" : op == Op.READV ? "readv" : "writev";
    }
}
