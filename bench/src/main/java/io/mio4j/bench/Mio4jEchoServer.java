package io.mio4j.bench;

import io.mio4j.Event;
import io.mio4j.Events;
import io.mio4j.Interest;
import io.mio4j.Poll;
import io.mio4j.Token;
import io.mio4j.Waker;
import io.mio4j.net.TcpListener;
import io.mio4j.net.TcpStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The echo server on mio4j, the same algorithm as bench/c/echo_loop.c: edge-triggered
 * readiness, read until the read would block, write each chunk straight back, and
 * WRITABLE interest only while a write is incomplete.
 */
final class Mio4jEchoServer implements EchoServer {
    private static final int READ_BUFFER_SIZE = 16 * 1024;
    private static final long LISTENER = -1;
    private static final long STOP = -2;
    private static final Interest READABLE_AND_WRITABLE = Interest.READABLE.add(Interest.WRITABLE);

    /** A connection and the bytes it could not take yet. */
    private static final class Connection {
        final TcpStream stream;
        ByteBuffer pending;

        Connection(TcpStream stream) {
            this.stream = stream;
        }
    }

    private final Poll poll;
    private final TcpListener listener;
    private final Waker stopWaker;
    private final Events events = Events.withCapacity(1024);
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(READ_BUFFER_SIZE);
    /** Indexed by token value. */
    private final List<Connection> connections = new ArrayList<>();
    private final EchoedBytes echoed = new EchoedBytes();
    private volatile boolean closing;
    private Thread loop;

    Mio4jEchoServer() throws IOException {
        poll = Poll.open();
        listener = TcpListener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        poll.registry().register(listener, Token.of(LISTENER), Interest.READABLE);
        stopWaker = Waker.open(poll.registry(), Token.of(STOP));
    }

    @Override
    public Thread start() {
        loop = new Thread(this::runLoop, "mio4j-echo-loop");
        loop.start();
        return loop;
    }

    @Override
    public InetSocketAddress address() {
        try {
            return listener.localAddress();
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
                poll.poll(events, null);
                for (Event event : events) {
                    long token = event.token().value();
                    if (token == LISTENER) {
                        accept();
                    } else if (token >= 0) {
                        serve((int) token, event);
                    }
                }
            }
            for (Connection connection : connections) {
                if (connection != null) {
                    connection.stream.close();
                }
            }
            stopWaker.close();
            listener.close();
            poll.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void accept() throws IOException {
        TcpStream stream;
        while ((stream = listener.accept()) != null) {
            stream.setNoDelay(true);
            int index = connections.size();
            connections.add(new Connection(stream));
            poll.registry().register(stream, Token.of(index), Interest.READABLE);
        }
    }

    private void serve(int index, Event event) {
        Connection connection = connections.get(index);
        if (connection == null) {
            return;
        }
        try {
            if (connection.pending != null) {
                if (!event.isWritable()) {
                    return;
                }
                echoed.add(connection.stream.write(connection.pending));
                if (connection.pending.hasRemaining()) {
                    return;
                }
                connection.pending = null;
                poll.registry().reregister(connection.stream, Token.of(index), Interest.READABLE);
            }
            while (true) {
                readBuffer.clear();
                int read = connection.stream.read(readBuffer);
                if (read == 0) {
                    return;
                }
                if (read < 0) {
                    close(index);
                    return;
                }
                readBuffer.flip();
                while (readBuffer.hasRemaining()) {
                    int written = connection.stream.write(readBuffer);
                    if (written == 0) {
                        break;
                    }
                    echoed.add(written);
                }
                if (readBuffer.hasRemaining()) {
                    // The peer does not read: keep the rest, stop reading until it has left.
                    connection.pending = ByteBuffer.allocateDirect(readBuffer.remaining());
                    connection.pending.put(readBuffer).flip();
                    poll.registry().reregister(connection.stream, Token.of(index), READABLE_AND_WRITABLE);
                    return;
                }
            }
        } catch (IOException e) {
            close(index);
        }
    }

    private void close(int index) {
        try {
            connections.get(index).stream.close();
        } catch (Exception ignored) {
            // Closing a connection that already failed. (Exception, not IOException: some
            // builds of TcpStream.close() declare no checked exception.)
        }
        connections.set(index, null);
    }

    @Override
    public void close() throws IOException {
        closing = true;
        stopWaker.wake();
        if (loop != null) {
            try {
                loop.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
