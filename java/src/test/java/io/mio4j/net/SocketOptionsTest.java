package io.mio4j.net;

import io.mio4j.Expect;
import io.mio4j.internal.unix.SocketOptions;
import jdk.net.ExtendedSocketOptions;
import org.junit.jupiter.api.Test;

import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The option table through TcpStream and TcpListener: round trips, kinds, ranges. */
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

    @Test
    void ipv6StreamsMapIpOptionsToTheirIpv6Names() throws Exception {
        try (TcpListener listener = TcpListener.bind(Expect.anyLocalV6());
             TcpStream stream = TcpStream.connect(listener.localAddress())) {
            stream.setOption(StandardSocketOptions.IP_TOS, 0x20);   // IPV6_TCLASS
            assertEquals(0x20, stream.getOption(StandardSocketOptions.IP_TOS));
            stream.setTtl(17);                                       // IPV6_UNICAST_HOPS
            assertEquals(17, stream.ttl());
        }
    }

    @Test
    void valuesOutOfRangeAreIllegal() throws Exception {
        try (TcpListener listener = TcpListener.bind(Expect.anyLocalV4());
             TcpStream stream = TcpStream.connect(listener.localAddress())) {
            assertThrows(IllegalArgumentException.class, () -> stream.setOption(StandardSocketOptions.IP_TOS, 256));
            assertThrows(IllegalArgumentException.class, () -> stream.setOption(StandardSocketOptions.IP_TOS, -1));
            assertThrows(IllegalArgumentException.class, () -> stream.setOption(StandardSocketOptions.SO_SNDBUF, -1));
            assertThrows(IllegalArgumentException.class,
                    () -> stream.setOption(ExtendedSocketOptions.TCP_KEEPCOUNT, -3));
        }
    }

    @Test
    void lingerAboveTheJdkLimitIsClamped() throws Exception {
        try (TcpListener listener = TcpListener.bind(Expect.anyLocalV4());
             TcpStream stream = TcpStream.connect(listener.localAddress())) {
            stream.setOption(StandardSocketOptions.SO_LINGER, 1_000_000);
            assertEquals(65535, stream.getOption(StandardSocketOptions.SO_LINGER));
        }
    }

    @Test
    void tableListsWhatEachKindSupports() {
        Set<SocketOption<?>> stream = SocketOptions.supported(SocketOptions.Kind.TCP_STREAM);
        assertTrue(stream.contains(StandardSocketOptions.TCP_NODELAY));
        assertTrue(stream.contains(ExtendedSocketOptions.TCP_KEEPIDLE));
        assertFalse(stream.contains(StandardSocketOptions.SO_BROADCAST));
        Set<SocketOption<?>> udp = SocketOptions.supported(SocketOptions.Kind.UDP);
        assertTrue(udp.containsAll(Set.of(StandardSocketOptions.SO_BROADCAST, StandardSocketOptions.IP_MULTICAST_IF,
                StandardSocketOptions.IP_MULTICAST_TTL, StandardSocketOptions.IP_MULTICAST_LOOP,
                StandardSocketOptions.IP_TOS)));
        assertFalse(udp.contains(StandardSocketOptions.TCP_NODELAY));
        Set<SocketOption<?>> unix = SocketOptions.supported(SocketOptions.Kind.UNIX_STREAM);
        assertEquals(Set.of(StandardSocketOptions.SO_SNDBUF, StandardSocketOptions.SO_RCVBUF,
                StandardSocketOptions.SO_LINGER), unix);
    }

    @Test
    void unsupportedBeatsClosed() throws Exception {
        TcpListener listener = TcpListener.bind(Expect.anyLocalV4());
        listener.close();
        assertThrows(UnsupportedOperationException.class,
                () -> listener.getOption(StandardSocketOptions.TCP_NODELAY));
    }
}
