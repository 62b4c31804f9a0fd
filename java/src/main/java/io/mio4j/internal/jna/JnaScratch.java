package io.mio4j.internal.jna;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import io.mio4j.internal.abi.ArgumentChecks;
import io.mio4j.internal.abi.LinuxAbi;

import java.lang.ref.WeakReference;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One thread's native memory for the JNA calls (the structs a call passes by pointer:
 * iovecs, addresses, msghdr, timespec, small out-values), each as an address for the call
 * and a native-order buffer for Java to fill and read, and the addresses of the direct
 * buffers this thread did I/O with lately. Made once per thread and reused, so
 * steady-state calls allocate nothing; freed with the thread. One call uses it at a time.
 */
public final class JnaScratch {
    private static final ThreadLocal<JnaScratch> CACHE = ThreadLocal.withInitial(JnaScratch::new);
    private static final int SMALL = 32;   // the largest small struct: ipv6_mreq (20), epoll_event (16)
    /** Buffers whose addresses are remembered: a loop's few buffers (in, out, events) stay found. */
    private static final int REMEMBERED = 8;

    private final Memory block;
    public final long iovecs;
    public final ByteBuffer iovecsBytes;
    public final long sockaddr;
    public final ByteBuffer sockaddrBytes;
    public final long socklen;
    public final ByteBuffer socklenBytes;
    public final long msghdr;
    public final ByteBuffer msghdrBytes;
    public final long timespec;
    public final ByteBuffer timespecBytes;
    public final long small;
    public final ByteBuffer smallBytes;

    @SuppressWarnings("unchecked")
    private final WeakReference<ByteBuffer>[] buffers = new WeakReference[REMEMBERED];
    private final long[] addresses = new long[REMEMBERED];
    private int next;

    private JnaScratch() {
        LinuxAbi abi = Jna.ABI;
        int iovecsSize = ArgumentChecks.IOV_MAX * abi.call("SIZEOF_IOVEC");
        int sockaddrSize = align(abi.call("SIZEOF_SOCKADDR_STORAGE"));
        int msghdrSize = align(abi.call("SIZEOF_MSGHDR"));
        int timespecSize = align(abi.call("SIZEOF_TIMESPEC"));
        block = new Memory(iovecsSize + sockaddrSize + 16 + msghdrSize + timespecSize + SMALL);
        long base = Pointer.nativeValue(block);
        int at = 0;
        iovecs = base + at;
        iovecsBytes = view(at, iovecsSize);
        at += iovecsSize;
        sockaddr = base + at;
        sockaddrBytes = view(at, sockaddrSize);
        at += sockaddrSize;
        socklen = base + at;
        socklenBytes = view(at, 16);
        at += 16;
        msghdr = base + at;
        msghdrBytes = view(at, msghdrSize);
        at += msghdrSize;
        timespec = base + at;
        timespecBytes = view(at, timespecSize);
        at += timespecSize;
        small = base + at;
        smallBytes = view(at, SMALL);
    }

    /** This thread's scratch memory. */
    public static JnaScratch get() {
        return CACHE.get();
    }

    private ByteBuffer view(int offset, int size) {
        return block.getByteBuffer(offset, size).order(ByteOrder.nativeOrder());
    }

    /**
     * A direct buffer's address. JNA hands it out as a new Pointer each time, so the last
     * few are remembered (weakly: a buffer's address is fixed for its life, and a buffer
     * that is collected is never asked for again).
     */
    public long addressOf(ByteBuffer buffer) {
        for (int i = 0; i < REMEMBERED; i++) {
            WeakReference<ByteBuffer> known = buffers[i];
            if (known != null && known.get() == buffer) {
                return addresses[i];
            }
        }
        long address = Jna.baseAddress(buffer);
        buffers[next] = new WeakReference<>(buffer);
        addresses[next] = address;
        next = (next + 1) % REMEMBERED;
        return address;
    }

    private static int align(int size) {
        return (size + 15) & ~15;
    }
}
