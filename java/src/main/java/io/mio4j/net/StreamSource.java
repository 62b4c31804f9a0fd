package io.mio4j.net;

import io.mio4j.internal.NetSocket;

import java.io.IOException;
import java.nio.ByteBuffer;

/** What TcpStream and UnixStream share: a connected byte stream, written once. */
abstract class StreamSource extends NetSource {
    StreamSource(NetSocket socket) {
        super(socket);
    }

    /**
     * Reads into {@code dst}.
     *
     * @return bytes read, 0 when nothing is ready (or dst is full), -1 at end of stream
     * @throws IllegalArgumentException if dst is read-only
     */
    public final int read(ByteBuffer dst) throws IOException {
        return socket.read(dst);
    }

    /**
     * Writes from {@code src}.
     *
     * @return bytes written, 0 when the kernel buffer is full
     */
    public final int write(ByteBuffer src) throws IOException {
        return socket.write(src);
    }

    /**
     * Reads into {@code dsts[offset .. offset + length - 1]} in order (readv). A buffer
     * named twice is filled once.
     *
     * @return bytes read, 0 when nothing is ready (or no buffer has room), -1 at end of stream
     * @throws IndexOutOfBoundsException if offset and length do not fit dsts
     * @throws IllegalArgumentException  if a buffer is read-only
     */
    public final long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        return socket.read(dsts, offset, length);
    }

    /** As {@link #read(ByteBuffer[], int, int)} over all of dsts. */
    public final long read(ByteBuffer[] dsts) throws IOException {
        return socket.read(dsts, 0, checkArray(dsts, "dsts").length);
    }

    /**
     * Writes from {@code srcs[offset .. offset + length - 1]} in order (never SIGPIPE).
     *
     * @return bytes written, 0 when the kernel buffer is full
     * @throws IndexOutOfBoundsException if offset and length do not fit srcs
     */
    public final long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        return socket.write(srcs, offset, length);
    }

    /** As {@link #write(ByteBuffer[], int, int)} over all of srcs. */
    public final long write(ByteBuffer[] srcs) throws IOException {
        return socket.write(srcs, 0, checkArray(srcs, "srcs").length);
    }

    /**
     * Shuts down the reading half.
     *
     * @throws IOException if the OS reports an error
     */
    public final void shutdownInput() throws IOException {
        socket.shutdownInput();
    }

    /**
     * Shuts down the writing half (the peer reads end of stream).
     *
     * @throws IOException if the OS reports an error
     */
    public final void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    private static ByteBuffer[] checkArray(ByteBuffer[] buffers, String name) {
        if (buffers == null) {
            throw new NullPointerException(name);
        }
        return buffers;
    }
}
