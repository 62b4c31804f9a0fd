package io.mio4j.internal;

import io.mio4j.Events;
import io.mio4j.Poll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A blocking poll on a virtual thread is told once (API.md); platform threads and non-blocking polls are not. */
class VirtualThreadsTest {
    @Test
    void aBlockingPollOnAVirtualThreadIsWarnedAboutOnce() throws Exception {
        assumeTrue(Runtime.version().feature() >= 21, "virtual threads are final from JDK 21 on");
        try (Poll poll = Poll.open()) {
            Events events = Events.withCapacity(4);
            poll.poll(events, Duration.ofMillis(1));   // a platform thread: nothing to say
            poll.poll(events, Duration.ZERO);
            assertFalse(VirtualThreads.warned(), "warned for a platform thread");
            CompletableFuture<Throwable> outcome = new CompletableFuture<>();
            Runnable task = () -> {
                try {
                    poll.poll(events, Duration.ZERO);   // does not block: nothing to say
                    if (VirtualThreads.warned()) {
                        throw new AssertionError("warned for a poll that does not block");
                    }
                    poll.poll(events, Duration.ofMillis(1));
                    outcome.complete(null);
                } catch (Throwable t) {
                    outcome.complete(t);
                }
            };
            Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
            Thread thread = (Thread) Class.forName("java.lang.Thread$Builder").getMethod("start", Runnable.class).invoke(builder, task);
            assertNull(outcome.get(10, TimeUnit.SECONDS));
            thread.join();
            assertTrue(VirtualThreads.warned());
            assertEquals(1, VirtualThreads.warnings());
        }
    }
}
