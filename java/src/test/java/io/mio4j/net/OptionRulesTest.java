package io.mio4j.net;

import io.mio4j.LinuxOnly;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.BindException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.StandardSocketOptions;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** API.md's option rules: errors name the option, and a value is judged the same whichever setter takes it. */
@LinuxOnly
class OptionRulesTest {
    private static final InetSocketAddress ANY = new InetSocketAddress("127.0.0.1", 0);

    @Test
    void aRefusedTtlNamesTheOptionAsWellAsTheCall() throws IOException {
        try (UdpSocket udp = UdpSocket.bind(ANY); TcpListener tcp = TcpListener.bind(ANY)) {
            IOException e = assertThrows(IOException.class, () -> udp.setTtl(0));   // Linux refuses 0
            assertEquals("setsockopt IP_TTL: Invalid argument (errno 22)", e.getMessage());
            e = assertThrows(IOException.class, () -> tcp.setTtl(0));
            assertTrue(e.getMessage().startsWith("setsockopt IP_TTL: "), e.getMessage());
        }
    }

    @Test
    void anOutOfRangeTtlIsTheSameExceptionWhicheverSetterTakesIt() throws IOException {
        try (UdpSocket udp = UdpSocket.bind(ANY)) {
            assertThrows(IllegalArgumentException.class, () -> udp.setMulticastTtlV4(256));
            assertThrows(IllegalArgumentException.class, () -> udp.setOption(StandardSocketOptions.IP_MULTICAST_TTL, 256));
            assertThrows(IllegalArgumentException.class, () -> udp.setTtl(256));
            assertThrows(IllegalArgumentException.class, () -> udp.setMulticastTtlV4(-1));
            udp.setMulticastTtlV4(255);
            assertEquals(255, udp.multicastTtlV4());
        }
    }

    @Test
    void keepAliveValuesTheKernelRefusesAreRefusedFirst() throws IOException {
        try (TcpSocket socket = TcpSocket.openV4()) {
            for (int bad : new int[] {0, 40_000}) {
                assertThrows(IllegalArgumentException.class, () -> socket.setOption(jdk.net.ExtendedSocketOptions.TCP_KEEPIDLE, bad));
                assertThrows(IllegalArgumentException.class, () -> socket.setOption(jdk.net.ExtendedSocketOptions.TCP_KEEPINTERVAL, bad));
            }
            assertThrows(IllegalArgumentException.class, () -> socket.setOption(jdk.net.ExtendedSocketOptions.TCP_KEEPCOUNT, 128));
            socket.setOption(jdk.net.ExtendedSocketOptions.TCP_KEEPIDLE, 32_767);
            assertEquals(32_767, socket.getOption(jdk.net.ExtendedSocketOptions.TCP_KEEPIDLE));
        }
    }

    @Test
    void joiningTwiceOrLeavingAGroupNotJoinedIsNoBindException() throws IOException {
        Inet4Address group = (Inet4Address) InetAddress.getByName("239.255.0.17");
        Inet4Address any = (Inet4Address) InetAddress.getByName("0.0.0.0");
        try (UdpSocket udp = UdpSocket.bind(new InetSocketAddress("0.0.0.0", 0))) {
            SocketException e = assertThrows(SocketException.class, () -> udp.leaveMulticastV4(group, any));
            assertFalse(e instanceof BindException, e.toString());
            assertTrue(e.getMessage().startsWith("setsockopt IP_DROP_MEMBERSHIP: "), e.getMessage());
            try {
                udp.joinMulticastV4(group, any);
            } catch (IOException noMulticastRoute) {
                return;   // a host without a multicast route cannot join at all: nothing more to check
            }
            e = assertThrows(SocketException.class, () -> udp.joinMulticastV4(group, any));
            assertFalse(e instanceof BindException, e.toString());
            assertTrue(e.getMessage().startsWith("setsockopt IP_ADD_MEMBERSHIP: "), e.getMessage());
        }
    }

    @Test
    void lingerIsClampedTheSameWhicheverSetterTakesIt() throws IOException {
        try (TcpSocket a = TcpSocket.openV4(); TcpSocket b = TcpSocket.openV4()) {
            a.setLinger(Duration.ofSeconds(100_000));
            b.setOption(StandardSocketOptions.SO_LINGER, 100_000);
            assertEquals(Duration.ofSeconds(65_535), a.linger());
            assertEquals(65_535, b.getOption(StandardSocketOptions.SO_LINGER));
        }
    }

    @Test
    void aBadArgumentLeavesATcpSocketUnconsumed() throws IOException {
        try (TcpSocket socket = TcpSocket.openV4(); TcpListener listener = TcpListener.bind(ANY)) {
            assertThrows(NullPointerException.class, () -> socket.connect(null));
            assertThrows(java.nio.channels.UnresolvedAddressException.class,
                    () -> socket.connect(InetSocketAddress.createUnresolved("example.invalid", 80)));
            assertThrows(IllegalArgumentException.class, () -> socket.setLinger(Duration.ofSeconds(-1)));
            assertThrows(NullPointerException.class, () -> socket.bind(null));
            assertTrue(socket.isOpen());
            try (TcpStream stream = socket.connect(listener.localAddress())) {
                assertTrue(stream.isOpen(), "still usable after the refused arguments");
            }
        }
    }

    @Test
    void aTcpSocketClosedWithCloseAnswersClosedChannelException() throws IOException {
        TcpSocket socket = TcpSocket.openV4();
        socket.close();
        assertThrows(ClosedChannelException.class, () -> socket.bind(ANY));
        assertThrows(ClosedChannelException.class, () -> socket.connect(ANY));
        assertThrows(ClosedChannelException.class, () -> socket.listen(16));
        assertThrows(ClosedChannelException.class, () -> socket.setReuseAddress(true));
        assertThrows(ClosedChannelException.class, socket::localAddress);
        assertThrows(ClosedChannelException.class, () -> socket.setLinger(null));
        // Consumed is the one exception: IllegalStateException.
        TcpSocket consumed = TcpSocket.openV4();
        try (TcpListener listener = consumed.listen(16)) {
            assertInstanceOf(IllegalStateException.class, assertThrows(RuntimeException.class, consumed::localAddress));
        }
    }
}
