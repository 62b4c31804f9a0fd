package io.mio4j.internal;

import io.mio4j.internal.io.IoVectors;

import java.nio.ByteBuffer;

/**
 * The OS calls of one kind of descriptor (a Unix socket, a pipe end, a Windows socket) in
 * the terms {@link BufferIo} needs: direct buffers with (position, length), results as
 * counts or a negative OS error. Everything else about buffers, positions, would-block and
 * errors is {@link BufferIo}'s, written once for every kind.
 */
public interface IoDispatcher {
    /** The operations, for error messages ({@link #callName}). */
    enum Op { READ, PEEK, WRITE, READV, WRITEV, RECEIVE, RECEIVE_PEEK, RECEIVE_FROM, RECEIVE_FROM_PEEK, SEND, SEND_TO }

    /** Stream read (or peek) into [pos, pos + len) of a direct buffer: bytes, 0 at end of stream. */
    int read(long handle, ByteBuffer buffer, int pos, int len, boolean peek);

    /** Stream write (never SIGPIPE) from [pos, pos + len) of a direct buffer. */
    int write(long handle, ByteBuffer buffer, int pos, int len);

    /** Scattering read into the vectors' ranges (all of direct buffers). */
    long read(long handle, IoVectors vectors);

    /** Gathering write from the vectors' ranges (never SIGPIPE). */
    long write(long handle, IoVectors vectors);

    /**
     * One datagram into [pos, pos + len): its full length where the OS tells it (more than
     * len when it was truncated), else the bytes placed. The sender goes to {@code sender}
     * when not null. UnsupportedOperationException for kinds without datagrams.
     */
    int receive(long handle, ByteBuffer buffer, int pos, int len, boolean peek, byte[] sender);

    /** One datagram from [pos, pos + len) to {@code target} (null: the connected peer). */
    int send(long handle, ByteBuffer buffer, int pos, int len, byte[] target);

    /** The most vectors one call takes. */
    int maxVectors();

    /** The OS call behind an operation, as error messages name it ("recv", "read", "sendmsg"...). */
    String callName(Op op);
}
