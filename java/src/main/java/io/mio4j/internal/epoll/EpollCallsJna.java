package io.mio4j.internal.epoll;

import io.mio4j.internal.abi.ArgumentChecks;
import io.mio4j.internal.abi.LinuxAbi;
import io.mio4j.internal.io.NativeConstant;
import io.mio4j.internal.jna.Jna;
import io.mio4j.internal.jna.JnaScratch;

import java.nio.ByteBuffer;

/**
 * EpollCalls through JNA, as native/epoll (epoll.c, eventfd.c) does them, except that
 * epoll_pwait2 is glibc's wrapper (2.35+) rather than syscall(2): JNA's direct mapping
 * cannot call a variadic function, and where the wrapper is missing the poller falls
 * back to millisecond timeouts, as on a kernel without the call.
 */
public final class EpollCallsJna implements EpollCalls {
    private static final LinuxAbi ABI = Jna.ABI;
    private static final int EINVAL = ABI.errno().get("EINVAL");
    private static final int EIO = ABI.errno().get("EIO");
    private static final int EBADF = ABI.errno().get("EBADF");
    private static final int EMFILE = ABI.errno().get("EMFILE");
    private static final int F_GETFD = 1;   // Linux's, every architecture (asm-generic/fcntl.h)
    private static final ArgumentChecks CHECK = ArgumentChecks.of(ABI);
    private static final int ENOSYS = ABI.errno().get("ENOSYS");
    private static final int EVENT_SIZE = ABI.epoll().get("SIZEOF_EPOLL_EVENT");
    private static final int EVENTS_OFFSET = ABI.epoll().get("OFFSETOF_EVENTS");
    private static final int DATA_OFFSET = ABI.epoll().get("OFFSETOF_DATA");
    private static final int EPOLL_CLOEXEC = ABI.call("EPOLL_CLOEXEC");
    private static final int EVENTFD_FLAGS = ABI.call("EFD_NONBLOCK") | ABI.call("EFD_CLOEXEC");
    private static final int TV_NSEC = ABI.call("OFFSETOF_TV_NSEC");
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    /** The C library's functions, by JNA's direct mapping; pointers are addresses. */
    private static final class Libc {
        static {
            Jna.register(Libc.class);
        }

        static native int epoll_create1(int flags);

        static native int epoll_ctl(int epfd, int op, int fd, long event);

        static native int epoll_wait(int epfd, long events, int maxevents, int timeout);

        static native int eventfd(int initval, int flags);

        static native long read(int fd, long buf, long count);

        static native long write(int fd, long buf, long count);

        static native int close(int fd);
    }

    /** glibc's epoll_pwait2, bound apart: where it is missing, Libc still binds. */
    private static final class Pwait2 {
        static final boolean BOUND = bind();

        static native int epoll_pwait2(int epfd, long events, int maxevents, long timeout, long sigmask);

        private static boolean bind() {
            if (!Jna.has("epoll_pwait2")) {
                return false;
            }
            Jna.register(Pwait2.class);
            return true;
        }
    }

    @Override
    public long constant(String name) {
        Integer value = name == null ? null : ABI.epoll().get(name);
        return value != null ? value : NativeConstant.UNKNOWN;
    }

    @Override
    public int create() {
        int fd = Libc.epoll_create1(EPOLL_CLOEXEC);
        return fd >= 0 ? fd : Jna.negErrno();
    }

    @Override
    public int ctl(int epfd, int op, int fd, int events, long data) {
        if (epfd < 0 || fd < 0) {
            return -EBADF;
        }
        if (!CHECK.epollCtl(op, events)) {
            return -EINVAL;
        }
        JnaScratch s = JnaScratch.get();
        s.smallBytes.putLong(0, 0L);
        s.smallBytes.putLong(8, 0L);
        s.smallBytes.putInt(EVENTS_OFFSET, events);
        s.smallBytes.putLong(DATA_OFFSET, data);   // at 4 on x86_64: packed
        return Libc.epoll_ctl(epfd, op, fd, s.small) == 0 ? 0 : Jna.negErrno();
    }

    @Override
    public int waitMillis(int epfd, ByteBuffer events, int maxEvents, int timeoutMillis) {
        if (epfd < 0) {
            return -EBADF;
        }
        if (!ArgumentChecks.eventArray(events, maxEvents, EVENT_SIZE) || timeoutMillis < -1) {
            return -EINVAL;
        }
        int n = Libc.epoll_wait(epfd, JnaScratch.get().addressOf(events), maxEvents, timeoutMillis);
        return n >= 0 ? n : Jna.negErrno();
    }

    @Override
    public int waitNanos(int epfd, ByteBuffer events, int maxEvents, long timeoutNanos) {
        if (epfd < 0) {
            return -EBADF;
        }
        if (!ArgumentChecks.eventArray(events, maxEvents, EVENT_SIZE)) {
            return -EINVAL;
        }
        if (!Pwait2.BOUND) {
            return -ENOSYS;
        }
        JnaScratch s = JnaScratch.get();
        long timeout = 0L;
        if (timeoutNanos >= 0) {
            s.timespecBytes.putLong(0, timeoutNanos / NANOS_PER_SECOND);
            s.timespecBytes.putLong(TV_NSEC, timeoutNanos % NANOS_PER_SECOND);
            timeout = s.timespec;
        }
        int n = Pwait2.epoll_pwait2(epfd, s.addressOf(events), maxEvents, timeout, 0L);
        return n >= 0 ? n : Jna.negErrno();
    }

    @Override
    public int probePwait2() {
        if (!Pwait2.BOUND) {
            return -ENOSYS;
        }
        int epfd = create();
        if (epfd < 0) {
            return epfd;
        }
        JnaScratch s = JnaScratch.get();
        s.timespecBytes.putLong(0, 0L);
        s.timespecBytes.putLong(TV_NSEC, 0L);
        int n = Pwait2.epoll_pwait2(epfd, s.small, 1, s.timespec, 0L);
        int rc = n >= 0 ? 0 : Jna.negErrno();
        ArgumentChecks.unmark(epfd);
        Libc.close(epfd);
        return rc;
    }

    @Override
    public int eventfd() {
        int fd = Libc.eventfd(0, EVENTFD_FLAGS);
        if (fd < 0) {
            return Jna.negErrno();
        }
        // native/epoll/eventfd.c's eventfd_open: marked (ArgumentChecks.mark) until
        // PosixCalls.close; one beyond the marks is closed again (TokenTable could not
        // register such a number either).
        if (ArgumentChecks.mark(fd)) {
            return fd;
        }
        Libc.close(fd);
        return -EMFILE;
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
        return Jna.variadic().fcntl(fd, F_GETFD) < 0 ? -EBADF : -EINVAL;
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
        JnaScratch s = JnaScratch.get();
        s.smallBytes.putLong(0, value);
        long n = Libc.write(fd, s.small, 8);
        return n == 8 ? 0 : n < 0 ? Jna.negErrno() : -EIO;
    }

    @Override
    public int eventfdRead(int fd) {
        int rc = checkEventfd(fd);
        if (rc < 0) {
            return rc;
        }
        JnaScratch s = JnaScratch.get();
        long n = Libc.read(fd, s.small, 8);
        return n == 8 ? 0 : n < 0 ? Jna.negErrno() : -EIO;
    }
}
