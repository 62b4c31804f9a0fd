package io.mio4j.bench;

import io.mio4j.Events;
import io.mio4j.Poll;
import io.mio4j.Token;
import io.mio4j.Waker;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Workload (d) on mio4j: Waker.wake() to Poll.poll() returning. */
final class Mio4jWakeUpLatency implements WakeUpLatency {
    @Override
    public void run(Phases phases, LatencySamples samples) throws IOException, InterruptedException {
        WakeUpProtocol protocol = new WakeUpProtocol(samples);
        try (Poll poll = Poll.open(); Waker waker = Waker.open(poll.registry(), Token.of(1))) {
            Thread poller = new Thread(() -> {
                Events events = Events.withCapacity(8);
                try {
                    while (!protocol.stopped()) {
                        poll.poll(events, null);
                        protocol.polled(System.nanoTime());
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, "mio4j-wake-up-poller");
            poller.start();
            protocol.drive(phases, waker::wake);
            poller.join();
        }
    }
}
