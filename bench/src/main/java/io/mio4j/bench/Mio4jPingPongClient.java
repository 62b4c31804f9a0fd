package io.mio4j.bench;

import io.mio4j.Events;
import io.mio4j.Interest;
import io.mio4j.Poll;
import io.mio4j.Token;
import io.mio4j.net.TcpStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/** Workload (a)'s client on mio4j; the same steps as ping_pong() in bench/c/latency.c. */
final class Mio4jPingPongClient implements PingPongClient {
    private static final Token CLIENT = Token.of(0);

    @Override
    public double run(InetSocketAddress server, Phases phases, LatencySamples samples) throws IOException {
        try (Poll poll = Poll.open(); TcpStream stream = TcpStream.connect(server)) {
            Events events = Events.withCapacity(8);
            poll.registry().register(stream, CLIENT, Interest.READABLE.add(Interest.WRITABLE));
            while (stream.peerAddress() == null) {
                poll.poll(events, null);
                IOException failure = stream.takeError();
                if (failure != null) {
                    throw failure;
                }
            }
            stream.setNoDelay(true);
            ByteBuffer message = ByteBuffer.allocateDirect(MESSAGE_SIZE);
            while (message.hasRemaining()) {
                message.put((byte) 'x');
            }
            message.flip();
            ByteBuffer incoming = ByteBuffer.allocateDirect(4096);
            long measureStart = 0;
            boolean measuring = false;
            int received = 0;
            long sentAt = System.nanoTime();
            while (true) {
                while (message.hasRemaining()) {
                    if (stream.write(message) == 0) {
                        break;
                    }
                }
                poll.poll(events, null);
                while (true) {
                    incoming.clear();
                    int read = stream.read(incoming);
                    if (read == 0) {
                        break;
                    }
                    if (read < 0) {
                        throw new IOException("the echo server closed the connection");
                    }
                    received += read;
                }
                if (received < MESSAGE_SIZE) {
                    continue;
                }
                long now = System.nanoTime();
                if (measuring) {
                    samples.add(now - sentAt);
                    if (phases.over(now)) {
                        return (now - measureStart) / 1e9;
                    }
                } else if (phases.measuring(now)) {
                    measuring = true;
                    measureStart = now;
                }
                received -= MESSAGE_SIZE;
                message.clear();
                sentAt = System.nanoTime();
            }
        }
    }
}
