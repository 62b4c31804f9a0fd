package io.mio4j.examples;

import io.mio4j.Event;
import io.mio4j.Events;
import io.mio4j.Interest;
import io.mio4j.Poll;
import io.mio4j.Registry;
import io.mio4j.Token;
import io.mio4j.Waker;
import io.mio4j.net.TcpListener;
import io.mio4j.net.TcpStream;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * An echo server on one thread, in the shape of mio's tcp_server example: a listener,
 * a waker to stop it, and per connection a buffer that holds what could not be written
 * back yet. Edge-triggered: every source is read (or accepted, or written) until it
 * reports would-block before the next poll.
 */
public final class EchoServer implements Runnable, AutoCloseable {
    private static final Token LISTENER = Token.of(0);
    private static final Token WAKER = Token.of(1);
    private static final int FIRST_CONNECTION = 2;

    private final Poll poll;
    private final TcpListener listener;
    private final Waker waker;
    private final List<Connection> connections = new ArrayList<>();   // index = token - 2
    private volatile boolean running = true;

    public EchoServer(InetSocketAddress address) throws IOException {
        poll = Poll.open();
        listener = TcpListener.bind(address);
        poll.registry().register(listener, LISTENER, Interest.READABLE);
        waker = Waker.open(poll.registry(), WAKER);
    }

    public InetSocketAddress address() throws IOException {
        return listener.localAddress();
    }

    @Override
    public void run() {
        Events events = Events.withCapacity(256);
        try {
            while (running) {
                poll.poll(events, null);
                for (Event event : events) {
                    long token = event.token().value();
                    if (token == LISTENER.value()) {
                        acceptAll();
                    } else if (token != WAKER.value()) {
                        Connection connection = connections.get((int) (token - FIRST_CONNECTION));
                        if (connection != null && !connection.handle(event, poll.registry())) {
                            connection.stream.close();
                            connections.set((int) (token - FIRST_CONNECTION), null);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("echo server failed", e);
        } finally {
            closeAll();
        }
    }

    private void acceptAll() throws IOException {
        TcpStream stream;
        while ((stream = listener.accept()) != null) {
            int slot = connections.indexOf(null);
            if (slot < 0) {
                slot = connections.size();
                connections.add(null);
            }
            stream.setNoDelay(true);
            connections.set(slot, new Connection(stream));
            poll.registry().register(stream, Token.of(slot + FIRST_CONNECTION), Interest.READABLE);
        }
    }

    /** Stops the server from any thread. Idempotent. */
    @Override
    public synchronized void close() throws IOException {
        if (running) {
            running = false;
            waker.wake();
        }
    }

    private void closeAll() {
        for (Connection connection : connections) {
            if (connection != null) {
                connection.stream.close();
            }
        }
        listener.close();
        try {
            waker.close();
            poll.close();
        } catch (IOException ignored) {
            // shutting down
        }
    }

    private static final class Connection {
        final TcpStream stream;
        final ByteBuffer pending = ByteBuffer.allocateDirect(64 * 1024);
        boolean waitingToWrite;

        Connection(TcpStream stream) {
            this.stream = stream;
            pending.flip();   // empty, ready to drain
        }

        /** Echoes what can be echoed now; false when the connection is finished. */
        boolean handle(Event event, Registry registry) throws IOException {
            if (event.isError()) {
                return false;
            }
            for (;;) {
                if (pending.hasRemaining()) {
                    stream.write(pending);
                    if (pending.hasRemaining()) {
                        // The peer is slow: wait for WRITABLE before reading more.
                        if (!waitingToWrite) {
                            registry.reregister(stream, event.token(), Interest.READABLE.add(Interest.WRITABLE));
                            waitingToWrite = true;
                        }
                        return true;
                    }
                }
                if (waitingToWrite) {
                    registry.reregister(stream, event.token(), Interest.READABLE);
                    waitingToWrite = false;
                }
                pending.clear();
                int n = stream.read(pending);
                pending.flip();
                if (n < 0) {
                    return false;   // end of stream
                }
                if (n == 0) {
                    return true;    // would block: wait for the next edge
                }
            }
        }
    }
}
