package io.mio4j.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

/** Workload (a)'s client on java.nio.channels.Selector with direct buffers. */
final class NioPingPongClient implements PingPongClient {
    @Override
    public double run(InetSocketAddress server, Phases phases, LatencySamples samples) throws IOException {
        try (Selector selector = Selector.open(); SocketChannel channel = SocketChannel.open(server)) {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.register(selector, SelectionKey.OP_READ);
            ByteBuffer message = ByteBuffer.allocateDirect(MESSAGE_SIZE);
            while (message.hasRemaining()) {
                message.put((byte) 'x');
            }
            ByteBuffer incoming = ByteBuffer.allocateDirect(4096);
            long measureStart = 0;
            boolean measuring = false;
            int received = 0;
            while (true) {
                message.clear();
                long sentAt = System.nanoTime();
                while (message.hasRemaining()) {
                    channel.write(message);
                }
                while (received < MESSAGE_SIZE) {
                    selector.select();
                    selector.selectedKeys().clear();
                    incoming.clear();
                    int read = channel.read(incoming);
                    if (read < 0) {
                        throw new IOException("the echo server closed the connection");
                    }
                    received += read;
                }
                received -= MESSAGE_SIZE;
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
            }
        }
    }
}
