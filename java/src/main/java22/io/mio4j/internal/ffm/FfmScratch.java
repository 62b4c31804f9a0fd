package io.mio4j.internal.ffm;

import io.mio4j.internal.abi.ArgumentChecks;
import io.mio4j.internal.abi.LinuxAbi;

import java.lang.foreign.Arena;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.ref.WeakReference;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One thread's native memory for the FFM calls: the errno capture and the structs a call
 * passes by pointer (iovecs, addresses, msghdr, timespec, small out-values). Made once per
 * thread and reused, so steady-state calls allocate nothing; freed by the garbage
 * collector with the thread (Arena.ofAuto). One call uses it at a time: no call of ours
 * runs inside another on the same thread.
 */
public final class FfmScratch {
    private static final ThreadLocal<FfmScratch> CACHE = ThreadLocal.withInitial(FfmScratch::new);
    private static final int SMALL = 32;   // the largest small struct: ipv6_mreq (20), epoll_event (16)

    /** Where downcalls write errno. */
    public final MemorySegment capture;
    /** IOV_MAX struct iovec. */
    public final MemorySegment iovecs;
    /** A struct sockaddr_storage, and a native-order view of it for SockaddrCodec. */
    public final MemorySegment sockaddr;
    public final ByteBuffer sockaddrBytes;
    /** A socklen_t. */
    public final MemorySegment socklen;
    public final MemorySegment msghdr;
    public final MemorySegment timespec;
    /** Room for a small struct or out-values: int[2], linger, ip_mreq, ipv6_mreq, epoll_event, a uint64_t. */
    public final MemorySegment small;

    private FfmScratch() {
        LinuxAbi abi = Ffm.ABI;
        long captureSize = align(Linker.Option.captureStateLayout().byteSize());
        long iovecsSize = (long) ArgumentChecks.IOV_MAX * abi.call("SIZEOF_IOVEC");
        long sockaddrSize = align(abi.call("SIZEOF_SOCKADDR_STORAGE"));
        long msghdrSize = align(abi.call("SIZEOF_MSGHDR"));
        long timespecSize = align(abi.call("SIZEOF_TIMESPEC"));
        MemorySegment block = Arena.ofAuto().allocate(
                captureSize + iovecsSize + sockaddrSize + 16 + msghdrSize + timespecSize + SMALL, 16);
        long at = 0;
        capture = block.asSlice(at, captureSize);
        at += captureSize;
        iovecs = block.asSlice(at, iovecsSize);
        at += iovecsSize;
        sockaddr = block.asSlice(at, sockaddrSize);
        sockaddrBytes = sockaddr.asByteBuffer().order(ByteOrder.nativeOrder());
        at += sockaddrSize;
        socklen = block.asSlice(at, 16);
        at += 16;
        msghdr = block.asSlice(at, msghdrSize);
        at += msghdrSize;
        timespec = block.asSlice(at, timespecSize);
        at += timespecSize;
        small = block.asSlice(at, SMALL);
    }

    /**
     * Buffer ranges whose segments are remembered: a loop's few (buffer, position) pairs
     * (in and out at 0, the event array, a datagram appended after another) stay found.
     */
    private static final int REMEMBERED = 16;
    @SuppressWarnings("unchecked")
    private final WeakReference<ByteBuffer>[] buffers = new WeakReference[REMEMBERED];
    private final int[] positions = new int[REMEMBERED];
    @SuppressWarnings("unchecked")
    private final WeakReference<MemorySegment>[] segments = new WeakReference[REMEMBERED];
    private int next;

    /** This thread's scratch memory. */
    public static FfmScratch get() {
        return CACHE.get();
    }

    /**
     * [pos, ...) of a direct buffer whose range the caller has checked, as a segment of the
     * buffer's own scope: a downcall given it holds an Arena's memory for the call and
     * refuses one already closed (IllegalStateException).
     *
     * <p>Segments are remembered per (buffer, position), so steady-state I/O allocates
     * nothing whether or not the JIT's escape analysis removes a new segment (it often does
     * not once the JDK's own segment code is compiled apart). A position new to this thread
     * costs a slice, about 40 bytes.
     */
    public MemorySegment range(ByteBuffer buffer, int pos) {
        MemorySegment known = remembered(buffer, pos);
        if (known != null) {
            return known;
        }
        MemorySegment whole = pos == 0 ? null : remembered(buffer, 0);
        if (whole == null) {
            // ofBuffer covers position..limit only: a duplicate covers the whole capacity.
            whole = remember(buffer, 0, MemorySegment.ofBuffer(buffer.duplicate().clear()));
        }
        return pos == 0 ? whole : remember(buffer, pos, whole.asSlice(pos));
    }

    /**
     * The address of [pos, ...) of a direct buffer, for an iovec: a downcall does not hold
     * what an iovec points to, so a buffer of an Arena already closed is refused here
     * (IllegalStateException); one closed during the call is the same race as on JNI.
     */
    public long address(ByteBuffer buffer, int pos) {
        MemorySegment whole = range(buffer, 0);
        if (!whole.scope().isAlive()) {
            throw new IllegalStateException("Already closed");
        }
        return whole.address() + pos;
    }

    /**
     * Both sides are held weakly: for a buffer of ByteBuffer.allocateDirect the segment
     * keeps the buffer's memory reachable, and must not keep it from being freed.
     */
    private MemorySegment remembered(ByteBuffer buffer, int pos) {
        for (int i = 0; i < REMEMBERED; i++) {
            WeakReference<ByteBuffer> known = buffers[i];
            if (known != null && positions[i] == pos && known.get() == buffer) {
                return segments[i].get();
            }
        }
        return null;
    }

    private MemorySegment remember(ByteBuffer buffer, int pos, MemorySegment segment) {
        for (int i = 0; i < REMEMBERED; i++) {
            WeakReference<ByteBuffer> known = buffers[i];
            if (known != null && positions[i] == pos && known.get() == buffer) {
                segments[i] = new WeakReference<>(segment);   // its segment was collected
                return segment;
            }
        }
        buffers[next] = new WeakReference<>(buffer);
        positions[next] = pos;
        segments[next] = new WeakReference<>(segment);
        next = (next + 1) % REMEMBERED;
        return segment;
    }

    private static long align(long size) {
        return (size + 15) & ~15L;
    }
}
