package io.mio4j.internal;

import io.mio4j.internal.io.Errno;
import io.mio4j.internal.io.IoVectors;
import io.mio4j.internal.io.ScratchBuffers;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.util.Objects;

/**
 * The one I/O path of every socket and pipe end, on every OS and binding (after the JDK's
 * IOUtil and mio's do_io): argument checks, direct buffers in place and heap buffers
 * through the thread's scratch buffer, vectored calls, positions moved once, would-block
 * as a return value (and the poller told of it: AFD and event ports re-arm there), the
 * descriptor held for the call, and errors turned into exceptions. The OS calls of each
 * kind of descriptor are an {@link IoDispatcher}.
 */
public final class BufferIo {
    /** What the datagram calls return when nothing was sent or no datagram is waiting. */
    public static final int NONE = -1;

    private BufferIo() {
    }

    // Streams

    /** Bytes read, 0 when nothing is ready or dst is full, -1 at end of stream. */
    public static int read(IoSource source, IoDispatcher io, ByteBuffer dst, boolean peek) throws IOException {
        checkWritable(dst, "dst");
        long handle = source.handle().acquireHandle();
        try {
            int pos = dst.position();
            int room = dst.limit() - pos;
            if (room == 0) {
                return 0;
            }
            int n;
            if (dst.isDirect()) {
                checkAccessible(dst, pos);
                n = io.read(handle, dst, pos, room, peek);
            } else {
                ByteBuffer scratch = ScratchBuffers.get(room);
                n = io.read(handle, scratch, 0, scratch.limit(), peek);
                if (n > 0) {
                    dst.put(pos, scratch, 0, n);   // absolute: allocates nothing
                }
            }
            if (n > 0) {
                dst.position(pos + n);
                return n;
            }
            if (n == 0) {
                return endOfStream(source);
            }
            if (Errno.isWouldBlock(n)) {
                source.wouldBlock();
                return 0;
            }
            if (Errno.isInterrupted(n) && source.handle().isOpen()) {
                return read(source, io, dst, peek);   // a signal (blocking mode only): call again
            }
            throw failure(source, io.callName(peek ? IoDispatcher.Op.PEEK : IoDispatcher.Op.READ), n, false);
        } finally {
            source.handle().release();
        }
    }

    /** Bytes written, 0 when the kernel buffer is full. */
    public static int write(IoSource source, IoDispatcher io, ByteBuffer src) throws IOException {
        checkReadable(src, "src");
        long handle = source.handle().acquireHandle();
        try {
            int pos = src.position();
            int remaining = src.limit() - pos;
            if (remaining == 0) {
                return 0;
            }
            int n;
            if (src.isDirect()) {
                checkAccessible(src, pos);
                n = io.write(handle, src, pos, remaining);
            } else {
                ByteBuffer scratch = ScratchBuffers.get(remaining);
                int len = scratch.limit();
                scratch.put(0, src, pos, len);   // absolute: allocates nothing
                n = io.write(handle, scratch, 0, len);
            }
            if (n >= 0) {
                src.position(pos + n);
                return n;
            }
            if (Errno.isWouldBlock(n)) {
                source.wouldBlock();
                return 0;
            }
            if (Errno.isInterrupted(n) && source.handle().isOpen()) {
                return write(source, io, src);   // a signal (blocking mode only): call again
            }
            throw failure(source, io.callName(IoDispatcher.Op.WRITE), n, false);
        } finally {
            source.handle().release();
        }
    }

    /**
     * Scattering read into dsts[offset, offset + length): bytes read, 0 when nothing is
     * ready or no buffer has room, -1 at end of stream. A buffer named twice is filled once
     * (its later entries add no room), so no byte read is lost.
     */
    public static long read(IoSource source, IoDispatcher io, ByteBuffer[] dsts, int offset, int length)
            throws IOException {
        Objects.requireNonNull(dsts, "dsts");
        Objects.checkFromIndexSize(offset, length, dsts.length);
        for (int i = offset; i < offset + length; i++) {
            checkElement(dsts, i, "dsts", true);
        }
        long handle = source.handle().acquireHandle();
        IoVectors vectors = IoVectors.get();
        try {
            ByteBuffer scratch = collect(vectors, dsts, offset, length, io.maxVectors(), true);
            if (vectors.count == 0) {
                return 0;
            }
            long n = io.read(handle, vectors);
            if (n > 0) {
                long left = n;
                for (int k = 0; k < vectors.count && left > 0; k++) {
                    ByteBuffer dst = dsts[vectors.targets[k]];
                    int take = (int) Math.min(left, vectors.lengths[k]);
                    if (vectors.buffers[k] == scratch) {
                        dst.put(vectors.starts[k], scratch, vectors.positions[k], take);
                    }
                    dst.position(vectors.starts[k] + take);
                    left -= take;
                }
                return n;
            }
            if (n == 0) {
                return endOfStream(source);
            }
            if (Errno.isWouldBlock((int) n)) {
                source.wouldBlock();
                return 0;
            }
            throw failure(source, io.callName(IoDispatcher.Op.READV), n, false);
        } finally {
            vectors.clear();
            source.handle().release();
        }
    }

    /**
     * Gathering write from srcs[offset, offset + length): bytes written, 0 when the kernel
     * buffer is full. As the JDK's channels, a buffer named twice is sent twice, and its
     * position ends where its last entry's share of the bytes written puts it.
     */
    public static long write(IoSource source, IoDispatcher io, ByteBuffer[] srcs, int offset, int length)
            throws IOException {
        Objects.requireNonNull(srcs, "srcs");
        Objects.checkFromIndexSize(offset, length, srcs.length);
        for (int i = offset; i < offset + length; i++) {
            checkElement(srcs, i, "srcs", false);
        }
        long handle = source.handle().acquireHandle();
        IoVectors vectors = IoVectors.get();
        try {
            ByteBuffer scratch = collect(vectors, srcs, offset, length, io.maxVectors(), false);
            if (vectors.count == 0) {
                return 0;
            }
            for (int k = 0; k < vectors.count; k++) {
                if (vectors.buffers[k] == scratch) {
                    scratch.put(vectors.positions[k], srcs[vectors.targets[k]], vectors.starts[k], vectors.lengths[k]);
                }
            }
            long n = io.write(handle, vectors);
            if (n >= 0) {
                long left = n;
                for (int k = 0; k < vectors.count && left > 0; k++) {
                    int take = (int) Math.min(left, vectors.lengths[k]);
                    srcs[vectors.targets[k]].position(vectors.starts[k] + take);
                    left -= take;
                }
                return n;
            }
            if (Errno.isWouldBlock((int) n)) {
                source.wouldBlock();
                return 0;
            }
            throw failure(source, io.callName(IoDispatcher.Op.WRITEV), n, false);
        } finally {
            vectors.clear();
            source.handle().release();
        }
    }

    /**
     * Fills vectors with the non-empty ranges of buffers[offset, offset + length), in
     * order: direct buffers as themselves, heap buffers as ranges of the scratch buffer
     * (returned; null when no heap buffer takes part). Stops at {@code max} entries, at
     * Integer.MAX_VALUE bytes, or where the scratch buffer is full, so the bytes covered are
     * always a prefix of what the buffers hold. With {@code once}, a buffer already taken
     * is skipped (a read must not fill the same memory twice).
     */
    private static ByteBuffer collect(IoVectors vectors, ByteBuffer[] buffers, int offset, int length,
                                      int max, boolean once) {
        int limit = Math.min(max, IoVectors.CAPACITY);
        int heapBytes = 0;
        for (int i = offset; i < offset + length && heapBytes < ScratchBuffers.MAX; i++) {
            if (!buffers[i].isDirect()) {
                heapBytes += Math.min(buffers[i].remaining(), ScratchBuffers.MAX);
            }
        }
        ByteBuffer scratch = heapBytes > 0 ? ScratchBuffers.get(heapBytes) : null;
        int scratchUsed = 0;
        long total = 0;
        for (int i = offset; i < offset + length && vectors.count < limit; i++) {
            ByteBuffer buffer = buffers[i];
            int pos = buffer.position();
            int len = (int) Math.min(buffer.limit() - pos, Integer.MAX_VALUE - total);
            if (len == 0 || once && takenBefore(buffers, offset, i)) {
                continue;
            }
            if (buffer.isDirect()) {
                checkAccessible(buffer, pos);
                vectors.add(buffer, pos, len, i, pos);
            } else {
                len = Math.min(len, scratch.limit() - scratchUsed);
                if (len == 0) {
                    break;
                }
                vectors.add(scratch, scratchUsed, len, i, pos);
                scratchUsed += len;
            }
            total += len;
            if (len < buffer.limit() - pos) {
                break;   // this buffer is covered only in part: nothing after it may be
            }
        }
        return scratch;
    }

    private static boolean takenBefore(ByteBuffer[] buffers, int from, int i) {
        for (int j = from; j < i; j++) {
            if (buffers[j] == buffers[i]) {
                return true;
            }
        }
        return false;
    }

    // Datagrams: one per call, never partial.

    /**
     * Receives one datagram into dst's room (what does not fit is discarded), or with
     * {@code peek} leaves it queued; the sender goes to {@code sender} when not null.
     * Returns the datagram's length as far as the OS tells it (more than the bytes placed
     * when it was truncated, where the OS reports that), or {@link #NONE} when none is
     * waiting. dst's position moves by the bytes placed.
     *
     * @param udp whether a refused send surfaces as PortUnreachableException (ICMP)
     */
    public static int receive(IoSource source, IoDispatcher io, ByteBuffer dst, boolean peek, byte[] sender,
                              boolean udp) throws IOException {
        checkWritable(dst, "dst");
        long handle = source.handle().acquireHandle();
        try {
            int pos = dst.position();
            int room = dst.limit() - pos;
            int n;
            int placed;
            if (dst.isDirect()) {
                if (room > 0) {
                    checkAccessible(dst, pos);
                }
                n = io.receive(handle, dst, pos, room, peek, sender);
                placed = Math.min(n, room);
            } else {
                // A datagram cannot be read in parts: a room larger than the scratch buffer gets its own.
                ByteBuffer direct = room <= ScratchBuffers.MAX ? ScratchBuffers.get(room) : ByteBuffer.allocateDirect(room);
                n = io.receive(handle, direct, 0, room, peek, sender);
                placed = Math.min(n, room);
                if (placed > 0) {
                    dst.put(pos, direct, 0, placed);   // absolute: allocates nothing
                }
            }
            if (n >= 0) {
                dst.position(pos + placed);
                return n;
            }
            if (Errno.isWouldBlock(n)) {
                source.wouldBlock();
                return NONE;
            }
            IoDispatcher.Op op = sender == null ? (peek ? IoDispatcher.Op.RECEIVE_PEEK : IoDispatcher.Op.RECEIVE)
                    : (peek ? IoDispatcher.Op.RECEIVE_FROM_PEEK : IoDispatcher.Op.RECEIVE_FROM);
            throw failure(source, io.callName(op), n, udp);
        } finally {
            source.handle().release();
        }
    }

    /**
     * Sends src's remaining bytes as one datagram to {@code target} (null: the connected
     * peer). Returns the bytes sent, or {@link #NONE} when it would block (nothing was sent;
     * src's position is unchanged).
     */
    public static int send(IoSource source, IoDispatcher io, ByteBuffer src, byte[] target, boolean udp)
            throws IOException {
        checkReadable(src, "src");
        long handle = source.handle().acquireHandle();
        try {
            int pos = src.position();
            int len = src.limit() - pos;
            int n;
            if (src.isDirect()) {
                if (len > 0) {
                    checkAccessible(src, pos);
                }
                n = io.send(handle, src, pos, len, target);
            } else {
                // A datagram cannot be split: one larger than the scratch buffer gets its own.
                ByteBuffer direct = len <= ScratchBuffers.MAX ? ScratchBuffers.get(len) : ByteBuffer.allocateDirect(len);
                direct.put(0, src, pos, len);   // absolute: allocates nothing
                n = io.send(handle, direct, 0, len, target);
            }
            if (n >= 0) {
                src.position(pos + n);
                return n;
            }
            if (Errno.isWouldBlock(n)) {
                source.wouldBlock();
                return NONE;
            }
            throw failure(source, io.callName(target == null ? IoDispatcher.Op.SEND : IoDispatcher.Op.SEND_TO), n, udp);
        } finally {
            source.handle().release();
        }
    }

    /**
     * -1 for end of stream, unless close() ran meanwhile: then the end may be the dead
     * descriptor a pre-close put in the call's way (UnixPipeEnd), not the peer's, and the
     * caller is told of the close, as the JDK's channels do.
     */
    private static int endOfStream(IoSource source) throws AsynchronousCloseException {
        if (!source.handle().isOpen()) {
            throw new AsynchronousCloseException();
        }
        return -1;
    }

    /** The exception for a failed call: IoSource.exception, which also tells a racing close. */
    private static IOException failure(IoSource source, String call, long result, boolean udp) {
        return source.exception(call, result, udp ? IoSource.Errors.DATAGRAM : IoSource.Errors.PLAIN);
    }

    /**
     * IllegalStateException, as the JDK's channels give, when a direct buffer's memory is
     * gone (its Arena closed): the JVM checks that on every access, so one read of a byte in
     * the range costs a load. Without it, the kernel would write into (or send) freed
     * memory. A shared Arena closed by another thread during the call itself is a race
     * that JNI cannot close (the FFM binding holds the Arena for the call).
     */
    private static void checkAccessible(ByteBuffer direct, int index) {
        direct.get(index);
    }

    /** NullPointerException naming the buffer, IllegalArgumentException for a read-only one. */
    public static void checkWritable(ByteBuffer dst, String name) {
        checkReadable(dst, name);
        if (dst.isReadOnly()) {
            throw new IllegalArgumentException("read-only buffer");
        }
    }

    private static void checkElement(ByteBuffer[] buffers, int i, String name, boolean writable) {
        ByteBuffer buffer = buffers[i];
        if (buffer == null) {
            throw new NullPointerException(name + "[" + i + "]");   // message built only when thrown
        }
        if (writable && buffer.isReadOnly()) {
            throw new IllegalArgumentException("read-only buffer: " + name + "[" + i + "]");
        }
    }

    /** NullPointerException naming the buffer. */
    public static void checkReadable(ByteBuffer src, String name) {
        if (src == null) {
            throw new NullPointerException(name);
        }
    }
}
