package io.mio4j.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Workload (e) on java.nio, with {@code idleSockets} idle sockets registered (half as
 * many loopback connections, both ends registered for OP_READ).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class NioPollCost {
    @Param({"0", "10000"})
    public int idleSockets;

    private Selector selector;
    private ServerSocketChannel listener;
    private final List<SocketChannel> idle = new ArrayList<>();
    private SocketChannel probe;

    @Setup
    public void open() throws IOException {
        selector = Selector.open();
        listener = ServerSocketChannel.open();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        for (int i = 0; i < idleSockets / 2; i++) {
            SocketChannel client = SocketChannel.open(listener.getLocalAddress());
            SocketChannel server = listener.accept();
            for (SocketChannel end : new SocketChannel[] {client, server}) {
                end.configureBlocking(false);
                end.register(selector, SelectionKey.OP_READ);
                idle.add(end);
            }
        }
        probe = SocketChannel.open(listener.getLocalAddress());
        probe.configureBlocking(false);
        selector.selectNow();
    }

    /** One select that finds nothing ready. */
    @Benchmark
    public int pollNothingReady() throws IOException {
        return selector.selectNow();
    }

    /**
     * NIO applies epoll_ctl only inside a select: a key registered and cancelled before
     * the next select never reaches the kernel at all. So a real register and deregister
     * is register, selectNow (the ADD), cancel, selectNow (the DEL): two empty polls
     * included, which the table's first column lets one subtract.
     */
    @Benchmark
    public int registerDeregister() throws IOException {
        SelectionKey key = probe.register(selector, SelectionKey.OP_READ);
        selector.selectNow();
        key.cancel();
        return selector.selectNow();
    }

    @TearDown
    public void close() throws IOException {
        for (SocketChannel channel : idle) {
            channel.close();
        }
        probe.close();
        listener.close();
        selector.close();
    }
}
