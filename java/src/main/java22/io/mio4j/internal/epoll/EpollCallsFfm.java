package io.mio4j.internal.epoll;

import io.mio4j.internal.abi.ArgumentChecks;
import io.mio4j.internal.abi.LinuxAbi;
import io.mio4j.internal.ffm.Ffm;
import io.mio4j.internal.ffm.FfmScratch;
import io.mio4j.internal.io.NativeConstant;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.ByteBuffer;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

/**
 * EpollCalls through FFM, as native/epoll (epoll.c, eventfd.c) does them. epoll_pwait2 is
 * called through syscall(2), as the C does, since glibc wraps it only from 2.35.
 *
 * <p>epoll_wait is never linked critical, not even for a timeout of 0: linked twice (a
 * critical handle for 0, a plain one otherwise), waitMillis held two downcalls, C2 then
 * stopped inlining one of them in a long-running JVM (the whole test suite), and the
 * errno capture segment's slice was allocated on every poll. One plain handle keeps
 * polling allocation-free; a zero-timeout poll pays the thread-state transition, as on JNI.
 */
public final class EpollCallsFfm implements EpollCalls {
    private static final LinuxAbi ABI = Ffm.ABI;
    private static final int EINVAL = ABI.errno().get("EINVAL");
    private static final int EIO = ABI.errno().get("EIO");
    private static final int EBADF = ABI.errno().get("EBADF");
    private static final int EMFILE = ABI.errno().get("EMFILE");
    private static final int F_GETFD = 1;   // Linux's, every architecture (asm-generic/fcntl.h)
    private static final ArgumentChecks CHECK = ArgumentChecks.of(ABI);
    private static final int EVENT_SIZE = ABI.epoll().get("SIZEOF_EPOLL_EVENT");
    private static final int EVENTS_OFFSET = ABI.epoll().get("OFFSETOF_EVENTS");
    private static final int DATA_OFFSET = ABI.epoll().get("OFFSETOF_DATA");
    private static final int EPOLL_CLOEXEC = ABI.call("EPOLL_CLOEXEC");
    private static final int EVENTFD_FLAGS = ABI.call("EFD_NONBLOCK") | ABI.call("EFD_CLOEXEC");
    private static final long SYS_EPOLL_PWAIT2 = ABI.call("SYS_epoll_pwait2");
    private static final long TV_NSEC = ABI.call("OFFSETOF_TV_NSEC");
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private static final FunctionDescriptor COUNTER = FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG);

    private static final MethodHandle CREATE1 = Ffm.quick("epoll_create1", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle CTL = Ffm.quick("epoll_ctl",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS));
    private static final MethodHandle WAIT = Ffm.blocking("epoll_wait",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT));
    // long syscall(long number, ...): epoll_pwait2(epfd, events, maxevents, timeout, sigmask, sigsetsize),
    // every argument passed as a long, as the kernel reads them.
    private static final MethodHandle SYSCALL = Ffm.blockingVariadic("syscall", FunctionDescriptor.of(JAVA_LONG,
            JAVA_LONG, JAVA_LONG, ADDRESS, JAVA_LONG, ADDRESS, ADDRESS, JAVA_LONG), 1);
    private static final MethodHandle CLOSE = Ffm.blocking("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    // int fcntl(int, int, ...), here with no variadic argument: only on a refused eventfd call.
    private static final MethodHandle FCNTL = Ffm.blockingVariadic("fcntl",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT), 2);
    private static final MethodHandle EVENTFD = Ffm.quick("eventfd", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    // An eventfd of ours is non-blocking: its 8-byte reads and writes return at once.
    private static final MethodHandle COUNTER_READ = Ffm.quick("read", COUNTER);
    private static final MethodHandle COUNTER_WRITE = Ffm.quick("write", COUNTER);

    @Override
    public long constant(String name) {
        Integer value = name == null ? null : ABI.epoll().get(name);
        return value != null ? value : NativeConstant.UNKNOWN;
    }

    @Override
    public int create() {
        FfmScratch s = FfmScratch.get();
        int fd;
        try {
            fd = (int) CREATE1.invokeExact(s.capture, EPOLL_CLOEXEC);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
        return fd >= 0 ? fd : Ffm.negErrno(s.capture);
    }

    @Override
    public int ctl(int epfd, int op, int fd, int events, long data) {
        if (epfd < 0 || fd < 0) {
            return -EBADF;
        }
        if (!CHECK.epollCtl(op, events)) {
            return -EINVAL;
        }
        FfmScratch s = FfmScratch.get();
        s.small.set(JAVA_LONG, 0, 0L);
        s.small.set(JAVA_LONG, 8, 0L);
        s.small.set(JAVA_INT_UNALIGNED, EVENTS_OFFSET, events);
        s.small.set(JAVA_LONG_UNALIGNED, DATA_OFFSET, data);   // at 4 on x86_64: packed
        int rc;
        try {
            rc = (int) CTL.invokeExact(s.capture, epfd, op, fd, s.small);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
        return rc == 0 ? 0 : Ffm.negErrno(s.capture);
    }

    @Override
    public int waitMillis(int epfd, ByteBuffer events, int maxEvents, int timeoutMillis) {
        if (epfd < 0) {
            return -EBADF;
        }
        if (!ArgumentChecks.eventArray(events, maxEvents, EVENT_SIZE) || timeoutMillis < -1) {
            return -EINVAL;
        }
        FfmScratch s = FfmScratch.get();
        MemorySegment array = s.range(events, 0);
        int n;
        try {
            n = (int) WAIT.invokeExact(s.capture, epfd, array, maxEvents, timeoutMillis);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
        return n >= 0 ? n : Ffm.negErrno(s.capture);
    }

    @Override
    public int waitNanos(int epfd, ByteBuffer events, int maxEvents, long timeoutNanos) {
        if (epfd < 0) {
            return -EBADF;
        }
        if (!ArgumentChecks.eventArray(events, maxEvents, EVENT_SIZE)) {
            return -EINVAL;
        }
        FfmScratch s = FfmScratch.get();
        MemorySegment timeout = MemorySegment.NULL;
        if (timeoutNanos >= 0) {
            s.timespec.set(JAVA_LONG, 0, timeoutNanos / NANOS_PER_SECOND);
            s.timespec.set(JAVA_LONG, TV_NSEC, timeoutNanos % NANOS_PER_SECOND);
            timeout = s.timespec;
        }
        long n = pwait2(s, epfd, s.range(events, 0), maxEvents, timeout);
        return n >= 0 ? (int) n : Ffm.negErrno(s.capture);
    }

    private static long pwait2(FfmScratch s, int epfd, MemorySegment events, int maxEvents, MemorySegment timeout) {
        try {
            return (long) SYSCALL.invokeExact(s.capture, SYS_EPOLL_PWAIT2, (long) epfd, events, (long) maxEvents,
                    timeout, MemorySegment.NULL, 0L);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    @Override
    public int probePwait2() {
        int epfd = create();
        if (epfd < 0) {
            return epfd;
        }
        FfmScratch s = FfmScratch.get();
        s.timespec.fill((byte) 0);
        long n = pwait2(s, epfd, s.small, 1, s.timespec);
        int rc = n >= 0 ? 0 : Ffm.negErrno(s.capture);
        close(epfd);
        return rc;
    }

    @Override
    public int eventfd() {
        FfmScratch s = FfmScratch.get();
        int fd;
        try {
            fd = (int) EVENTFD.invokeExact(s.capture, 0, EVENTFD_FLAGS);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
        if (fd < 0) {
            return Ffm.negErrno(s.capture);
        }
        return marked(fd);
    }

    /**
     * native/epoll/eventfd.c's eventfd_open: an eventfd is marked (ArgumentChecks.mark)
     * until PosixCalls.close; one beyond the marks is closed again, -EMFILE (TokenTable
     * could not register such a number either).
     */
    private static int marked(int fd) {
        if (ArgumentChecks.mark(fd)) {
            return fd;
        }
        close(fd);
        return -EMFILE;
    }

    private static void close(int fd) {
        ArgumentChecks.unmark(fd);
        FfmScratch s = FfmScratch.get();
        try {
            int ignored = (int) CLOSE.invokeExact(s.capture, fd);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    /**
     * native/epoll/eventfd.c's check_eventfd: 0 for an eventfd of ours; else -EBADF for a
     * number that is not open, -EINVAL for any other descriptor (fcntl asked only then).
     */
    private static int checkEventfd(int fd) {
        if (fd < 0) {
            return -EBADF;
        }
        if (ArgumentChecks.isMarked(fd)) {
            return 0;
        }
        FfmScratch s = FfmScratch.get();
        int rc;
        try {
            rc = (int) FCNTL.invokeExact(s.capture, fd, F_GETFD);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
        return rc < 0 ? -EBADF : -EINVAL;
    }

    @Override
    public int eventfdWrite(int fd, long value) {
        int rc = checkEventfd(fd);
        if (rc < 0) {
            return rc;
        }
        if (!ArgumentChecks.eventfdValue(value)) {
            return -EINVAL;
        }
        FfmScratch s = FfmScratch.get();
        s.small.set(JAVA_LONG, 0, value);
        long n;
        try {
            n = (long) COUNTER_WRITE.invokeExact(s.capture, fd, s.small, 8L);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
        return n == 8 ? 0 : n < 0 ? Ffm.negErrno(s.capture) : -EIO;
    }

    @Override
    public int eventfdRead(int fd) {
        int rc = checkEventfd(fd);
        if (rc < 0) {
            return rc;
        }
        FfmScratch s = FfmScratch.get();
        long n;
        try {
            n = (long) COUNTER_READ.invokeExact(s.capture, fd, s.small, 8L);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
        return n == 8 ? 0 : n < 0 ? Ffm.negErrno(s.capture) : -EIO;
    }
}
