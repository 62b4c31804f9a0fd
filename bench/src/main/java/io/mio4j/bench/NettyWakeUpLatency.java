package io.mio4j.bench;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import java.util.concurrent.TimeUnit;

/**
 * Workload (d) on Netty: a Netty user wakes an idle event loop by handing it a task,
 * EventLoop.execute(), which writes the loop's eventfd; the sample ends when the task
 * runs on the loop, right after epoll_wait returned and the task queue was read.
 */
final class NettyWakeUpLatency implements WakeUpLatency {
    @Override
    public void run(Phases phases, LatencySamples samples) {
        WakeUpProtocol protocol = new WakeUpProtocol(samples);
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
        try {
            EventLoop loop = group.next();
            Runnable polled = () -> protocol.polled(System.nanoTime());
            loop.submit(() -> { }).syncUninterruptibly();
            try {
                protocol.drive(phases, () -> loop.execute(polled));
            } catch (java.io.IOException e) {
                throw new IllegalStateException("execute() throws no IOException", e);
            }
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
