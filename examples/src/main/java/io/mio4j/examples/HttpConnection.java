package io.mio4j.examples;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.charset.StandardCharsets;

/**
 * One connection of the hello-world HTTP/1.1 server: its two buffers and the protocol.
 * Every request gets the same {@code 200 OK} with a {@code Content-Length}; the
 * connection stays open (keep-alive) unless the client says {@code Connection: close}
 * or speaks HTTP/1.0. Pipelined requests are answered in order, a request that arrives
 * in pieces is answered once its head is complete, and a body announced by
 * {@code Content-Length} is read and discarded.
 *
 * <p>It knows nothing of the poller. {@link #serve()} reads, answers and writes as far
 * as the socket allows without blocking, then says what it waits for: more bytes to
 * read, room to write, or nothing (close it). {@link HttpServer} drives it with mio4j;
 * the benchmarks drive this same class with {@code java.nio}'s Selector.
 */
public final class HttpConnection {
    /** What a connection waits for after {@link #serve()}. */
    public enum Next {
        /** Everything read was answered and sent: wait until it is readable. */
        READ,
        /** The socket took only part of the responses: wait until it is writable. */
        WRITE,
        /** The peer closed, or a response that ends the connection has been sent: close it. */
        CLOSE
    }

    /** The longest request head accepted; a longer one is answered with 431 and closed. */
    public static final int MAX_HEAD = 8192;
    private static final int OUT_CAPACITY = 16384;

    private static final byte[] OK = ascii("HTTP/1.1 200 OK\r\nContent-Length: 13\r\n"
            + "Content-Type: text/plain\r\n\r\nHello, World!");
    private static final byte[] OK_THEN_CLOSE = ascii("HTTP/1.1 200 OK\r\nContent-Length: 13\r\n"
            + "Content-Type: text/plain\r\nConnection: close\r\n\r\nHello, World!");
    private static final byte[] BAD_REQUEST = ascii("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n"
            + "Connection: close\r\n\r\n");
    private static final byte[] HEAD_TOO_LARGE = ascii("HTTP/1.1 431 Request Header Fields Too Large\r\n"
            + "Content-Length: 0\r\nConnection: close\r\n\r\n");
    private static final byte[] NOT_IMPLEMENTED = ascii("HTTP/1.1 501 Not Implemented\r\nContent-Length: 0\r\n"
            + "Connection: close\r\n\r\n");

    private static final byte[] HTTP_1 = ascii("HTTP/1.");
    private static final byte[] CONTENT_LENGTH = ascii("content-length");
    private static final byte[] CONNECTION = ascii("connection");
    private static final byte[] TRANSFER_ENCODING = ascii("transfer-encoding");
    private static final byte[] CLOSE = ascii("close");

    private final ByteChannel channel;
    /** Bytes received and not answered yet, from 0 to position (an incomplete request head). */
    private final ByteBuffer in = ByteBuffer.allocateDirect(MAX_HEAD);
    /** Responses not sent yet, from 0 to position. */
    private final ByteBuffer out = ByteBuffer.allocateDirect(OUT_CAPACITY);
    /** Bytes of a request body still to come; they are discarded. */
    private long bodyToSkip;
    /** A response that ends the connection is in {@code out}: read nothing more. */
    private boolean closeAfterSending;

    // What parseHead learnt about the request it parsed.
    private byte[] response;
    private long contentLength;

    /** @param channel a connected, non-blocking channel (read and write return 0 for would-block) */
    public HttpConnection(ByteChannel channel) {
        this.channel = channel;
    }

    /**
     * Reads until the socket would block, answering every complete request, and writes
     * the responses until they are all sent or the socket is full. Unsent bytes are kept
     * for the next call: call it again on the readiness it returns.
     */
    public Next serve() throws IOException {
        for (;;) {
            if (!answer() || !send()) {
                return Next.WRITE;
            }
            if (closeAfterSending) {
                return Next.CLOSE;
            }
            if (!in.hasRemaining()) {
                // answer() leaves only an incomplete head: this one fills the whole buffer.
                out.put(HEAD_TOO_LARGE);
                closeAfterSending = true;
                continue;
            }
            int n = channel.read(in);
            if (n < 0) {
                return Next.CLOSE;
            }
            if (n == 0) {
                return Next.READ;
            }
        }
    }

    /**
     * Answers the complete requests in {@code in}, sending {@code out} whenever it is
     * full; keeps what is not answered yet. False when the socket would take no more.
     */
    private boolean answer() throws IOException {
        int start = 0;
        int end = in.position();
        boolean socketFull = false;
        while (start < end && !closeAfterSending) {
            if (bodyToSkip > 0) {
                int skipped = (int) Math.min(bodyToSkip, end - start);
                start += skipped;
                bodyToSkip -= skipped;
                continue;
            }
            int headEnd = parseHead(start, end);
            if (headEnd < 0) {
                break;   // the rest of this head is still on its way
            }
            if (out.remaining() < response.length && !send()) {
                socketFull = true;   // answer it once the socket has room
                break;
            }
            out.put(response);
            start = headEnd;
            bodyToSkip = contentLength;
            closeAfterSending = response != OK;
        }
        in.flip().position(start);
        in.compact();
        return !socketFull;
    }

    /** Writes what {@code out} holds; false when the socket took only part of it. */
    private boolean send() throws IOException {
        if (out.position() == 0) {
            return true;
        }
        out.flip();
        while (out.hasRemaining() && channel.write(out) > 0) {
            // the socket takes what it can
        }
        boolean all = !out.hasRemaining();
        out.compact();
        return all;
    }

    /**
     * Parses the request head that starts at {@code start}, up to its blank line. Returns
     * the index just past that line, or -1 when the head is not all here yet. Sets
     * {@code response} (the answer) and {@code contentLength}. A malformed head is
     * answered with 400 and ends the connection, so parsing stops at the first bad line.
     */
    private int parseHead(int start, int end) {
        response = OK;
        contentLength = 0;
        boolean requestLine = true;
        int lineStart = start;
        for (int i = start; i < end - 1; i++) {
            if (in.get(i) != '\r') {
                continue;
            }
            if (in.get(i + 1) != '\n') {
                response = BAD_REQUEST;   // a CR that does not end a line
                return end;
            }
            if (i == lineStart) {
                if (!requestLine) {
                    return i + 2;   // the blank line: the head is complete
                }
                lineStart = i + 2;   // an empty line before a request is ignored (RFC 9112, 2.2)
                i++;
                continue;
            }
            if (requestLine) {
                parseRequestLine(lineStart, i);
                requestLine = false;
            } else {
                parseHeaderLine(lineStart, i);
            }
            if (response != OK && response != OK_THEN_CLOSE) {
                return end;
            }
            lineStart = i + 2;
            i++;
        }
        return -1;
    }

    /** METHOD SP TARGET SP HTTP/1.x, in [from, to). HTTP/1.0 is answered, then closed. */
    private void parseRequestLine(int from, int to) {
        int firstSpace = indexOf((byte) ' ', from, to);
        int lastSpace = lastIndexOf((byte) ' ', from, to);
        if (firstSpace <= from || lastSpace <= firstSpace + 1 || to - lastSpace - 1 != HTTP_1.length + 1
                || !startsWith(lastSpace + 1, HTTP_1)) {
            response = BAD_REQUEST;
            return;
        }
        byte minor = in.get(to - 1);
        if (minor == '0') {
            response = OK_THEN_CLOSE;
        } else if (minor != '1') {
            response = BAD_REQUEST;
        }
    }

    /** NAME ":" OWS VALUE OWS, in [from, to); only the three headers that frame a request matter. */
    private void parseHeaderLine(int from, int to) {
        int colon = indexOf((byte) ':', from, to);
        if (colon <= from || isSpace(in.get(from)) || isSpace(in.get(colon - 1))) {
            response = BAD_REQUEST;   // no name, a folded line, or space before the colon
            return;
        }
        int valueStart = colon + 1;
        int valueEnd = to;
        while (valueStart < valueEnd && isSpace(in.get(valueStart))) {
            valueStart++;
        }
        while (valueEnd > valueStart && isSpace(in.get(valueEnd - 1))) {
            valueEnd--;
        }
        if (equalsIgnoreCase(from, colon, CONTENT_LENGTH)) {
            contentLength = parseLength(valueStart, valueEnd);
            if (contentLength < 0) {
                response = BAD_REQUEST;
            }
        } else if (equalsIgnoreCase(from, colon, TRANSFER_ENCODING)) {
            response = NOT_IMPLEMENTED;   // chunked bodies are not supported: we could not find the next request
        } else if (equalsIgnoreCase(from, colon, CONNECTION) && equalsIgnoreCase(valueStart, valueEnd, CLOSE)) {
            response = OK_THEN_CLOSE;
        }
    }

    /** Decimal digits to a length, or -1 when they are not one (empty, not digits, too long). */
    private long parseLength(int from, int to) {
        if (from == to || to - from > 18) {
            return -1;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            byte b = in.get(i);
            if (b < '0' || b > '9') {
                return -1;
            }
            value = value * 10 + (b - '0');
        }
        return value;
    }

    /** Whether [from, to) is {@code lowerCase}, ignoring ASCII case. */
    private boolean equalsIgnoreCase(int from, int to, byte[] lowerCase) {
        if (to - from != lowerCase.length) {
            return false;
        }
        for (int i = 0; i < lowerCase.length; i++) {
            byte b = in.get(from + i);
            if (b >= 'A' && b <= 'Z') {
                b += 'a' - 'A';
            }
            if (b != lowerCase[i]) {
                return false;
            }
        }
        return true;
    }

    private boolean startsWith(int from, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (in.get(from + i) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private int indexOf(byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (in.get(i) == b) {
                return i;
            }
        }
        return -1;
    }

    private int lastIndexOf(byte b, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            if (in.get(i) == b) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t';
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
