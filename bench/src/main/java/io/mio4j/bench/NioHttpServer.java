package io.mio4j.bench;

import io.mio4j.examples.HttpConnection;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.function.Consumer;

/**
 * Workload (f) on java.nio.channels.Selector: the protocol is the example's own
 * {@link HttpConnection} (the very class the mio4j row runs), so the two differ only in
 * the poller and the socket calls. OP_READ normally, OP_WRITE alone while responses are
 * left unsent (level-triggered: keeping OP_READ then would spin).
 */
final class NioHttpServer implements HttpBenchServer {
    private final Selector selector;
    private final ServerSocketChannel listener;
    private final Consumer<SelectionKey> onReady = this::onReady;
    private volatile boolean closing;
    private Thread loop;

    NioHttpServer() throws IOException {
        selector = Selector.open();
        listener = ServerSocketChannel.open();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        listener.configureBlocking(false);
        listener.register(selector, SelectionKey.OP_ACCEPT);
    }

    @Override
    public Thread start() {
        loop = new Thread(this::runLoop, "nio-http-loop");
        loop.start();
        return loop;
    }

    @Override
    public int port() throws IOException {
        return ((InetSocketAddress) listener.getLocalAddress()).getPort();
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
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void onReady(SelectionKey key) {
        if (key.isAcceptable()) {
            try {
                accept();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return;
        }
        HttpConnection http = (HttpConnection) key.attachment();
        HttpConnection.Next next;
        try {
            next = http.serve();
        } catch (IOException e) {
            next = HttpConnection.Next.CLOSE;
        }
        switch (next) {
            case READ -> {
                if (key.interestOps() != SelectionKey.OP_READ) {
                    key.interestOps(SelectionKey.OP_READ);
                }
            }
            case WRITE -> {
                if (key.interestOps() != SelectionKey.OP_WRITE) {
                    key.interestOps(SelectionKey.OP_WRITE);
                }
            }
            case CLOSE -> {
                try {
                    key.channel().close();
                } catch (IOException ignored) {
                    // closing a connection that already failed
                }
            }
        }
    }

    private void accept() throws IOException {
        SocketChannel channel;
        while ((channel = listener.accept()) != null) {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.register(selector, SelectionKey.OP_READ, new HttpConnection(channel));
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
