/**
 * Readiness events over the operating system's poller, after Rust's mio 0.7: a
 * {@link io.mio4j.Poll} waits for events on the sources registered with its
 * {@link io.mio4j.Registry}, each under a {@link io.mio4j.Token} and with an
 * {@link io.mio4j.Interest}; the events land in {@link io.mio4j.Events}, an off-heap
 * buffer the kernel fills and Java reads in place, so polling allocates nothing. A
 * {@link io.mio4j.Waker} wakes a poll from another thread. The sockets are in
 * {@link io.mio4j.net}, pipes and foreign descriptors in {@link io.mio4j.unix}.
 *
 * <p>Events are edge-triggered: after an event, read (or write, or accept) until the call
 * reports would-block &mdash; {@code 0} bytes or {@code null} &mdash; before waiting for
 * the next one. The poll loop of an echo server:
 *
 * <pre>{@code
 * try (Poll poll = Poll.open();
 *      TcpListener listener = TcpListener.bind(new InetSocketAddress("127.0.0.1", 7000))) {
 *     Token server = Token.of(0);
 *     poll.registry().register(listener, server, Interest.READABLE);
 *     Map<Long, TcpStream> connections = new HashMap<>();
 *     ByteBuffer buffer = ByteBuffer.allocateDirect(4096);
 *     Events events = Events.withCapacity(128);
 *     long next = 1;
 *     for (;;) {
 *         poll.poll(events, null);                      // null: no timeout
 *         for (Event event : events) {
 *             if (event.token().equals(server)) {
 *                 TcpStream stream;
 *                 while ((stream = listener.accept()) != null) {   // null: would block
 *                     poll.registry().register(stream, Token.of(next), Interest.READABLE);
 *                     connections.put(next++, stream);
 *                 }
 *                 continue;
 *             }
 *             TcpStream stream = connections.get(event.token().value());
 *             int n;
 *             while ((n = stream.read(buffer.clear())) > 0) {       // 0: would block
 *                 stream.write(buffer.flip());   // a real server keeps what is left and waits for WRITABLE
 *             }
 *             if (n < 0) {                                          // end of stream
 *                 poll.registry().deregister(stream);
 *                 connections.remove(event.token().value()).close();
 *             }
 *         }
 *     }
 * }
 * }</pre>
 *
 * <p>{@link io.mio4j.Mio4j#backend()} says which poller and binding serve this JVM, and
 * {@link io.mio4j.Mio4j#diagnostics()} how the native library was found. The library
 * comes from the platform-classifier JAR ({@code io.mio4j:mio4j:<version>:linux-x86_64},
 * {@code windows-x86_64}...) on the class path.
 */
package io.mio4j;
