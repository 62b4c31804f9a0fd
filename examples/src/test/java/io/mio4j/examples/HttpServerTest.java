package io.mio4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP example over real loopback sockets, with a plain blocking client. */
class HttpServerTest {
    private static final String GET = "GET / HTTP/1.1\r\nHost: test\r\n\r\n";

    private HttpServer server;
    private Thread thread;

    @BeforeEach
    void start() throws IOException {
        server = new HttpServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        thread = new Thread(server, "http-server");
        thread.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        thread.join(5000);
        assertTrue(!thread.isAlive(), "the server thread ended");
    }

    @Test
    void answersPipelinedRequestsInOrderAndSkipsBodies() throws IOException {
        try (Socket socket = connect()) {
            send(socket, GET
                    + "POST /form HTTP/1.1\r\nHost: test\r\nContent-Length: 11\r\n\r\nGET / HTTP/"   // a body that looks like a request
                    + "GET /third HTTP/1.1\r\ncontent-length:0\r\n\r\n");
            InputStream in = input(socket);
            List<Response> responses = read(in, 3);
            for (Response response : responses) {
                assertEquals("HTTP/1.1 200 OK", response.statusLine);
                assertEquals("Hello, World!", response.body);
                assertTrue(!response.closes, "keep-alive");
            }
            // The connection is still usable.
            send(socket, GET);
            assertEquals("Hello, World!", read(in, 1).get(0).body);
        }
    }

    @Test
    void answersARequestThatArrivesInPieces() throws Exception {
        try (Socket socket = connect()) {
            String twoRequests = GET + "GET /second HTTP/1.1\r\nHost: test\r\n\r\n";
            // Split everywhere that matters: inside the request line, inside CRLF, between requests.
            int[] cuts = {3, 9, 15, 16, 28, 29, 30, 45};
            int from = 0;
            for (int cut : cuts) {
                send(socket, twoRequests.substring(from, cut));
                Thread.sleep(20);   // let the server read this piece on its own
                from = cut;
            }
            send(socket, twoRequests.substring(from));
            List<Response> responses = read(input(socket), 2);
            assertEquals("Hello, World!", responses.get(0).body);
            assertEquals("Hello, World!", responses.get(1).body);
        }
    }

    @Test
    void closesAfterConnectionCloseAndAfterHttp10() throws IOException {
        for (String request : List.of("GET / HTTP/1.1\r\nConnection: Close\r\n\r\n", "GET / HTTP/1.0\r\n\r\n")) {
            try (Socket socket = connect()) {
                send(socket, request + GET);   // the second request comes after the close: never answered
                InputStream in = input(socket);
                Response response = read(in, 1).get(0);
                assertEquals("HTTP/1.1 200 OK", response.statusLine);
                assertTrue(response.closes, "Connection: close in the response to " + request);
                assertEquals(-1, in.read(), "the server closed the connection");
            }
        }
    }

    @Test
    void rejectsMalformedAndOversizedHeads() throws IOException {
        String oversized = "GET / HTTP/1.1\r\nX-Long: " + "a".repeat(HttpConnection.MAX_HEAD) + "\r\n\r\n";
        String[][] cases = {
            {"NONSENSE\r\n\r\n", "HTTP/1.1 400 Bad Request"},
            {"GET / HTTP/1.1\r\nHost : x\r\n\r\n", "HTTP/1.1 400 Bad Request"},
            {"GET / HTTP/1.1\r\nContent-Length: 12x\r\n\r\n", "HTTP/1.1 400 Bad Request"},
            {"GET / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n", "HTTP/1.1 501 Not Implemented"},
            {oversized, "HTTP/1.1 431 Request Header Fields Too Large"},
        };
        for (String[] c : cases) {
            try (Socket socket = connect()) {
                send(socket, c[0]);
                InputStream in = input(socket);
                Response response = read(in, 1).get(0);
                assertEquals(c[1], response.statusLine, c[0].substring(0, Math.min(40, c[0].length())));
                assertTrue(response.closes);
                // The server may reset rather than end the stream when unread bytes remain.
                try {
                    assertEquals(-1, in.read());
                } catch (IOException reset) {
                    // closed either way
                }
            }
        }
    }

    /** More pipelined requests than the socket buffers hold: the server must wait for WRITABLE, keep the unsent rest and go on. */
    @Test
    void keepsUnsentResponsesWhileTheClientIsNotReading() throws Exception {
        int count = 200_000;   // ~6 MB of requests, ~16 MB of responses: more than the kernel buffers hold
        try (Socket socket = connect(16 * 1024)) {
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                try {
                    byte[] batch = GET.repeat(1000).getBytes(StandardCharsets.US_ASCII);
                    for (int i = 0; i < count / 1000; i++) {
                        socket.getOutputStream().write(batch);
                    }
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            Thread.sleep(300);   // the client reads nothing yet: the server's socket fills
            List<Response> responses = read(input(socket), count);
            writer.get(10, TimeUnit.SECONDS);
            assertEquals(count, responses.size());
            assertTrue(responses.stream().allMatch(r -> r.body.equals("Hello, World!")));
        }
    }

    private Socket connect() throws IOException {
        return connect(0);
    }

    /** A connection whose receive buffer is {@code receiveBuffer} bytes (0: the default). */
    private Socket connect(int receiveBuffer) throws IOException {
        Socket socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(server.address(), 5000);
        socket.setSoTimeout(10_000);
        socket.setTcpNoDelay(true);
        return socket;
    }

    private static InputStream input(Socket socket) throws IOException {
        return new BufferedInputStream(socket.getInputStream());
    }

    private static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private record Response(String statusLine, boolean closes, String body) {
    }

    /** Reads exactly {@code count} responses, each framed by its Content-Length. */
    private static List<Response> read(InputStream in, int count) throws IOException {
        List<Response> responses = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int last4 = 0;   // the last four bytes read, one per byte of the int
            while (last4 != 0x0d0a0d0a) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("stream ended after " + r + " responses");
                }
                head.write(b);
                last4 = (last4 << 8) | b;
            }
            String[] lines = head.toString(StandardCharsets.US_ASCII).split("\r\n");
            int length = 0;
            boolean closes = false;
            for (String line : lines) {
                String lower = line.toLowerCase();
                if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).trim());
                } else if (lower.equals("connection: close")) {
                    closes = true;
                }
            }
            byte[] body = in.readNBytes(length);
            responses.add(new Response(lines[0], closes, new String(body, StandardCharsets.US_ASCII)));
        }
        return responses;
    }
}
