package io.mio4j.bench;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Workload (f) on Netty's native epoll transport with a raw ByteBuf handler, no
 * HttpServerCodec: the parsing of examples/.../HttpConnection.java, line for line, on
 * the ByteBufs Netty reads into. Responses of one read burst go into one pooled buffer,
 * flushed at channelReadComplete; an incomplete head is kept (cumulated) until the rest
 * arrives; reading pauses (autoRead off) while the channel is not writable, as the
 * other rows stop reading while responses are left unsent.
 */
final class NettyHttpServer implements HttpBenchServer {
    static final int MAX_HEAD = 8192;

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
    private Channel listener;

    @Override
    public Thread start() throws IOException {
        try {
            listener = new ServerBootstrap()
                    .group(group)
                    .channel(EpollServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<Channel>() {
                        @Override
                        protected void initChannel(Channel channel) {
                            channel.pipeline().addLast(new HttpHandler());
                        }
                    })
                    .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                    .sync()
                    .channel();
            return group.next().submit(Thread::currentThread).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause());
        }
    }

    @Override
    public int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    @Override
    public void close() {
        if (listener != null) {
            listener.close().syncUninterruptibly();
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    static final byte[] OK = ascii("HTTP/1.1 200 OK\r\nContent-Length: 13\r\n"
            + "Content-Type: text/plain\r\n\r\nHello, World!");
    static final byte[] OK_THEN_CLOSE = ascii("HTTP/1.1 200 OK\r\nContent-Length: 13\r\n"
            + "Content-Type: text/plain\r\nConnection: close\r\n\r\nHello, World!");
    static final byte[] BAD_REQUEST = ascii("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n"
            + "Connection: close\r\n\r\n");
    static final byte[] HEAD_TOO_LARGE = ascii("HTTP/1.1 431 Request Header Fields Too Large\r\n"
            + "Content-Length: 0\r\nConnection: close\r\n\r\n");
    static final byte[] NOT_IMPLEMENTED = ascii("HTTP/1.1 501 Not Implemented\r\nContent-Length: 0\r\n"
            + "Connection: close\r\n\r\n");
    private static final byte[] HTTP_1 = ascii("HTTP/1.");
    private static final byte[] CONTENT_LENGTH = ascii("content-length");
    private static final byte[] CONNECTION = ascii("connection");
    private static final byte[] TRANSFER_ENCODING = ascii("transfer-encoding");
    private static final byte[] CLOSE = ascii("close");

    /** One per connection: it holds the connection's protocol state. */
    static final class HttpHandler extends ChannelInboundHandlerAdapter {
        private ByteBuf kept;   // an incomplete request head from earlier reads, or null
        private ByteBuf out;    // responses of this read burst, or null
        private long bodyToSkip;
        private boolean closeAfterSending;
        private byte[] response;
        private long contentLength;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf data = (ByteBuf) msg;
            if (closeAfterSending) {
                data.release();
                return;
            }
            ByteBuf buf = data;
            if (kept != null) {
                kept.writeBytes(data);
                data.release();
                buf = kept;
            }
            answer(ctx, buf);
            if (!closeAfterSending && buf.readableBytes() >= MAX_HEAD) {
                respond(ctx, HEAD_TOO_LARGE);
                closeAfterSending = true;
            }
            if (closeAfterSending || !buf.isReadable()) {
                buf.release();
                kept = null;
            } else if (buf != kept) {
                kept = ctx.alloc().directBuffer(MAX_HEAD);
                kept.writeBytes(buf);
                buf.release();
            } else {
                kept.discardReadBytes();
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            if (out == null) {
                return;
            }
            ChannelFuture written = ctx.writeAndFlush(out);
            out = null;
            if (closeAfterSending) {
                written.addListener(ChannelFutureListener.CLOSE);
            } else if (!ctx.channel().isWritable()) {
                ctx.channel().config().setAutoRead(false);   // read no more until the responses have left
            }
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            if (ctx.channel().isWritable()) {
                ctx.channel().config().setAutoRead(true);
            }
            ctx.fireChannelWritabilityChanged();
        }

        @Override
        public void handlerRemoved(ChannelHandlerContext ctx) {
            if (kept != null) {
                kept.release();
                kept = null;
            }
            if (out != null) {
                out.release();
                out = null;
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }

        private void respond(ChannelHandlerContext ctx, byte[] bytes) {
            if (out == null) {
                out = ctx.alloc().directBuffer(256);
            }
            out.writeBytes(bytes);
        }

        /** Answers the complete requests in buf, moving its reader index past them. */
        private void answer(ChannelHandlerContext ctx, ByteBuf buf) {
            while (buf.isReadable() && !closeAfterSending) {
                if (bodyToSkip > 0) {
                    int skipped = (int) Math.min(bodyToSkip, buf.readableBytes());
                    buf.skipBytes(skipped);
                    bodyToSkip -= skipped;
                    continue;
                }
                int headEnd = parseHead(buf, buf.readerIndex(), buf.writerIndex());
                if (headEnd < 0) {
                    break;
                }
                respond(ctx, response);
                buf.readerIndex(headEnd);
                bodyToSkip = contentLength;
                closeAfterSending = response != OK;
            }
        }

        private int parseHead(ByteBuf in, int start, int end) {
            response = OK;
            contentLength = 0;
            boolean requestLine = true;
            int lineStart = start;
            for (int i = start; i < end - 1; i++) {
                if (in.getByte(i) != '\r') {
                    continue;
                }
                if (in.getByte(i + 1) != '\n') {
                    response = BAD_REQUEST;
                    return end;
                }
                if (i == lineStart) {
                    if (!requestLine) {
                        return i + 2;
                    }
                    lineStart = i + 2;
                    i++;
                    continue;
                }
                if (requestLine) {
                    parseRequestLine(in, lineStart, i);
                    requestLine = false;
                } else {
                    parseHeaderLine(in, lineStart, i);
                }
                if (response != OK && response != OK_THEN_CLOSE) {
                    return end;
                }
                lineStart = i + 2;
                i++;
            }
            return -1;
        }

        private void parseRequestLine(ByteBuf in, int from, int to) {
            int firstSpace = indexOf(in, (byte) ' ', from, to);
            int lastSpace = lastIndexOf(in, (byte) ' ', from, to);
            if (firstSpace <= from || lastSpace <= firstSpace + 1 || to - lastSpace - 1 != HTTP_1.length + 1
                    || !startsWith(in, lastSpace + 1, HTTP_1)) {
                response = BAD_REQUEST;
                return;
            }
            byte minor = in.getByte(to - 1);
            if (minor == '0') {
                response = OK_THEN_CLOSE;
            } else if (minor != '1') {
                response = BAD_REQUEST;
            }
        }

        private void parseHeaderLine(ByteBuf in, int from, int to) {
            int colon = indexOf(in, (byte) ':', from, to);
            if (colon <= from || isSpace(in.getByte(from)) || isSpace(in.getByte(colon - 1))) {
                response = BAD_REQUEST;
                return;
            }
            int valueStart = colon + 1;
            int valueEnd = to;
            while (valueStart < valueEnd && isSpace(in.getByte(valueStart))) {
                valueStart++;
            }
            while (valueEnd > valueStart && isSpace(in.getByte(valueEnd - 1))) {
                valueEnd--;
            }
            if (equalsIgnoreCase(in, from, colon, CONTENT_LENGTH)) {
                contentLength = parseLength(in, valueStart, valueEnd);
                if (contentLength < 0) {
                    response = BAD_REQUEST;
                }
            } else if (equalsIgnoreCase(in, from, colon, TRANSFER_ENCODING)) {
                response = NOT_IMPLEMENTED;
            } else if (equalsIgnoreCase(in, from, colon, CONNECTION) && equalsIgnoreCase(in, valueStart, valueEnd, CLOSE)) {
                response = OK_THEN_CLOSE;
            }
        }

        private static long parseLength(ByteBuf in, int from, int to) {
            if (from == to || to - from > 18) {
                return -1;
            }
            long value = 0;
            for (int i = from; i < to; i++) {
                byte b = in.getByte(i);
                if (b < '0' || b > '9') {
                    return -1;
                }
                value = value * 10 + (b - '0');
            }
            return value;
        }

        private static boolean equalsIgnoreCase(ByteBuf in, int from, int to, byte[] lowerCase) {
            if (to - from != lowerCase.length) {
                return false;
            }
            for (int i = 0; i < lowerCase.length; i++) {
                byte b = in.getByte(from + i);
                if (b >= 'A' && b <= 'Z') {
                    b += 'a' - 'A';
                }
                if (b != lowerCase[i]) {
                    return false;
                }
            }
            return true;
        }

        private static boolean startsWith(ByteBuf in, int from, byte[] prefix) {
            for (int i = 0; i < prefix.length; i++) {
                if (in.getByte(from + i) != prefix[i]) {
                    return false;
                }
            }
            return true;
        }

        private static int indexOf(ByteBuf in, byte b, int from, int to) {
            for (int i = from; i < to; i++) {
                if (in.getByte(i) == b) {
                    return i;
                }
            }
            return -1;
        }

        private static int lastIndexOf(ByteBuf in, byte b, int from, int to) {
            for (int i = to - 1; i >= from; i--) {
                if (in.getByte(i) == b) {
                    return i;
                }
            }
            return -1;
        }

        private static boolean isSpace(byte b) {
            return b == ' ' || b == '\t';
        }
    }
}
