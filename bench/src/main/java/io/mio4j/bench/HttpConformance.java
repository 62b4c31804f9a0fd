package io.mio4j.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Before workload (f) is measured, every HTTP server is checked to do the same work
 * correctly: pipelined requests with a body to skip, a request in pieces, Connection:
 * close and HTTP/1.0, a malformed head, and responses held back while the client does
 * not read. The same checks as examples/src/test/.../HttpServerTest.java, over the wire,
 * so that they apply to the C, NIO and Netty servers too. A failure is an IOException
 * naming the check.
 */
final class HttpConformance {
    private static final String GET = "GET / HTTP/1.1\r\nHost: check\r\n\r\n";
    private static final String HELLO = "Hello, World!";

    private final InetSocketAddress server;

    private HttpConformance(int port) {
        this.server = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    static void check(int port) throws Exception {
        HttpConformance check = new HttpConformance(port);
        check.pipelined();
        check.inPieces();
        check.closing();
        check.malformed();
        check.backPressure();
    }

    private void pipelined() throws IOException {
        try (Socket socket = connect(0)) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            send(socket, GET + "POST /form HTTP/1.1\r\nContent-Length: 11\r\n\r\nGET / HTTP/" + "GET /3 HTTP/1.1\r\n\r\n");
            for (Response response : read(in, 3)) {
                expect(response.is200() && !response.closes, "pipelined: keep-alive 200s, got " + response);
            }
            send(socket, GET);
            expect(read(in, 1).get(0).is200(), "pipelined: the connection is still usable");
        }
    }

    private void inPieces() throws Exception {
        try (Socket socket = connect(0)) {
            String two = GET + "GET /2 HTTP/1.1\r\nHost: check\r\n\r\n";
            int from = 0;
            for (int cut : new int[] {3, 9, 15, 16, 29, 30, 31, 47}) {
                send(socket, two.substring(from, cut));
                Thread.sleep(15);
                from = cut;
            }
            send(socket, two.substring(from));
            for (Response response : read(new BufferedInputStream(socket.getInputStream()), 2)) {
                expect(response.is200(), "in pieces: got " + response);
            }
        }
    }

    private void closing() throws IOException {
        for (String request : List.of("GET / HTTP/1.1\r\nConnection: close\r\n\r\n", "GET / HTTP/1.0\r\n\r\n")) {
            try (Socket socket = connect(0)) {
                InputStream in = new BufferedInputStream(socket.getInputStream());
                send(socket, request + GET);
                Response response = read(in, 1).get(0);
                expect(response.is200() && response.closes, "closing: " + request.trim() + " got " + response);
                expect(in.read() == -1, "closing: the server closes after " + request.trim());
            }
        }
    }

    private void malformed() throws IOException {
        try (Socket socket = connect(0)) {
            send(socket, "NONSENSE\r\n\r\n");
            Response response = read(new BufferedInputStream(socket.getInputStream()), 1).get(0);
            expect(response.statusLine.equals("HTTP/1.1 400 Bad Request") && response.closes,
                    "malformed: expected 400, got " + response);
        }
    }

    private void backPressure() throws Exception {
        int count = 200_000;   // ~16 MB of responses: more than the kernel buffers hold
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
            Thread.sleep(200);
            List<Response> responses = read(new BufferedInputStream(socket.getInputStream()), count);
            writer.get(20, TimeUnit.SECONDS);
            expect(responses.stream().allMatch(Response::is200), "back-pressure: every response a 200");
        }
    }

    private Socket connect(int receiveBuffer) throws IOException {
        Socket socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(server, 5000);
        socket.setSoTimeout(10_000);
        socket.setTcpNoDelay(true);
        return socket;
    }

    private static void send(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
    }

    private static void expect(boolean condition, String what) throws IOException {
        if (!condition) {
            throw new IOException("HTTP check failed: " + what);
        }
    }

    private record Response(String statusLine, boolean closes, String body) {
        boolean is200() {
            return statusLine.equals("HTTP/1.1 200 OK") && body.equals(HELLO);
        }
    }

    private static List<Response> read(InputStream in, int count) throws IOException {
        List<Response> responses = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int last4 = 0;
            while (last4 != 0x0d0a0d0a) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("HTTP check failed: the stream ended after " + r + " of " + count + " responses");
                }
                head.write(b);
                last4 = (last4 << 8) | b;
            }
            String[] lines = head.toString(StandardCharsets.US_ASCII).split("\r\n");
            int length = 0;
            boolean closes = false;
            for (String line : lines) {
                String lower = line.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).trim());
                } else if (lower.equals("connection: close")) {
                    closes = true;
                }
            }
            responses.add(new Response(lines[0], closes, new String(in.readNBytes(length), StandardCharsets.US_ASCII)));
        }
        return responses;
    }
}
