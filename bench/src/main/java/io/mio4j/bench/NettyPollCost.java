package io.mio4j.bench;

import io.netty.channel.IoEvent;
import io.netty.channel.IoHandlerContext;
import io.netty.channel.IoRegistration;
import io.netty.channel.epoll.EpollIoHandle;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollIoOps;
import io.netty.channel.unix.FileDescriptor;
import io.netty.channel.unix.Socket;
import io.netty.util.concurrent.ThreadAwareExecutor;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
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
 * Workload (e) on Netty's native epoll transport. A Netty channel has no poll of its
 * own to call, so this drives the layer every Netty 4.2 event loop is built on, the
 * public IoHandler API: one non-blocking {@code EpollIoHandler.run} is one event-loop
 * pass over epoll; register + deregister is {@code register}, {@code submit(EPOLLIN)}
 * (the epoll_ctl ADD) and {@code cancel()} (the DEL), as Netty's channels do.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class NettyPollCost {
    @Param({"0", "10000"})
    public int idleSockets;

    /** This benchmark's thread is the event loop: everything runs inline. */
    private static final ThreadAwareExecutor INLINE = new ThreadAwareExecutor() {
        @Override
        public boolean isExecutorThread(Thread thread) {
            return true;
        }

        @Override
        public void execute(Runnable task) {
            task.run();
        }
    };

    private static final IoHandlerContext NON_BLOCKING = new IoHandlerContext() {
        @Override
        public boolean canBlock() {
            return false;
        }

        @Override
        public long delayNanos(long currentTimeNanos) {
            return 0;
        }

        @Override
        public long deadlineNanos() {
            return -1;
        }
    };

    /** A registered descriptor that nothing happens on. */
    private static final class IdleHandle implements EpollIoHandle {
        private final FileDescriptor fd;

        IdleHandle(FileDescriptor fd) {
            this.fd = fd;
        }

        @Override
        public FileDescriptor fd() {
            return fd;
        }

        @Override
        public void handle(IoRegistration registration, IoEvent event) {
        }

        @Override
        public void close() throws IOException {
            fd.close();
        }
    }

    private static final EpollIoOps READ_EDGE_TRIGGERED = EpollIoOps.EPOLLIN.with(EpollIoOps.EPOLLET);

    private EpollIoHandler handler;
    private Socket listener;
    private final List<IdleHandle> idle = new ArrayList<>();
    private IdleHandle probe;

    @Setup
    public void open() throws Exception {
        handler = (EpollIoHandler) EpollIoHandler.newFactory().newHandler(INLINE);
        handler.initialize();
        listener = Socket.newSocketStream();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        listener.listen(1024);
        InetSocketAddress address = listener.localAddress();
        for (int i = 0; i < idleSockets / 2; i++) {
            Socket client = Socket.newSocketStream();
            client.connect(address);
            for (FileDescriptor end : new FileDescriptor[] {client, new FileDescriptor(accept())}) {
                IdleHandle handle = new IdleHandle(end);
                handler.register(handle).submit(READ_EDGE_TRIGGERED);
                idle.add(handle);
            }
        }
        Socket probeSocket = Socket.newSocketStream();
        probeSocket.connect(address);
        probe = new IdleHandle(probeSocket);
        handler.run(NON_BLOCKING);
    }

    /** The listener is non-blocking: wait for the handshake to finish. */
    private int accept() throws IOException {
        byte[] peer = new byte[32];
        while (true) {
            int fd = listener.accept(peer);
            if (fd >= 0) {
                return fd;
            }
            Thread.onSpinWait();
        }
    }

    /** One event-loop pass over epoll that finds nothing ready. */
    @Benchmark
    public int pollNothingReady() {
        return handler.run(NON_BLOCKING);
    }

    @Benchmark
    public boolean registerDeregister() throws Exception {
        IoRegistration registration = handler.register(probe);
        registration.submit(READ_EDGE_TRIGGERED);
        return registration.cancel();
    }

    @TearDown
    public void close() throws IOException {
        for (IdleHandle handle : idle) {
            handle.close();
        }
        probe.close();
        listener.close();
        handler.prepareToDestroy();
        handler.destroy();
    }
}
