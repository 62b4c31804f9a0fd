package io.mio4j.internal.epoll;

import io.mio4j.JniOnly;
import io.mio4j.LinuxOnly;
import io.mio4j.internal.io.Errno;
import io.mio4j.internal.unix.PosixCalls;
import io.mio4j.internal.unix.PosixCallsJni;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The epoll and eventfd natives called directly (through JNI) with arguments our Java
 * never sends: each is refused with a clean -EINVAL or -EBADF, and no descriptor is
 * touched. (native/test's harness calls the same natives with many more; BadInputTest
 * holds the FFM and JNA bindings to the same answers, so this class is JNI-only.)
 */
@LinuxOnly
@JniOnly
class EpollNativeArgumentsTest {
    private static final EpollCalls E = new EpollCallsJni();
    private static final PosixCalls P = new PosixCallsJni();
    private static final int EINVAL = -Errno.EINVAL;
    private static final int EBADF = -Errno.EBADF;
    private static final int EAGAIN = -Errno.EAGAIN;
    private static final int EPOLLIN = (int) E.constant("EPOLLIN");
    private static final int EPOLLET = (int) E.constant("EPOLLET");
    private static final int CTL_ADD = (int) E.constant("EPOLL_CTL_ADD");
    // Linux's flags that Java never asks for (the constants table does not offer them).
    private static final int EPOLLEXCLUSIVE = 1 << 28;
    private static final int EPOLLWAKEUP = 1 << 29;

    private final List<Integer> opened = new ArrayList<>();

    @AfterEach
    void closeEverything() {
        for (int fd : opened) {
            P.close(fd);
        }
    }

    private int track(int fd) {
        assertTrue(fd >= 0, "descriptor: " + fd);
        opened.add(fd);
        return fd;
    }

    private int[] pipe() {
        int[] fds = new int[2];
        assertEquals(0, P.pipe(fds));
        track(fds[0]);
        track(fds[1]);
        return fds;
    }

    @Test
    void eventfdCallsRefuseADescriptorThatIsNoEventfd() {
        int[] pipe = pipe();
        assertEquals(EINVAL, E.eventfdWrite(pipe[1], 1));
        ByteBuffer in = ByteBuffer.allocateDirect(16);
        assertEquals(EAGAIN, P.read(pipe[0], in, 0, 16), "nothing was written to the pipe");
        ByteBuffer eight = ByteBuffer.allocateDirect(8);
        assertEquals(8, P.write(pipe[1], eight, 0, 8));
        assertEquals(EINVAL, E.eventfdRead(pipe[0]));
        assertEquals(8, P.read(pipe[0], in, 0, 16), "nothing was read from the pipe");
        int epoll = track(E.create());
        assertEquals(EINVAL, E.eventfdWrite(epoll, 1), "another anonymous-inode descriptor");
        assertEquals(EBADF, E.eventfdWrite(-1, 1));
        assertEquals(EBADF, E.eventfdRead(-1));
    }

    @Test
    void aClosedEventfdsNumberIsNoEventfdWhenTheKernelHandsItOut() {
        int eventfd = E.eventfd();
        assertTrue(eventfd >= 0);
        assertEquals(0, E.eventfdWrite(eventfd, 1));
        assertEquals(0, P.close(eventfd));
        assertEquals(EBADF, E.eventfdWrite(eventfd, 1));
        int[] pipe = pipe();   // the lowest free number, the eventfd's, is the read end's
        assertEquals(eventfd, pipe[0], "the kernel reused the number");
        assertEquals(8, P.write(pipe[1], ByteBuffer.allocateDirect(8), 0, 8));
        assertEquals(EINVAL, E.eventfdRead(pipe[0]));
        assertEquals(8, P.read(pipe[0], ByteBuffer.allocateDirect(16), 0, 16), "the pipe's bytes stay");
    }

    @Test
    void eventfdWriteTakesOneToTheLargestCounterStep() {
        int eventfd = track(E.eventfd());
        assertEquals(EINVAL, E.eventfdWrite(eventfd, 0));
        assertEquals(EINVAL, E.eventfdWrite(eventfd, -1));   // UINT64_MAX
        assertEquals(EAGAIN, E.eventfdRead(eventfd), "the counter is still 0");
        assertEquals(0, E.eventfdWrite(eventfd, -2));          // UINT64_MAX - 1
        assertEquals(0, E.eventfdRead(eventfd));
    }

    @Test
    void ctlTakesOnlyTheFlagsJavaAsksFor() {
        int epoll = track(E.create());
        int[] pipe = pipe();
        // EPOLLONESHOT is taken: the ports poller's test stand-in (EpollOneShotPort) builds on it.
        for (int extra : new int[] {EPOLLEXCLUSIVE, EPOLLWAKEUP, 1 << 20}) {
            assertEquals(EINVAL, E.ctl(epoll, CTL_ADD, pipe[0], EPOLLIN | EPOLLET | extra, 1),
                    "flag " + Integer.toHexString(extra));
        }
        assertEquals(EBADF, E.ctl(epoll, CTL_ADD, -1, EPOLLIN, 1));
        assertEquals(EBADF, E.ctl(-1, CTL_ADD, pipe[0], EPOLLIN, 1));
        assertEquals(0, E.ctl(epoll, CTL_ADD, pipe[0], EPOLLIN | EPOLLET, 1));
    }
}
