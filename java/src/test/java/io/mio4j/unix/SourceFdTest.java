package io.mio4j.unix;

import io.mio4j.EpollOnly;
import io.mio4j.Events;
import io.mio4j.Expect;
import io.mio4j.Interest;
import io.mio4j.KqueueOnly;
import io.mio4j.Poll;
import io.mio4j.Token;
import io.mio4j.UnixOnly;
import io.mio4j.internal.unix.Posix;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;

import static io.mio4j.Expect.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SourceFd with descriptors the test owns: the ends of a pipe, whose read end becomes
 * readable when a byte is written to the other.
 */
@UnixOnly
class SourceFdTest {
    private final ByteBuffer one = ByteBuffer.allocateDirect(1);
    private Poll poll;
    private final Events events = Events.withCapacity(8);
    private final int[] pipe = {-1, -1};

    @BeforeEach
    void setUp() throws IOException {
        poll = Poll.open();
        assertEquals(0, Posix.CALLS.pipe(pipe));
    }

    @AfterEach
    void tearDown() throws IOException {
        poll.close();
        Posix.CALLS.close(pipe[0]);
        Posix.CALLS.close(pipe[1]);
    }

    private void writeByte() {
        assertEquals(1, Posix.CALLS.write(pipe[1], one, 0, 1));
    }

    private void readByte() {
        assertEquals(1, Posix.CALLS.read(pipe[0], one, 0, 1));
    }

    /** Descriptors this process has open now whose /proc link names an anonymous inode of this kind. */
    private static java.util.Set<Integer> anonymous(String kind) throws IOException {
        java.util.Set<Integer> fds = new java.util.TreeSet<>();
        try (java.util.stream.Stream<java.nio.file.Path> all = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/fd"))) {
            for (java.nio.file.Path fd : (Iterable<java.nio.file.Path>) all::iterator) {
                try {
                    if (java.nio.file.Files.readSymbolicLink(fd).toString().equals("anon_inode:[" + kind + "]")) {
                        fds.add(Integer.valueOf(fd.getFileName().toString()));
                    }
                } catch (IOException gone) {
                    // closed meanwhile (the listing's own descriptor): not ours
                }
            }
        }
        return fds;
    }

    @Test
    void thePollsOwnDescriptorsAreRefusedSoNoUserCanBreakItsWakeUps() throws Exception {
        java.util.Set<Integer> before = anonymous("eventfd");
        java.util.Set<Integer> epollsBefore = anonymous("eventpoll");
        try (Poll other = Poll.open(); io.mio4j.Waker waker = io.mio4j.Waker.open(other.registry(), Token.of(9))) {
            java.util.Set<Integer> own = anonymous("eventfd");
            own.removeAll(before);
            java.util.Set<Integer> epolls = anonymous("eventpoll");
            epolls.removeAll(epollsBefore);
            own.addAll(epolls);
            assertEquals(3, own.size(), "the epoll descriptor, its wake-up eventfd and the Waker's: " + own);
            for (int fd : own) {
                SourceFd source = SourceFd.of(fd);
                assertThrows(IllegalArgumentException.class, () -> other.registry().deregister(source), "fd " + fd);
                assertThrows(IllegalArgumentException.class,
                        () -> other.registry().register(source, Token.of(1), Interest.READABLE), "fd " + fd);
                assertThrows(IllegalArgumentException.class,
                        () -> other.registry().reregister(source, Token.of(1), Interest.READABLE), "fd " + fd);
            }
            // Still wakes: for the Waker, and for close() of a blocked poll.
            waker.wake();
            Events woken = Events.withCapacity(4);
            assertEquals(1, other.poll(woken, java.time.Duration.ofSeconds(5)));
            assertEquals(9, woken.get(0).token().value());
        }
    }

    @Test
    void callerOwnedDescriptorReportsItsEventsUntilDeregistered() throws Exception {
        SourceFd source = SourceFd.of(pipe[0]);
        assertEquals(pipe[0], source.fd());
        poll.registry().register(source, Token.of(3), Interest.READABLE);
        Expect.noEvents(poll, events);

        writeByte();
        Expect.events(poll, events, event(3, Interest.READABLE));
        readByte();

        poll.registry().reregister(source, Token.of(4), Interest.READABLE);
        writeByte();
        Expect.events(poll, events, event(4, Interest.READABLE));
        readByte();

        poll.registry().deregister(source);
        writeByte();
        Expect.noEvents(poll, events);
    }

    @Test
    @EpollOnly
    void onEpollASecondSourceFdForTheSameDescriptorIsRefused() throws Exception {
        poll.registry().register(SourceFd.of(pipe[0]), Token.of(1), Interest.READABLE);
        // The OS's rule, passed straight through: the descriptor is already registered.
        IOException e = assertThrows(IOException.class,
                () -> poll.registry().register(SourceFd.of(pipe[0]), Token.of(2), Interest.READABLE));
        assertTrue(e.getMessage().contains("File exists"), e.getMessage());
        // The refused registration left the first one as it was.
        writeByte();
        Expect.events(poll, events, event(1, Interest.READABLE));
        poll.registry().deregister(SourceFd.of(pipe[0]));
        IOException again = assertThrows(IOException.class, () -> poll.registry().deregister(SourceFd.of(pipe[0])));
        assertTrue(again.getMessage().contains("No such file or directory"), again.getMessage());
    }

    @Test
    @KqueueOnly
    void onKqueueASecondSourceFdForTheSameDescriptorReplacesTheFirstRegistration() throws Exception {
        poll.registry().register(SourceFd.of(pipe[0]), Token.of(1), Interest.READABLE);
        // The OS's rule, passed straight through as mio does: EV_ADD of a filter that is
        // there modifies it, and deleting one that is not there (ENOENT) is no error.
        poll.registry().register(SourceFd.of(pipe[0]), Token.of(2), Interest.READABLE);
        writeByte();
        Expect.events(poll, events, event(2, Interest.READABLE));
        for (var event : events) {
            assertEquals(Token.of(2), event.token(), event::toString);
        }
        poll.registry().deregister(SourceFd.of(pipe[0]));
        poll.registry().deregister(SourceFd.of(pipe[0]));
        readByte();
        writeByte();
        Expect.noEvents(poll, events);
    }

    @Test
    void aDescriptorBeyondWhatAPollerTracksIsAClearErrorNotAnOutOfMemoryError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> poll.registry().register(SourceFd.of(Integer.MAX_VALUE), Token.of(1), Interest.READABLE));
        assertTrue(e.getMessage().contains("2147483647"), e.getMessage());
    }

    @Test
    void negativeDescriptorsAndNullArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> SourceFd.of(-1));
        SourceFd source = SourceFd.of(pipe[0]);
        assertThrows(NullPointerException.class, () -> poll.registry().register(source, null, Interest.READABLE));
        assertThrows(NullPointerException.class, () -> poll.registry().register(source, Token.of(1), null));
    }
}
