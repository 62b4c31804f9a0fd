package io.mio4j.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Selector;

/** Workload (d) on java.nio: Selector.wakeup() to select() returning. */
final class NioWakeUpLatency implements WakeUpLatency {
    @Override
    public void run(Phases phases, LatencySamples samples) throws IOException, InterruptedException {
        WakeUpProtocol protocol = new WakeUpProtocol(samples);
        try (Selector selector = Selector.open()) {
            Thread poller = new Thread(() -> {
                try {
                    while (!protocol.stopped()) {
                        selector.select();
                        protocol.polled(System.nanoTime());
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, "nio-wake-up-poller");
            poller.start();
            protocol.drive(phases, selector::wakeup);
            poller.join();
        }
    }
}
