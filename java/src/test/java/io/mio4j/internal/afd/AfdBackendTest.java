package io.mio4j.internal.afd;

import io.mio4j.internal.SocketKind;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the Windows backend says about Unix-only things, decided before any Winsock call (runs on Linux). */
class AfdBackendTest {
    private final AfdBackend backend = new AfdBackend();

    @Test
    void unixDomainSocketsAreUnsupportedWithTheirPublicName() {
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> backend.openSocket(SocketKind.UNIX_STREAM, false));
        assertTrue(e.getMessage().startsWith("UnixStream is Unix-only"), e.getMessage());
        e = assertThrows(UnsupportedOperationException.class, () -> backend.openSocket(SocketKind.UNIX_LISTENER, false));
        assertTrue(e.getMessage().startsWith("UnixListener is Unix-only"), e.getMessage());
    }

    @Test
    void socketPairsAreUnsupported() {
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> backend.openSocketPair(SocketKind.UNIX_DATAGRAM));
        assertTrue(e.getMessage().startsWith("UnixDatagram.pair() is Unix-only"), e.getMessage());
    }

    @Test
    void requireUnixNamesWhatIsMissing() {
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> backend.requireUnix("Pipe"));
        assertTrue(e.getMessage().startsWith("Pipe is Unix-only"), e.getMessage());
        assertTrue(e.getMessage().contains("TCP and UDP"), e.getMessage());
    }
}
