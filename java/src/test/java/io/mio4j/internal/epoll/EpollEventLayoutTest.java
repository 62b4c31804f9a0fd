package io.mio4j.internal.epoll;

import io.mio4j.EpollOnly;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * The selector reads struct epoll_event with the size and offsets the C library reports.
 * The kernel packs the struct on x86 only; everywhere else (aarch64 among them) the
 * 64-bit data is aligned to 8. Run on each architecture, this catches a library built
 * for one layout and read with another.
 */
@EpollOnly
class EpollEventLayoutTest {
    @Test
    void theEventLayoutIsTheOneOfThisArchitecture() {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        boolean x86 = arch.equals("amd64") || arch.equals("x86_64") || arch.equals("x86")
                || arch.matches("i[3-6]86");
        int[] expected = x86 ? new int[] {12, 0, 4} : new int[] {16, 0, 8};
        assertArrayEquals(expected, EpollPoller.eventLayout(), "size, events offset, data offset on " + arch);
    }
}
