package io.mio4j.examples;

import io.mio4j.Event;
import io.mio4j.Events;
import io.mio4j.Interest;
import io.mio4j.Poll;
import io.mio4j.Token;
import io.mio4j.Waker;
import io.mio4j.net.TcpListener;
import io.mio4j.net.TcpStream;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * A "hello world" HTTP/1.1 server on one thread: keep-alive, pipelining, requests that
 * arrive in pieces ({@link HttpConnection} holds the protocol). The mio4j part, in the
 * shape of mio's tcp_server example: a listener, a waker to stop it, a token per
 * connection. Edge-triggered: on every event the connection reads until the read would
 * block and writes until it is done or the socket is full; only then does it wait for
 * the next event, READABLE normally, WRITABLE only while responses are left unsent.
 *
 * <pre>
 *   HttpServer [PORT]     serve http://127.0.0.1:PORT/ (default 8080; 0 picks a free port)
 *   try: curl -v http://127.0.0.1:8080/   or   wrk -t1 -c64 -d5s http://127.0.0.1:8080/
 * </pre>
 */
public final class HttpServer implements Runnable, AutoCloseable {
    private static final Token LISTENER = Token.of(0);
    private static final Token WAKER = Token.of(1);
    private static final int FIRST_CONNECTION = 2;

    private final Poll poll;
    private final TcpListener listener;
    private final Waker waker;
    private final List<Client> clients = new ArrayList<>();   // index = token - FIRST_CONNECTION
    private volatile boolean running = true;

    /** A connection, its token, and whether it is registered for WRITABLE (else READABLE). */
    private static final class Client {
        final TcpStream stream;
        final Token token;
        final HttpConnection http;
        boolean waitingToWrite;

        Client(TcpStream stream, Token token) {
            this.stream = stream;
            this.token = token;
            this.http = new HttpConnection(stream);
        }
    }

    public HttpServer(InetSocketAddress address) throws IOException {
        poll = Poll.open();
        listener = TcpListener.bind(address);
        poll.registry().register(listener, LISTENER, Interest.READABLE);
        waker = Waker.open(poll.registry(), WAKER);
    }

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
        HttpServer server = new HttpServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        System.out.println("serving http://127.0.0.1:" + server.address().getPort() + "/ (Ctrl-C stops)");
        server.run();
    }

    public InetSocketAddress address() throws IOException {
        return listener.localAddress();
    }

    /** Serves until {@link #close()}. */
    @Override
    public void run() {
        Events events = Events.withCapacity(1024);
        try {
            while (running) {
                poll.poll(events, null);
                for (Event event : events) {
                    long token = event.token().value();
                    if (token == LISTENER.value()) {
                        acceptAll();
                    } else if (token != WAKER.value()) {
                        serve((int) (token - FIRST_CONNECTION));
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("HTTP server failed", e);
        } finally {
            closeAll();
        }
    }

    private void acceptAll() throws IOException {
        TcpStream stream;
        while ((stream = listener.accept()) != null) {
            int slot = clients.indexOf(null);
            if (slot < 0) {
                slot = clients.size();
                clients.add(null);
            }
            stream.setNoDelay(true);
            Client client = new Client(stream, Token.of(slot + FIRST_CONNECTION));
            clients.set(slot, client);
            poll.registry().register(stream, client.token, Interest.READABLE);
        }
    }

    private void serve(int slot) throws IOException {
        Client client = clients.get(slot);
        if (client == null) {
            return;   // closed earlier in this batch of events
        }
        HttpConnection.Next next;
        try {
            next = client.http.serve();
        } catch (IOException e) {
            next = HttpConnection.Next.CLOSE;   // reset by the peer, say: only this connection ends
        }
        switch (next) {
            case READ -> {
                if (client.waitingToWrite) {
                    poll.registry().reregister(client.stream, client.token, Interest.READABLE);
                    client.waitingToWrite = false;
                }
            }
            case WRITE -> {
                if (!client.waitingToWrite) {
                    poll.registry().reregister(client.stream, client.token, Interest.WRITABLE);
                    client.waitingToWrite = true;
                }
            }
            case CLOSE -> {
                client.stream.close();   // closing also deregisters it
                clients.set(slot, null);
            }
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
        for (Client client : clients) {
            if (client != null) {
                client.stream.close();
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
}
