/**
 * Non-blocking sockets to register with a {@link io.mio4j.Poll}, after mio's {@code net}
 * module: {@link io.mio4j.net.TcpListener} and {@link io.mio4j.net.TcpStream},
 * {@link io.mio4j.net.UdpSocket}, and the Unix domain sockets
 * {@link io.mio4j.net.UnixListener}, {@link io.mio4j.net.UnixStream} and
 * {@link io.mio4j.net.UnixDatagram}. Every socket is non-blocking and close-on-exec from
 * birth. A call that would block returns at once &mdash; {@code accept()} {@code null},
 * {@code read}/{@code write} {@code 0}, {@code receive} {@code null} &mdash; and the
 * next readiness event says when to try again; errors are {@link java.io.IOException}s
 * carrying the OS's reason.
 *
 * <p>A client in the poll loop of {@link io.mio4j}: connect, wait until writable (the
 * connection is made, or has failed), send, then read the answer as it comes.
 *
 * <pre>{@code
 * try (Poll poll = Poll.open();
 *      TcpStream stream = TcpStream.connect(new InetSocketAddress("127.0.0.1", 7000))) {
 *     Token client = Token.of(0);
 *     poll.registry().register(stream, client, Interest.WRITABLE.add(Interest.READABLE));
 *     Events events = Events.withCapacity(8);
 *     ByteBuffer request = ByteBuffer.wrap("ping\n".getBytes(StandardCharsets.US_ASCII));
 *     ByteBuffer answer = ByteBuffer.allocate(64);
 *     while (answer.position() < request.capacity()) {
 *         poll.poll(events, Duration.ofSeconds(5));
 *         for (Event event : events) {
 *             if (event.isWritable() && request.hasRemaining()) {
 *                 stream.write(request);            // may write part: the next WRITABLE says when to go on
 *             }
 *             if (event.isReadable() && stream.read(answer) < 0) {
 *                 throw new EOFException("closed before the answer");
 *             }
 *         }
 *     }
 * }
 * }</pre>
 */
package io.mio4j.net;
