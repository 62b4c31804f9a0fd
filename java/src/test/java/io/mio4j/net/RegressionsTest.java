package io.mio4j.net;

import io.mio4j.Descriptors;
import io.mio4j.Event;
import io.mio4j.Events;
import io.mio4j.Expect;
import io.mio4j.Interest;
import io.mio4j.Poll;
import io.mio4j.Token;
import io.mio4j.Waker;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** mio's tests/regressions.rs, in our words. */
class RegressionsTest {
    /** mio #776: a stream that just connected, with nothing sent, reads as would-block (0), not an error. */
    @Test
    void freshlyConnectedStreamReadsNothingWithoutError() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread peer = new Thread(() -> {
                try (Socket accepted = listener.accept()) {
                    accepted.setSoTimeout((int) Expect.BOUND.toMillis());
                    InputStream in = accepted.getInputStream();
                    in.read(new byte[16]);   // until the test closes its end
                } catch (Exception ignored) {
                    // a timeout or reset only ends the peer
                }
            });
            peer.start();
            try (Poll poll = Poll.open();
                 TcpStream stream = TcpStream.connect(
                         new InetSocketAddress(listener.getInetAddress(), listener.getLocalPort()))) {
                poll.registry().register(stream, Token.of(1), Interest.READABLE.add(Interest.WRITABLE));
                Events events = Events.withCapacity(16);
                Expect.events(poll, events, Expect.event(1, Interest.WRITABLE));
                assertEquals(0, stream.read(ByteBuffer.allocate(1024)));
            }
            peer.join(Expect.BOUND.toMillis());
        }
    }

    /** mio #1205: a listener deregistered before its connection arrives gives no event; the waker's does. */
    @Test
    void deregisteredListenerStaysQuietWhileTheWakerWakes() throws Exception {
        try (Poll poll = Poll.open(); TcpListener listener = TcpListener.bind(Expect.anyLocalV4())) {
            Events events = Events.withCapacity(16);
            try (Waker waker = Waker.open(poll.registry(), Token.of(10))) {
                poll.registry().register(listener, Token.of(1), Interest.READABLE);
                poll.poll(events, Duration.ZERO);
                assertEquals(0, events.size());
                try (TcpStream stream = TcpStream.connect(listener.localAddress())) {
                    poll.registry().deregister(listener);
                    Thread wake = new Thread(() -> {
                        try {
                            waker.wake();
                        } catch (Exception e) {
                            throw new AssertionError(e);
                        }
                    });
                    wake.start();
                    poll.poll(events, null);
                    wake.join();
                    assertEquals(1, events.size(), () -> "events: " + events);
                    Event event = events.get(0);
                    assertTrue(event.isReadable());
                    assertEquals(Token.of(10), event.token());
                }
            }
        }
    }

    /** mio #1403: an unbound Unix datagram socket sends to a bound one, which sees an unnamed sender. */
    @Test
    void unboundUnixDatagramSenderIsUnnamed() throws Exception {
        Path dir = Descriptors.socketDirectory();
        try (UnixDatagram bound = UnixDatagram.bind(dir.resolve("1403"));
             UnixDatagram unbound = UnixDatagram.unbound()) {
            ByteBuffer data = ByteBuffer.allocate(1024);
            java.util.Arrays.fill(data.array(), (byte) 1);
            int sent = unbound.sendTo(data, dir.resolve("1403"));
            ByteBuffer buffer = ByteBuffer.allocate(1024);
            assertEquals(UnixDomainSocketAddress.of(""), bound.receiveFrom(buffer));
            assertEquals(sent, buffer.position());
        } finally {
            Descriptors.deleteDirectory(dir);
        }
    }
}
