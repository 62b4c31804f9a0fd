package io.mio4j.unix;

import io.mio4j.Interest;
import io.mio4j.InterruptsBlockedCalls;
import io.mio4j.Poll;
import io.mio4j.Token;
import io.mio4j.UnixOnly;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedChannelException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** close() of a pipe end from another thread, and what a closed end answers (API.md). */
@UnixOnly
class PipeCloseTest {
    private static final long BOUND_NANOS = TimeUnit.SECONDS.toNanos(10);

    /** Runs call on a new thread; its outcome: null for a normal return, else what it threw. */
    private static CompletableFuture<Throwable> onThread(String name, ThrowingCall call) {
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                call.run();
                outcome.complete(null);
            } catch (Throwable t) {
                outcome.complete(t);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        THREADS.set(thread);
        return outcome;
    }

    private static final ThreadLocal<Thread> THREADS = new ThreadLocal<>();

    private interface ThrowingCall {
        void run() throws Exception;
    }

    /**
     * Waits, with a bound, until the thread's top frame is the native {@code call} (read or
     * write: it is in, or entering, the OS with the descriptor held). Another native on top
     * (the thread's slot being taken first) does not count: a close then comes before the call.
     */
    private static void awaitInNative(Thread thread, String call) {
        long deadline = System.nanoTime() + BOUND_NANOS;
        while (System.nanoTime() < deadline) {
            StackTraceElement[] stack = thread.getStackTrace();
            if (stack.length > 0 && stack[0].isNativeMethod() && stack[0].getMethodName().equals(call)) {
                return;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError(thread.getName() + " never reached " + call + " in the OS");
    }

    private static String target(int fd) throws IOException {
        try {
            return Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
        } catch (NoSuchFileException e) {
            return "closed";
        }
    }

    @Test
    @InterruptsBlockedCalls
    void closingABlockingReceiverReleasesAThreadBlockedInRead() throws Exception {
        Pipe pipe = Pipe.open();
        try {
            pipe.receiver().setNonBlocking(false);
            int fd = pipe.receiver().fd();
            String pipeFile = target(fd);
            CompletableFuture<Throwable> outcome = onThread("blocked reader", () -> pipe.receiver().read(ByteBuffer.allocate(64)));
            awaitInNative(THREADS.get(), "read");
            pipe.receiver().close();
            Throwable thrown = outcome.get(10, TimeUnit.SECONDS);
            assertInstanceOf(AsynchronousCloseException.class, thrown);
            THREADS.get().join(TimeUnit.SECONDS.toMillis(10));
            assertNotEquals(pipeFile, target(fd), "the pipe's descriptor is released once the read returned");
        } finally {
            pipe.sender().close();
        }
    }

    @Test
    @InterruptsBlockedCalls
    void closingABlockingSenderReleasesAThreadBlockedInWrite() throws Exception {
        Pipe pipe = Pipe.open();
        try {
            ByteBuffer chunk = ByteBuffer.allocateDirect(64 * 1024);
            while (pipe.sender().write(chunk.clear()) > 0) {
                // fill the pipe while non-blocking
            }
            pipe.sender().setNonBlocking(false);
            CompletableFuture<Throwable> outcome = onThread("blocked writer", () -> pipe.sender().write(chunk.clear()));
            awaitInNative(THREADS.get(), "write");
            pipe.sender().close();
            assertInstanceOf(AsynchronousCloseException.class, outcome.get(10, TimeUnit.SECONDS));
        } finally {
            pipe.receiver().close();
        }
    }

    @Test
    void aWriteRacingTheCloseOfTheWholePipeNeverReportsTheBrokenPipe() throws Exception {
        for (int round = 0; round < 200; round++) {
            Pipe pipe = Pipe.open();
            ByteBuffer data = ByteBuffer.allocateDirect(512);
            CompletableFuture<Throwable> outcome = onThread("writer", () -> {
                ByteBuffer drain = ByteBuffer.allocateDirect(4096);
                for (;;) {
                    pipe.sender().write(data.clear());
                    pipe.receiver().read(drain.clear());
                }
            });
            pipe.sender().close();
            pipe.receiver().close();
            Throwable thrown = outcome.get(10, TimeUnit.SECONDS);
            // ClosedChannelException, or its subclass AsynchronousCloseException; never EPIPE.
            assertInstanceOf(ClosedChannelException.class, thrown, "round " + round + ": " + thrown);
        }
    }

    @Test
    void aClosedEndAnswersClosedChannelExceptionEvenForEmptyBuffers() throws IOException {
        Pipe pipe = Pipe.open();
        pipe.sender().close();
        pipe.receiver().close();
        assertThrows(ClosedChannelException.class, () -> pipe.receiver().read(ByteBuffer.allocate(0)));
        assertThrows(ClosedChannelException.class, () -> pipe.sender().write(ByteBuffer.allocate(0)));
        assertThrows(ClosedChannelException.class, () -> pipe.sender().setNonBlocking(true));
        assertEquals(-1, pipe.sender().fd());
    }

    @Test
    void reregisteringOrDeregisteringAClosedEndIsClosedChannelException() throws IOException {
        try (Poll poll = Poll.open()) {
            Pipe pipe = Pipe.open();
            poll.registry().register(pipe.receiver(), Token.of(1), Interest.READABLE);
            pipe.receiver().close();
            pipe.sender().close();
            assertThrows(ClosedChannelException.class,
                    () -> poll.registry().reregister(pipe.receiver(), Token.of(1), Interest.READABLE));
            assertThrows(ClosedChannelException.class, () -> poll.registry().deregister(pipe.receiver()));
            assertThrows(ClosedChannelException.class,
                    () -> poll.registry().register(pipe.sender(), Token.of(2), Interest.WRITABLE));
            assertTrue(!pipe.receiver().isOpen());
        }
    }
}
