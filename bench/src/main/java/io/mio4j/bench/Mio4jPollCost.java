package io.mio4j.bench;

import io.mio4j.Events;
import io.mio4j.Interest;
import io.mio4j.Poll;
import io.mio4j.Token;
import io.mio4j.net.TcpListener;
import io.mio4j.net.TcpStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
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
 * Workload (e) on mio4j, with {@code idleSockets} idle sockets registered (half as many
 * loopback connections, both ends registered READABLE).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class Mio4jPollCost {
    @Param({"0", "10000"})
    public int idleSockets;

    private static final Token PROBE = Token.of(-1);

    private Poll poll;
    private final Events events = Events.withCapacity(1024);
    private TcpListener listener;
    private final List<TcpStream> idle = new ArrayList<>();
    private TcpStream probe;

    @Setup
    public void open() throws IOException {
        poll = Poll.open();
        listener = TcpListener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        InetSocketAddress address = listener.localAddress();
        for (int i = 0; i < idleSockets / 2; i++) {
            TcpStream client = TcpStream.connect(address);
            for (TcpStream end : new TcpStream[] {client, accept()}) {
                poll.registry().register(end, Token.of(idle.size()), Interest.READABLE);
                idle.add(end);
            }
        }
        probe = TcpStream.connect(address);
        poll.poll(events, Duration.ZERO);
    }

    /** The listener is non-blocking: wait for the handshake to finish. */
    private TcpStream accept() throws IOException {
        while (true) {
            TcpStream stream = listener.accept();
            if (stream != null) {
                return stream;
            }
            Thread.onSpinWait();
        }
    }

    /** One poll that finds nothing ready. */
    @Benchmark
    public int pollNothingReady() throws IOException {
        return poll.poll(events, Duration.ZERO);
    }

    @Benchmark
    public void registerDeregister() throws IOException {
        poll.registry().register(probe, PROBE, Interest.READABLE);
        poll.registry().deregister(probe);
    }

    @TearDown
    public void close() throws IOException {
        for (TcpStream stream : idle) {
            stream.close();
        }
        probe.close();
        listener.close();
        poll.close();
    }
}
