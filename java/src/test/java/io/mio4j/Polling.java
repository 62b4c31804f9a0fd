package io.mio4j;

import io.mio4j.net.TcpListener;
import io.mio4j.net.TcpStream;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * What the core tests share beyond {@link Expect}: waiting until another thread is
 * blocked inside {@link Poll#poll}, bounded joins, and a connected loopback TCP pair.
 * Every wait is bounded by {@link Expect#BOUND}.
 */
final class Polling {
    private Polling() {
    }

    /**
     * Waits until {@code thread} is inside a poller's select and in a native call, that
     * is, blocked in the OS poller (or about to be: the test's assertions hold either way,
     * since select holds the poller's descriptor before it waits). A JNI or JNA call shows
     * as a native frame on top; an FFM downcall's frames are hidden, so there the FFM calls
     * class is on top. A native call elsewhere in Poll.poll (Thread.currentThread() as the
     * interrupt hook starts) does not count: a close() then would come before select.
     */
    static void awaitBlockedInPoll(Thread thread) {
        long deadline = System.nanoTime() + Expect.BOUND.toNanos();
        while (System.nanoTime() < deadline) {
            StackTraceElement[] stack = thread.getStackTrace();
            if (stack.length > 0 && (stack[0].isNativeMethod() || stack[0].getClassName().endsWith("CallsFfm"))
                    && inPoll(stack)) {
                return;
            }
            Thread.onSpinWait();
        }
        fail(thread + " never blocked in Poll.poll");
    }

    private static boolean inPoll(StackTraceElement[] stack) {
        boolean select = false;
        for (StackTraceElement frame : stack) {
            if (frame.getClassName().startsWith("io.mio4j.internal.") && frame.getMethodName().equals("select")) {
                select = true;
            }
            if (select && frame.getClassName().equals(Poll.class.getName()) && frame.getMethodName().equals("poll")) {
                return true;
            }
        }
        return false;
    }

    /** Joins with the bound; fails if the thread is still running. */
    static void join(Thread thread) throws InterruptedException {
        thread.join(Expect.BOUND.toMillis());
        if (thread.isAlive()) {
            fail(thread + " did not finish");
        }
    }

    /** Two connected loopback streams; closing the pair closes both. */
    record Pair(TcpStream client, TcpStream server) implements AutoCloseable {
        static Pair connect() throws IOException {
            try (TcpListener listener = TcpListener.bind(Expect.anyLocalV4());
                 Poll accepting = Poll.open()) {
                accepting.registry().register(listener, Token.of(0), Interest.READABLE);
                TcpStream client = TcpStream.connect(listener.localAddress());
                Expect.events(accepting, Events.withCapacity(4), Expect.event(0, Interest.READABLE));
                TcpStream server = listener.accept();
                assertNotNull(server, "accept after a readable event");
                return new Pair(client, server);
            }
        }

        @Override
        public void close() {
            client.close();
            server.close();
        }
    }
}
