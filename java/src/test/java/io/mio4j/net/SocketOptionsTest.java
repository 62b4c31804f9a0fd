package io.mio4j.net;

import io.mio4j.Expect;
import jdk.net.ExtendedSocketOptions;
import org.junit.jupiter.api.Test;

import java.net.StandardSocketOptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SocketOptionsTest {
    @Test
    void streamOptionsRoundTrip() throws Exception {
        try (TcpListener listener = TcpListener.bind(Expect.anyLocalV4());
             TcpStream stream = TcpStream.connect(listener.localAddress())) {
            stream.setOption(StandardSocketOptions.TCP_NODELAY, true);
            assertTrue(stream.getOption(StandardSocketOptions.TCP_NODELAY));
            stream.setOption(StandardSocketOptions.SO_KEEPALIVE, true);
            assertTrue(stream.getOption(StandardSocketOptions.SO_KEEPALIVE));
            stream.setOption(StandardSocketOptions.SO_LINGER, 7);
            assertEquals(7, stream.getOption(StandardSocketOptions.SO_LINGER));
            stream.setOption(StandardSocketOptions.SO_LINGER, -1);
            assertEquals(-1, stream.getOption(StandardSocketOptions.SO_LINGER));
            stream.setOption(StandardSocketOptions.IP_TOS, 0x10);
            assertEquals(0x10, stream.getOption(StandardSocketOptions.IP_TOS));
            stream.setOption(ExtendedSocketOptions.TCP_KEEPIDLE, 30);
            assertEquals(30, stream.getOption(ExtendedSocketOptions.TCP_KEEPIDLE));
            stream.setOption(ExtendedSocketOptions.TCP_KEEPINTERVAL, 5);
            assertEquals(5, stream.getOption(ExtendedSocketOptions.TCP_KEEPINTERVAL));
            stream.setOption(ExtendedSocketOptions.TCP_KEEPCOUNT, 3);
            assertEquals(3, stream.getOption(ExtendedSocketOptions.TCP_KEEPCOUNT));
        }
    }

    @Test
    void optionsThatDoNotApplyAreUnsupported() throws Exception {
        try (TcpListener listener = TcpListener.bind(Expect.anyLocalV4());
             TcpStream stream = TcpStream.connect(listener.localAddress())) {
            assertThrows(UnsupportedOperationException.class,
                    () -> listener.setOption(StandardSocketOptions.TCP_NODELAY, true));
            assertThrows(UnsupportedOperationException.class,
                    () -> stream.getOption(StandardSocketOptions.SO_BROADCAST));
            assertThrows(UnsupportedOperationException.class,
                    () -> stream.getOption(StandardSocketOptions.IP_MULTICAST_TTL));
            assertFalse(listener.getOption(StandardSocketOptions.SO_REUSEPORT));
            assertTrue(listener.getOption(StandardSocketOptions.SO_REUSEADDR));
        }
    }
}
