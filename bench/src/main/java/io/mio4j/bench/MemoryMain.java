package io.mio4j.bench;

import io.mio4j.Events;
import io.mio4j.Interest;
import io.mio4j.Poll;
import io.mio4j.Token;
import io.mio4j.net.TcpListener;
import io.mio4j.net.TcpStream;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.management.ObjectName;

/**
 * Workload (h), memory per connection, for one Java implementation in a JVM of its own:
 * accepts connections from bench/c/conn_holder and registers each for reading, idle,
 * the way the implementation's users hold connections (mio4j: a TcpStream registered
 * with a Poll under a Token; NIO: a SocketChannel registered with a Selector, its
 * SelectionKey; Netty: an accepted epoll channel with an empty pipeline, registered with
 * its event loop). Commands on stdin, one reply each:
 *
 * <pre>
 *   (at start)   port=N
 *   accept K     accepted=TOTAL         accept and register K more connections
 *   measure      heap=B histogram=B instances=N direct=B direct_count=N rss=B
 *                class=NAME bytes=B instances=N   (one line per class of the histogram)
 *                ...
 *                end
 *   quit
 * </pre>
 *
 * heap: MemoryMXBean's heap in use after System.gc() (run with -XX:+UseSerialGC, a full
 * compacting collection); histogram/instances: the live objects of the class histogram
 * (GC.class_histogram, itself after a full GC); direct: the JDK's direct-buffer pool;
 * rss: VmRSS from /proc/self/status (run with -XX:+AlwaysPreTouch, so the heap is resident
 * from the start and RSS grows only by native memory, and -Xint, so no JIT code or
 * compiler arena grows it).
 */
public final class MemoryMain {
    private static final Duration ACCEPT_BOUND = Duration.ofSeconds(120);

    /** The connections, held so that nothing the measurement keeps is collected. */
    private static final Object[] HELD = new Object[20_000];

    private interface Acceptor {
        int port() throws IOException;

        /** Accepts and registers until {@code total} connections are held. */
        void acceptUntil(int total) throws Exception;
    }

    private MemoryMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: MemoryMain IMPLEMENTATION");
            System.exit(2);
        }
        Acceptor acceptor = switch (Implementation.valueOf(args[0])) {
            case MIO4J, MIO4J_FFM, MIO4J_JNA -> new Mio4jAcceptor();
            case NIO -> new NioAcceptor();
            case NETTY -> new NettyAcceptor();
            case C -> throw new IllegalArgumentException("C has no heap");
        };
        // The first measurement starts the platform MBean server and the diagnostic command,
        // loads classes and fills caches (a few thousand strings, once): done here, its output
        // dropped, so that none of that counts as growth between the two that are kept.
        measure(new PrintStream(OutputStream.nullOutputStream()));
        System.out.println("port=" + acceptor.port());
        System.out.flush();
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
        int total = 0;
        String line;
        while ((line = commands.readLine()) != null && !line.equals("quit")) {
            if (line.startsWith("accept ")) {
                total += Integer.parseInt(line.substring(7).trim());
                acceptor.acceptUntil(total);
                System.out.println("accepted=" + total);
            } else if (line.equals("measure")) {
                measure(System.out);
            }
            System.out.flush();
        }
        System.exit(0);
    }

    /**
     * Prints one measurement. A method of its own so that nothing it builds outlives it:
     * in an interpreted frame (-Xint) a dead local still counts as a root.
     */
    private static void measure(PrintStream out) throws Exception {
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        Map<String, long[]> histogram = classHistogram();
        long[] all = histogram.getOrDefault("Total", new long[2]);
        BufferPoolMXBean direct = directPool();
        out.printf("heap=%d histogram=%d instances=%d direct=%d direct_count=%d rss=%d%n", heap, all[1],
                all[0], direct.getMemoryUsed(), direct.getCount(), residentBytes());
        // Every class, for the runner to subtract: this JVM keeps nothing of one measurement
        // to the next, which would count as growth.
        for (Map.Entry<String, long[]> entry : histogram.entrySet()) {
            if (!entry.getKey().equals("Total")) {
                out.printf("class=%s bytes=%d instances=%d%n", entry.getKey(), entry.getValue()[1],
                        entry.getValue()[0]);
            }
        }
        out.println("end");
    }

    /** Class name to {instances, bytes} of live objects, plus "Total". */
    private static Map<String, long[]> classHistogram() throws Exception {
        String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        Map<String, long[]> classes = new HashMap<>();
        for (String row : text.split("\n")) {
            String[] f = row.trim().split("\\s+");
            if (f.length >= 4 && f[0].endsWith(":")) {
                classes.put(f[3], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
            } else if (f.length >= 3 && f[0].equals("Total")) {
                classes.put("Total", new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
            }
        }
        return classes;
    }

    private static BufferPoolMXBean directPool() {
        for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            if (pool.getName().equals("direct")) {
                return pool;
            }
        }
        throw new IllegalStateException("no direct buffer pool");
    }

    private static long residentBytes() throws IOException {
        for (String row : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (row.startsWith("VmRSS:")) {
                return Long.parseLong(row.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IOException("no VmRSS in /proc/self/status");
    }

    private static long deadline() {
        return System.nanoTime() + ACCEPT_BOUND.toNanos();
    }

    private static void checkDeadline(long deadline, int held, int total) throws IOException {
        if (System.nanoTime() > deadline) {
            throw new IOException("accepted " + held + " of " + total + " connections within " + ACCEPT_BOUND);
        }
    }

    private static final class Mio4jAcceptor implements Acceptor {
        private final Poll poll = Poll.open();
        private final TcpListener listener =
                TcpListener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        private final Events events = Events.withCapacity(1024);
        private int held;

        Mio4jAcceptor() throws IOException {
            poll.registry().register(listener, Token.of(-1), Interest.READABLE);
        }

        @Override
        public int port() throws IOException {
            return listener.localAddress().getPort();
        }

        @Override
        public void acceptUntil(int total) throws IOException {
            long deadline = deadline();
            while (held < total) {
                checkDeadline(deadline, held, total);
                poll.poll(events, Duration.ofMillis(100));
                TcpStream stream;
                while (held < total && (stream = listener.accept()) != null) {
                    poll.registry().register(stream, Token.of(held), Interest.READABLE);
                    HELD[held++] = stream;
                }
            }
        }
    }

    private static final class NioAcceptor implements Acceptor {
        private final Selector selector = Selector.open();
        private final ServerSocketChannel listener = ServerSocketChannel.open();
        private int held;

        NioAcceptor() throws IOException {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
            listener.configureBlocking(false);
            listener.register(selector, SelectionKey.OP_ACCEPT);
        }

        @Override
        public int port() throws IOException {
            return ((InetSocketAddress) listener.getLocalAddress()).getPort();
        }

        @Override
        public void acceptUntil(int total) throws IOException {
            long deadline = deadline();
            while (held < total) {
                checkDeadline(deadline, held, total);
                selector.select(100);
                selector.selectedKeys().clear();
                SocketChannel channel;
                while (held < total && (channel = listener.accept()) != null) {
                    channel.configureBlocking(false);
                    channel.register(selector, SelectionKey.OP_READ);
                    HELD[held++] = channel;
                }
            }
            selector.selectNow();   // NIO applies registrations inside a select
        }
    }

    private static final class NettyAcceptor implements Acceptor {
        private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
        private final AtomicInteger registered = new AtomicInteger();
        private final Channel listener;

        NettyAcceptor() throws InterruptedException {
            listener = new ServerBootstrap()
                    .group(group)
                    .channel(EpollServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childHandler(new ChannelInitializer<Channel>() {
                        @Override
                        protected void initChannel(Channel channel) {
                            registered.incrementAndGet();   // adds nothing: the pipeline stays empty
                        }
                    })
                    .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                    .sync()
                    .channel();
        }

        @Override
        public int port() {
            return ((InetSocketAddress) listener.localAddress()).getPort();
        }

        @Override
        public void acceptUntil(int total) throws Exception {
            long deadline = deadline();
            while (registered.get() < total) {
                checkDeadline(deadline, registered.get(), total);
                Thread.sleep(10);
            }
            // Let the event loop finish what registering the last channels queued.
            group.next().submit(() -> { }).get(10, TimeUnit.SECONDS);
        }
    }

}
