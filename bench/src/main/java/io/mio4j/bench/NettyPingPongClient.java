package io.mio4j.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Workload (a)'s client on Netty's native epoll transport, on an event loop of its own. */
final class NettyPingPongClient implements PingPongClient {
    @Override
    public double run(InetSocketAddress server, Phases phases, LatencySamples samples) throws IOException {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
        try {
            PingPongHandler handler = new PingPongHandler(phases, samples);
            Channel channel = new Bootstrap()
                    .group(group)
                    .channel(EpollSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .handler(handler)
                    .connect(server)
                    .sync()
                    .channel();
            double seconds = handler.done.get();
            channel.close().sync();
            return seconds;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause());
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    private static final class PingPongHandler extends ChannelInboundHandlerAdapter {
        private final byte[] message = new byte[MESSAGE_SIZE];
        private final Phases phases;
        private final LatencySamples samples;
        final CompletableFuture<Double> done = new CompletableFuture<>();
        private int received;
        private long sentAt;
        private boolean measuring;
        private long measureStart;

        PingPongHandler(Phases phases, LatencySamples samples) {
            this.phases = phases;
            this.samples = samples;
            Arrays.fill(message, (byte) 'x');
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            send(ctx);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf buffer = (ByteBuf) msg;
            received += buffer.readableBytes();
            buffer.release();
            if (received < MESSAGE_SIZE || done.isDone()) {
                return;
            }
            received -= MESSAGE_SIZE;
            long now = System.nanoTime();
            if (measuring) {
                samples.add(now - sentAt);
                if (phases.over(now)) {
                    done.complete((now - measureStart) / 1e9);
                    return;
                }
            } else if (phases.measuring(now)) {
                measuring = true;
                measureStart = now;
            }
            send(ctx);
        }

        private void send(ChannelHandlerContext ctx) {
            sentAt = System.nanoTime();
            ctx.writeAndFlush(ctx.alloc().directBuffer(MESSAGE_SIZE).writeBytes(message));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            done.completeExceptionally(cause);
            ctx.close();
        }
    }
}
