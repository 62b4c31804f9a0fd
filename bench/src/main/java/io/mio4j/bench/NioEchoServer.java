package io.mio4j.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.function.Consumer;

/**
 * The echo server on java.nio.channels.Selector (level-triggered epoll underneath), with
 * direct buffers, written the way a careful NIO user writes it: select(Consumer) so
 * that no selected-key iterator is made per select, one read per readiness, and
 * OP_WRITE only while a write is incomplete.
 */
final class NioEchoServer implements EchoServer {
    private static final int READ_BUFFER_SIZE = 16 * 1024;

    private final Selector selector;
    private final ServerSocketChannel listener;
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(READ_BUFFER_SIZE);
    private final EchoedBytes echoed = new EchoedBytes();
    private final Consumer<SelectionKey> onReady = this::onReady;
    private volatile boolean closing;
    private Thread loop;

    NioEchoServer() throws IOException {
        selector = Selector.open();
        listener = ServerSocketChannel.open();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        listener.configureBlocking(false);
        listener.register(selector, SelectionKey.OP_ACCEPT);
    }

    @Override
    public Thread start() {
        loop = new Thread(this::runLoop, "nio-echo-loop");
        loop.start();
        return loop;
    }

    @Override
    public InetSocketAddress address() {
        try {
            return (InetSocketAddress) listener.getLocalAddress();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public long echoedBytes() {
        return echoed.get();
    }

    private void runLoop() {
        try {
            while (!closing) {
                selector.select(onReady);
            }
            for (SelectionKey key : selector.keys()) {
                key.channel().close();
            }
            selector.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void onReady(SelectionKey key) {
        try {
            if (key.isAcceptable()) {
                accept();
            } else {
                serve(key);
            }
        } catch (IOException e) {
            close(key);
        }
    }

    private void accept() throws IOException {
        SocketChannel channel;
        while ((channel = listener.accept()) != null) {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.register(selector, SelectionKey.OP_READ);
        }
    }

    private void serve(SelectionKey key) throws IOException {
        SocketChannel channel = (SocketChannel) key.channel();
        ByteBuffer pending = (ByteBuffer) key.attachment();
        if (pending != null) {
            // The peer had stopped reading; nothing is read until the rest has left.
            echoed.add(channel.write(pending));
            if (pending.hasRemaining()) {
                return;
            }
            key.attach(null);
            key.interestOps(SelectionKey.OP_READ);
        }
        readBuffer.clear();
        int read = channel.read(readBuffer);
        if (read < 0) {
            close(key);
            return;
        }
        readBuffer.flip();
        echoed.add(channel.write(readBuffer));
        if (readBuffer.hasRemaining()) {
            ByteBuffer rest = ByteBuffer.allocateDirect(readBuffer.remaining());
            rest.put(readBuffer).flip();
            key.attach(rest);
            key.interestOps(SelectionKey.OP_WRITE);
        }
    }

    private static void close(SelectionKey key) {
        try {
            key.channel().close();
        } catch (IOException ignored) {
            // closing a connection that already failed
        }
    }

    @Override
    public void close() throws IOException {
        closing = true;
        selector.wakeup();
        if (loop != null) {
            try {
                loop.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
