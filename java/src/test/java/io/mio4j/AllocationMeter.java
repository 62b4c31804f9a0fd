package io.mio4j;

import com.sun.management.ThreadMXBean;

import java.io.IOException;
import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Measures what one thread allocates in a loop once warm, for the zero-allocation tests.
 *
 * Warm means the JIT has settled: compiling and deoptimising can allocate a few hundred
 * bytes on this thread once, which is not the loop's doing. So the warm-up runs rounds
 * until three in a row allocate nothing, then up to three windows are measured and the
 * quietest counts. A loop that allocates on any regular schedule allocates in every
 * window; a one-off of the JVM's (seen on JDK 25 in a full run) does not.
 */
public final class AllocationMeter {
    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final int WARM_UP_ROUND = 10_000;
    private static final int MAX_WARM_UP_ROUNDS = 30;
    private static final int WINDOWS = 3;

    private AllocationMeter() {
    }

    /** One iteration of the measured work; returns something derived from it so nothing is optimised away. */
    public interface Loop {
        long run() throws IOException;
    }

    /** The bytes this thread allocated over {@code iterations} runs of {@code loop}, once warm. */
    public static long bytesAllocated(Loop loop, int iterations) throws IOException {
        assertTrue(THREADS.isThreadAllocatedMemorySupported() && THREADS.isThreadAllocatedMemoryEnabled(),
                "this JVM cannot measure allocation");
        long id = Thread.currentThread().getId();
        THREADS.getThreadAllocatedBytes(id);   // the first call may set itself up
        long sink = 0;
        for (int round = 0, quiet = 0; round < MAX_WARM_UP_ROUNDS && quiet < 3; round++) {
            long before = THREADS.getThreadAllocatedBytes(id);
            for (int i = 0; i < WARM_UP_ROUND; i++) {
                sink += loop.run();
            }
            quiet = THREADS.getThreadAllocatedBytes(id) == before ? quiet + 1 : 0;
        }
        long fewest = Long.MAX_VALUE;
        for (int window = 0; window < WINDOWS && fewest > 0; window++) {
            long before = THREADS.getThreadAllocatedBytes(id);
            for (int i = 0; i < iterations; i++) {
                sink += loop.run();
            }
            fewest = Math.min(fewest, THREADS.getThreadAllocatedBytes(id) - before);
        }
        assertTrue(sink != Long.MIN_VALUE);
        return fewest;
    }
}
