package io.mio4j;

import io.mio4j.internal.loader.NativeLoader;
import org.junit.jupiter.api.Assumptions;

import java.util.Set;

/**
 * Which poller the tests run against: the one that serves this OS, or the one
 * {@code -Dmio4j.poller} forces. scripts/test-libkqueue.sh runs the whole suite with the
 * kqueue backend on Linux over libkqueue, which differs from a kernel's kqueue in ways
 * listed here (and in native/kqueue/ABI.md); tests tolerate them only under that
 * emulation, by an assumption that names the difference (the test is then reported as
 * skipped, with that reason, after what it checked before).
 */
public final class TestPoller {
    public static final String FORCED = System.getProperty("mio4j.poller", "").trim();
    private static final Set<String> KQUEUE_OSES = Set.of("osx", "freebsd", "openbsd", "netbsd", "dragonfly");

    /** The kqueue backend over libkqueue on Linux. */
    public static final boolean LIBKQUEUE = FORCED.equals("kqueue") && NativeLoader.os().equals("linux");

    private TestPoller() {
    }

    /** The poller's name in Mio4j.backend() on this OS: epoll on Linux, unless forced. */
    public static String expectedOnLinux() {
        return FORCED.isEmpty() ? "epoll" : FORCED;
    }

    public static boolean isEpoll() {
        return FORCED.isEmpty() ? NativeLoader.os().equals("linux") : FORCED.equals("epoll");
    }

    public static boolean isKqueue() {
        return FORCED.isEmpty() ? KQUEUE_OSES.contains(NativeLoader.os()) : FORCED.equals("kqueue");
    }

    /**
     * libkqueue reads a socket's SO_ERROR itself (getsockopt, which clears it) to fill an
     * event's fflags: takeError() and the next read or receive find no error, and a
     * refused connect shows only in the EVFILT_READ event's fflags.
     */
    public static void assumeSocketErrorsSurvivePolling() {
        Assumptions.assumeFalse(LIBKQUEUE, "libkqueue reads and clears SO_ERROR when it polls");
    }

    /**
     * libkqueue cannot see close(2): it notices a closed kqueue later, from a thread of
     * its own, and releases its descriptors then.
     */
    public static boolean releasesClosedKqueuesLater() {
        return LIBKQUEUE;
    }
}
