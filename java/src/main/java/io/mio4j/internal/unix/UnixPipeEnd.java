package io.mio4j.internal.unix;

import io.mio4j.internal.BufferIo;
import io.mio4j.internal.PipeEnd;
import io.mio4j.internal.io.Errno;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * One end of a pipe on every Unix: read(2)/write(2) on the one I/O path. Switched to
 * blocking mode, a read or write may wait in the OS; close() from another thread then
 * pre-closes the descriptor and signals the waiting thread out (PosixCalls.preClose), so
 * it returns with AsynchronousCloseException and the descriptor is released then.
 */
final class UnixPipeEnd extends PipeEnd {
    private volatile boolean blocking;
    private volatile int blockedSlot = -1;   // the thread in a blocking call, or -1

    private UnixPipeEnd(int fd) {
        super(fd, Posix.CLOSE);
    }

    /** A new pipe, both ends non-blocking and close-on-exec: [receiver, sender]. */
    static PipeEnd[] open() throws IOException {
        int[] fds = new int[2];
        Errno.check("pipe", Posix.CALLS.pipe(fds));
        return new PipeEnd[] {new UnixPipeEnd(fds[0]), new UnixPipeEnd(fds[1])};
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        if (!blocking) {
            return BufferIo.read(this, FdDispatcher.INSTANCE, dst, false);
        }
        int slot = enter();
        try {
            return BufferIo.read(this, FdDispatcher.INSTANCE, dst, false);
        } finally {
            exit(slot);
        }
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        if (!blocking) {
            return BufferIo.write(this, FdDispatcher.INSTANCE, src);
        }
        int slot = enter();
        try {
            return BufferIo.write(this, FdDispatcher.INSTANCE, src);
        } finally {
            exit(slot);
        }
    }

    @Override
    public void setNonBlocking(boolean on) throws IOException {
        call("ioctl(FIONBIO)", h -> Posix.CALLS.setNonBlocking((int) h, on));
        blocking = !on;
    }

    @Override
    protected boolean needsPreClose() {
        return blocking;
    }

    /*
     * The thread publishes its slot before its call, and close() reads it after its dup2:
     * either close() sees the slot and signals the thread, or the thread's call starts
     * after the dup2 and finds the dead descriptor at once. A slot that another thread
     * took meanwhile gets a spurious signal, which that thread's call survives (EINTR on
     * an open descriptor is called again).
     */
    private int enter() {
        int slot = Posix.CALLS.threadEnter();   // -EAGAIN when 1024 threads block: no signal
        blockedSlot = slot;
        return slot;
    }

    private void exit(int slot) {
        blockedSlot = -1;
        if (slot >= 0) {
            Posix.CALLS.threadExit(slot);
        }
    }

    /** From close() on another thread while a call holds the descriptor. */
    @Override
    protected void preClose(long fd) {
        Posix.CALLS.preClose((int) fd);
        int slot = blockedSlot;
        if (slot >= 0) {
            Posix.CALLS.threadSignal(slot);
        }
    }
}
