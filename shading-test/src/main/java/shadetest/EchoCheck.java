package shadetest;

import io.mio4j.Event;
import io.mio4j.Events;
import io.mio4j.Interest;
import io.mio4j.Mio4j;
import io.mio4j.Poll;
import io.mio4j.Token;
import io.mio4j.internal.loader.LibraryJni;
import io.mio4j.net.TcpListener;
import io.mio4j.net.TcpStream;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Echoes messages over loopback through one copy of mio4j's classes: the unshaded one,
 * or, in the shaded JAR, the relocated one (shading rewrites this class's references).
 * Prints, or returns, one line saying which classes did it, how the library was found and
 * which class names the library bound.
 */
public final class EchoCheck {
    private static final Token LISTENER = Token.of(0);
    private static final Token CLIENT = Token.of(1);
    private static final Token SERVER = Token.of(2);
    private static final int MESSAGES = 100;
    private static final long TIMEOUT_NANOS = Duration.ofSeconds(10).toNanos();

    private EchoCheck() {
    }

    public static void main(String[] args) throws IOException {
        System.out.println(run());
    }

    public static String run() throws IOException {
        StringBuilder expected = new StringBuilder();
        StringBuilder received = new StringBuilder();
        try (Poll poll = Poll.open();
             TcpListener listener = TcpListener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             TcpStream client = TcpStream.connect(listener.localAddress())) {
            poll.registry().register(listener, LISTENER, Interest.READABLE);
            poll.registry().register(client, CLIENT, Interest.READABLE.add(Interest.WRITABLE));
            Events events = Events.withCapacity(16);
            ByteBuffer buffer = ByteBuffer.allocateDirect(4096);
            TcpStream server = null;
            boolean connected = false;
            int sent = 0;
            long deadline = System.nanoTime() + TIMEOUT_NANOS;
            try {
                while (received.length() < expected.length() || sent < MESSAGES) {
                    if (System.nanoTime() - deadline > 0) {
                        throw new IllegalStateException("no echo within 10 s: sent " + sent + ", received " + received);
                    }
                    poll.poll(events, Duration.ofMillis(100));
                    for (Event event : events) {
                        if (event.token().equals(LISTENER)) {
                            TcpStream accepted;
                            while ((accepted = listener.accept()) != null) {
                                server = accepted;
                                poll.registry().register(server, SERVER, Interest.READABLE);
                            }
                        } else if (event.token().equals(CLIENT) && event.isWritable()) {
                            connected = true;
                        } else if (event.token().equals(SERVER)) {
                            int n;
                            while ((n = server.read(buffer.clear())) > 0) {
                                buffer.flip();
                                while (buffer.hasRemaining()) {
                                    server.write(buffer);   // a few bytes: the socket buffer has room
                                }
                            }
                        }
                    }
                    if (!connected) {
                        continue;
                    }
                    int n;
                    while ((n = client.read(buffer.clear())) > 0) {
                        received.append(StandardCharsets.US_ASCII.decode(buffer.flip()));
                    }
                    if (n < 0) {
                        throw new IOException("the echo server closed the connection");
                    }
                    // one message in flight: the next goes when the last came back
                    if (sent < MESSAGES && received.length() == expected.length()) {
                        String message = "ping " + sent++ + "\n";
                        expected.append(message);
                        ByteBuffer out = ByteBuffer.wrap(message.getBytes(StandardCharsets.US_ASCII));
                        while (out.hasRemaining()) {
                            client.write(out);
                        }
                    }
                }
            } finally {
                if (server != null) {
                    server.close();
                }
            }
        }
        if (!received.toString().equals(expected.toString())) {
            throw new IllegalStateException("echoed " + received + ", sent " + expected);
        }
        String firstBound = LibraryJni.describeNatives().lines().findFirst().orElse("nothing");
        return "echo ok: " + MESSAGES + " messages through " + Poll.class.getName() + " (" + Mio4j.backend() + ");"
                + " the library bound " + firstBound.substring(0, firstBound.indexOf(' ')) + " ...;"
                + " " + libraryLine();
    }

    /** How this copy found its library: the diagnostics' library and origin lines. */
    private static String libraryLine() {
        return String.join("; ", Mio4j.diagnostics().lines()
                .filter(l -> l.startsWith("library:") || l.startsWith("origin:"))
                .map(l -> l.replaceAll("\\s+", " ")).toList());
    }
}
