/**
 * Unix-only sources: {@link io.mio4j.unix.Pipe} (a non-blocking pipe, both ends
 * registrable) and {@link io.mio4j.unix.SourceFd} (a descriptor the caller owns, such as
 * a timerfd or another library's socket). On Windows their factories throw
 * {@link java.lang.UnsupportedOperationException}.
 *
 * <p>A pipe as a wake-up channel in the poll loop of {@link io.mio4j}:
 *
 * <pre>{@code
 * try (Poll poll = Poll.open()) {
 *     Pipe pipe = Pipe.open();
 *     Token wakeups = Token.of(1);
 *     poll.registry().register(pipe.receiver(), wakeups, Interest.READABLE);
 *     pipe.sender().write(ByteBuffer.wrap(new byte[] {1}));   // from any thread
 *     Events events = Events.withCapacity(8);
 *     poll.poll(events, Duration.ofSeconds(1));
 *     ByteBuffer drain = ByteBuffer.allocate(64);
 *     for (Event event : events) {
 *         if (event.token().equals(wakeups)) {
 *             while (pipe.receiver().read(drain.clear()) > 0) {
 *                 // edge-triggered: drain until would-block (0)
 *             }
 *         }
 *     }
 *     pipe.sender().close();
 *     pipe.receiver().close();
 * }
 * }</pre>
 */
package io.mio4j.unix;
