package io.mio4j;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Opening and closing Polls (and their Wakers) gives every descriptor back. */
@LinuxOnly
class PollDescriptorLeakTest {
    private static final Path FDS = Path.of("/proc/self/fd");
    private static final int CYCLES = 1_000;

    private interface Cycle {
        void run() throws IOException;
    }

    private static List<String> openDescriptors() throws IOException {
        try (Stream<Path> entries = Files.list(FDS)) {
            return entries.map(p -> {
                try {
                    return p.getFileName() + "->" + Files.readSymbolicLink(p);
                } catch (IOException e) {
                    return p.getFileName() + "->?";   // the listing's own descriptor, now closed
                }
            }).sorted().collect(Collectors.toList());
        }
    }

    private static void assertNoLeak(Cycle cycle) throws IOException {
        for (int i = 0; i < 10; i++) {
            cycle.run();   // warm-up: classes and jars the cycle needs are opened here
        }
        List<String> before = openDescriptors();
        for (int i = 0; i < CYCLES; i++) {
            cycle.run();
        }
        List<String> after = openDescriptors();
        if (TestPoller.releasesClosedKqueuesLater()) {
            // libkqueue's own thread frees a closed kqueue's descriptors a moment later.
            long deadline = System.nanoTime() + Expect.BOUND.toNanos();
            while (after.size() > before.size() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
                after = openDescriptors();
            }
        }
        // Other tests' garbage may be cleaned meanwhile, so fewer is fine; more is a leak.
        List<String> last = after;
        assertTrue(last.size() <= before.size(),
                () -> "descriptors before: " + before.size() + ", after " + CYCLES + " cycles: " + last.size()
                        + "\nafter: " + last);
    }

    @Test
    void pollsAndWakersOpenedAndClosedLeaveNoDescriptor() throws IOException {
        Events events = Events.withCapacity(4);
        assertNoLeak(() -> {
            try (Poll poll = Poll.open(); Waker waker = Waker.open(poll.registry(), Token.of(1))) {
                waker.wake();
                poll.poll(events, Duration.ZERO);
            }
        });
    }

    @Test
    void aWakerClosedAfterItsPollLeavesNoDescriptor() throws IOException {
        assertNoLeak(() -> {
            Poll poll = Poll.open();
            Waker waker = Waker.open(poll.registry(), Token.of(1));
            poll.close();
            waker.wake();
            waker.close();
        });
    }

    @Test
    void aPollClosedWhileAnotherThreadPollsLeavesNoDescriptor() throws IOException {
        assertNoLeak(() -> {
            Poll poll = Poll.open();
            Thread poller = new Thread(() -> {
                try {
                    poll.poll(Events.withCapacity(2), null);
                } catch (IOException | RuntimeException ignored) {
                    // closed before it started polling: also fine here
                }
            });
            poller.start();
            poll.close();
            try {
                Polling.join(poller);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });
    }
}
