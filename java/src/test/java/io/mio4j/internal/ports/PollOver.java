package io.mio4j.internal.ports;

import io.mio4j.Poll;
import io.mio4j.internal.Poller;

import java.lang.reflect.Constructor;

/**
 * A public Poll over a poller of the test's choosing, so that the public classes (Poll's
 * timeout loop and interrupt hook, Registry, the sockets and pipes with BufferIo's
 * would-block calls) run over PortsPoller here on Linux. Poll has no public way to do
 * this, by design; its private constructor is the one place that takes a Poller.
 */
final class PollOver {
    private PollOver() {
    }

    static Poll poller(Poller poller) {
        try {
            Constructor<Poll> constructor = Poll.class.getDeclaredConstructor(Poller.class);
            constructor.setAccessible(true);
            return constructor.newInstance(poller);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("Poll has no private Poll(Poller) constructor any more", e);
        }
    }
}
