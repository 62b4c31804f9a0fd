package io.mio4j.unix;

import io.mio4j.LinuxOnly;
import io.mio4j.Events;
import io.mio4j.Expect;
import io.mio4j.Interest;
import io.mio4j.Poll;
import io.mio4j.Token;
import io.mio4j.internal.epoll.EpollCalls;
import io.mio4j.internal.loader.Binding;
import io.mio4j.internal.unix.Posix;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static io.mio4j.Expect.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SourceFd with a descriptor the test owns: an eventfd, which becomes readable when written. */
@LinuxOnly
class SourceFdTest {
    private static final EpollCalls EVENTFD = Binding.implementation(EpollCalls.class);

    private Poll poll;
    private final Events events = Events.withCapacity(8);
    private int eventFd = -1;

    @BeforeEach
    void setUp() throws IOException {
        poll = Poll.open();
        eventFd = EVENTFD.eventfd();
        assertTrue(eventFd >= 0, "eventfd: " + eventFd);
    }

    @AfterEach
    void tearDown() throws IOException {
        poll.close();
        Posix.CALLS.close(eventFd);
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
        SourceFd source = SourceFd.of(eventFd);
        assertEquals(eventFd, source.fd());
        poll.registry().register(source, Token.of(3), Interest.READABLE);
        Expect.noEvents(poll, events);

        assertEquals(0, EVENTFD.eventfdWrite(eventFd, 1));
        Expect.events(poll, events, event(3, Interest.READABLE));
        assertEquals(0, EVENTFD.eventfdRead(eventFd));

        poll.registry().reregister(source, Token.of(4), Interest.READABLE);
        assertEquals(0, EVENTFD.eventfdWrite(eventFd, 1));
        Expect.events(poll, events, event(4, Interest.READABLE));
        assertEquals(0, EVENTFD.eventfdRead(eventFd));

        poll.registry().deregister(source);
        assertEquals(0, EVENTFD.eventfdWrite(eventFd, 1));
        Expect.noEvents(poll, events);
    }

    @Test
    void aSecondSourceFdForTheSameDescriptorCountsAsTheSameRegistration() throws Exception {
        poll.registry().register(SourceFd.of(eventFd), Token.of(1), Interest.READABLE);
        // The OS's rule, passed straight through: the descriptor is already registered.
        IOException e = assertThrows(IOException.class,
                () -> poll.registry().register(SourceFd.of(eventFd), Token.of(2), Interest.READABLE));
        assertTrue(e.getMessage().contains("File exists"), e.getMessage());
        // The refused registration left the first one as it was.
        assertEquals(0, EVENTFD.eventfdWrite(eventFd, 1));
        Expect.events(poll, events, event(1, Interest.READABLE));
        poll.registry().deregister(SourceFd.of(eventFd));
        IOException again = assertThrows(IOException.class, () -> poll.registry().deregister(SourceFd.of(eventFd)));
        assertTrue(again.getMessage().contains("No such file or directory"), again.getMessage());
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
        SourceFd source = SourceFd.of(eventFd);
        assertThrows(NullPointerException.class, () -> poll.registry().register(source, null, Interest.READABLE));
        assertThrows(NullPointerException.class, () -> poll.registry().register(source, Token.of(1), null));
    }
}
