package io.mio4j.internal.unix;

import io.mio4j.internal.NativeLibrary;

import java.nio.ByteBuffer;

/** Natives of native/common/fd.c. Results: a count or descriptor, or -errno. */
public final class FdNative {
    static {
        NativeLibrary.ensureLoaded();
    }

    private FdNative() {
    }

    public static native long constant(String name);

    public static native int close(int fd);

    /** read(2) into [pos, pos + len) of a direct buffer. */
    public static native int read(int fd, ByteBuffer buffer, int pos, int len);

    /** write(2) from [pos, pos + len) of a direct buffer. */
    public static native int write(int fd, ByteBuffer buffer, int pos, int len);

    /** readv(2) over count direct buffers' (position, length) ranges. */
    public static native long readv(int fd, ByteBuffer[] buffers, int[] positions, int[] lengths, int count);

    public static native long writev(int fd, ByteBuffer[] buffers, int[] positions, int[] lengths, int count);

    public static native int setNonBlocking(int fd, boolean on);

    /** pipe2(O_NONBLOCK | O_CLOEXEC): out[0] reads, out[1] writes. */
    public static native int pipe(int[] out);

    /** eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC) (Linux). */
    public static native int eventfd();

    /** Adds value to the counter; -EAGAIN when it would overflow. */
    public static native int eventfdWrite(int fd, long value);

    /** Resets the counter; -EAGAIN when it was already 0. */
    public static native int eventfdRead(int fd);
}
