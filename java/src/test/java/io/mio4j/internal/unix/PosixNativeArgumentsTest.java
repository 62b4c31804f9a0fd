package io.mio4j.internal.unix;

import io.mio4j.JniOnly;
import io.mio4j.LinuxOnly;
import io.mio4j.internal.SockAddr;
import io.mio4j.internal.io.Errno;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The POSIX natives called directly (through JNI, whatever binding the rest uses) with
 * arguments our Java never sends: each is refused with a clean -EINVAL or -EBADF before
 * any system call, and the descriptor is left as it was. Linux-only: a few hostile
 * values are Linux's numbers for flags and options that the constants table leaves out.
 * (native/test/unix_shim_test.c calls the same natives with many more; BadInputTest
 * holds the FFM and JNA bindings to the same answers, so this class is JNI-only.)
 */
@LinuxOnly
@JniOnly
class PosixNativeArgumentsTest {
    private static final PosixCalls C = new PosixCallsJni();
    private static final int EINVAL = -Errno.EINVAL;
    private static final int EBADF = -Errno.EBADF;
    private static final int EAGAIN = -Errno.EAGAIN;

    private static final int AF_INET = constant("AF_INET");
    private static final int AF_INET6 = constant("AF_INET6");
    private static final int AF_UNIX = constant("AF_UNIX");
    private static final int SOCK_STREAM = constant("SOCK_STREAM");
    private static final int SOCK_DGRAM = constant("SOCK_DGRAM");
    private static final int SOL_SOCKET = constant("SOL_SOCKET");
    private static final int SO_RCVBUF = constant("SO_RCVBUF");
    private static final int IPPROTO_TCP = constant("IPPROTO_TCP");
    private static final int IPPROTO_IP = constant("IPPROTO_IP");
    private static final int IP_TTL = constant("IP_TTL");
    private static final int IP_ADD_MEMBERSHIP = constant("IP_ADD_MEMBERSHIP");
    private static final int IP_MULTICAST_IF = constant("IP_MULTICAST_IF");
    private static final int IPV6_JOIN_GROUP = constant("IPV6_JOIN_GROUP");
    private static final int IPV6_V6ONLY = constant("IPV6_V6ONLY");
    private static final int MSG_PEEK = constant("MSG_PEEK");
    private static final int MSG_TRUNC = constant("MSG_TRUNC");

    // Linux's numbers of things the constants table does not offer, so Java never sends them.
    private static final int MSG_DONTWAIT = 0x40;
    private static final int MSG_WAITALL = 0x100;
    private static final int MSG_MORE = 0x8000;
    private static final int SO_PRIORITY = 12;
    private static final int SO_PEERCRED = 17;
    private static final int AF_NETLINK = 16;
    private static final int SOCK_SEQPACKET = 5;
    private static final int IPPROTO_UDP = 17;

    private final List<Integer> opened = new ArrayList<>();

    private static int constant(String name) {
        return Posix.constant(name);
    }

    @AfterEach
    void closeEverything() {
        for (int fd : opened) {
            C.close(fd);
        }
    }

    private int track(int fd) {
        assertTrue(fd >= 0, "descriptor: " + fd);
        opened.add(fd);
        return fd;
    }

    private int[] unixPair(int type) {
        int[] fds = new int[2];
        assertEquals(0, C.socketpair(AF_UNIX, type, fds));
        track(fds[0]);
        track(fds[1]);
        return fds;
    }

    /** A connected loopback TCP pair, both ends non-blocking: {client, server}. */
    private int[] tcpPair() {
        int listener = track(C.socket(AF_INET, SOCK_STREAM, 0));
        byte[] any = SockAddr.encode(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        assertEquals(0, C.bind(listener, any));
        assertEquals(0, C.listen(listener, 4));
        byte[] bound = new byte[SockAddr.MAX];
        assertEquals(0, C.localAddress(listener, bound));
        int client = track(C.socket(AF_INET, SOCK_STREAM, 0));
        assertEquals(0, C.setNonBlocking(client, false));
        assertEquals(0, C.connect(client, bound));
        assertEquals(0, C.setNonBlocking(listener, false));
        int server = track(C.accept(listener, new byte[SockAddr.MAX]));
        assertEquals(0, C.setNonBlocking(client, true));
        return new int[] {client, server};
    }

    private static ByteBuffer bytes(int... values) {
        ByteBuffer b = ByteBuffer.allocateDirect(values.length);
        for (int v : values) {
            b.put((byte) v);
        }
        return b.flip();
    }

    @Test
    void recvTakesOnlyPeekAndTruncFlags() {
        int[] pair = unixPair(SOCK_STREAM);
        ByteBuffer in = ByteBuffer.allocateDirect(16);
        for (int flags : new int[] {MSG_DONTWAIT, MSG_WAITALL, MSG_PEEK | MSG_DONTWAIT, -1, Integer.MIN_VALUE}) {
            assertEquals(EINVAL, C.recv(pair[0], in, 0, 16, flags), "flags " + Integer.toHexString(flags));
        }
        assertEquals(EAGAIN, C.recv(pair[0], in, 0, 16, MSG_PEEK));
        assertEquals(EAGAIN, C.recv(pair[0], in, 0, 16, 0));
    }

    @Test
    void recvWithMsgTruncOnAStreamIsRefusedAndTheBytesStay() {
        int[] tcp = tcpPair();
        assertEquals(10, C.send(tcp[0], bytes(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), 0, 10, 0));
        ByteBuffer in = ByteBuffer.allocateDirect(16);
        waitReadable(tcp[1], in);
        // On TCP, MSG_TRUNC would discard the bytes instead of reading them.
        assertEquals(EINVAL, C.recv(tcp[1], in, 0, 4, MSG_TRUNC));
        assertEquals(EINVAL, C.recv(tcp[1], in, 0, 4, MSG_TRUNC | MSG_PEEK));
        assertEquals(EINVAL, C.recvFrom(tcp[1], in, 0, 4, MSG_TRUNC, new byte[SockAddr.MAX]));
        assertEquals(10, C.recv(tcp[1], in, 0, 16, 0), "every byte is still there");
        assertEquals(9, in.get(9));
    }

    @Test
    void recvWithMsgTruncOnADatagramSocketStillReportsTheFullLength() {
        int[] pair = unixPair(SOCK_DGRAM);
        assertEquals(6, C.send(pair[0], bytes(1, 2, 3, 4, 5, 6), 0, 6, 0));
        ByteBuffer in = ByteBuffer.allocateDirect(4);
        assertEquals(6, C.recv(pair[1], in, 0, 2, MSG_TRUNC | MSG_PEEK));
        assertEquals(6, C.recvFrom(pair[1], in, 0, 2, MSG_TRUNC, new byte[SockAddr.MAX]));
        assertEquals(EAGAIN, C.recv(pair[1], in, 0, 2, MSG_TRUNC));
    }

    @Test
    void sendTakesNoFlag() {
        int[] pair = unixPair(SOCK_STREAM);
        for (int flags : new int[] {MSG_DONTWAIT, MSG_MORE, MSG_PEEK, -1}) {
            assertEquals(EINVAL, C.send(pair[0], bytes(7), 0, 1, flags), "flags " + Integer.toHexString(flags));
        }
        assertEquals(EAGAIN, C.recv(pair[1], ByteBuffer.allocateDirect(1), 0, 1, 0), "nothing was sent");
    }

    @Test
    void integerOptionsAreOnlyTheTablesLevelAndNamePairs() {
        int tcp = track(C.socket(AF_INET, SOCK_STREAM, 0));
        int[] value = new int[1];
        assertEquals(0, C.getIntOption(tcp, SOL_SOCKET, SO_RCVBUF, value));
        assertTrue(value[0] > 0);
        assertEquals(0, C.setIntOption(tcp, IPPROTO_IP, IP_TTL, 9));
        // A name the table lacks, a name at another row's level, a level nobody knows.
        assertEquals(EINVAL, C.setIntOption(tcp, SOL_SOCKET, SO_PRIORITY, 1));
        assertEquals(EINVAL, C.getIntOption(tcp, SOL_SOCKET, SO_PRIORITY, value));
        assertEquals(EINVAL, C.setIntOption(tcp, IPPROTO_TCP, IP_TTL, 536));
        assertEquals(EINVAL, C.getIntOption(tcp, IPPROTO_TCP, IP_TTL, value));
        assertEquals(EINVAL, C.setIntOption(tcp, 12345, SO_RCVBUF, 1));
        int[] pair = unixPair(SOCK_STREAM);
        assertEquals(EINVAL, C.getIntOption(pair[0], SOL_SOCKET, SO_PEERCRED, value));
    }

    @Test
    void membershipCallsTakeOnlyTheirOwnTwoOptions() {
        int v4 = track(C.socket(AF_INET, SOCK_DGRAM, 0));
        byte[] group = {(byte) 239, 1, 2, 3};
        byte[] any = {0, 0, 0, 0};
        assertEquals(EINVAL, C.membershipV4(v4, IP_MULTICAST_IF, group, any));
        assertEquals(EINVAL, C.membershipV4(v4, IPV6_JOIN_GROUP, group, any));
        int v6 = track(C.socket(AF_INET6, SOCK_DGRAM, 0));
        byte[] group6 = new byte[16];
        group6[0] = (byte) 0xff;
        group6[1] = 0x02;
        group6[15] = 1;
        assertEquals(EINVAL, C.membershipV6(v6, IPV6_V6ONLY, group6, 0));
        assertEquals(EINVAL, C.membershipV6(v6, IP_ADD_MEMBERSHIP, group6, 0));
        int[] v6only = new int[1];
        assertEquals(0, C.getIntOption(v6, constant("IPPROTO_IPV6"), IPV6_V6ONLY, v6only));
        assertEquals(0, v6only[0], "IPV6_V6ONLY was not set through membershipV6");
    }

    @Test
    void socketsAreOnlyTheFamiliesAndTypesJavaOpens() {
        assertEquals(EINVAL, C.socket(AF_NETLINK, SOCK_DGRAM, 0));
        assertEquals(EINVAL, C.socket(AF_UNIX, SOCK_SEQPACKET, 0));
        assertEquals(EINVAL, C.socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP));
        int[] out = new int[2];
        assertEquals(EINVAL, C.socketpair(AF_UNIX, SOCK_SEQPACKET, out));
        assertEquals(EINVAL, C.socketpair(AF_INET, SOCK_STREAM, out));
        track(C.socket(AF_INET6, SOCK_STREAM, 0));
        track(C.socket(AF_UNIX, SOCK_DGRAM, 0));
    }

    @Test
    void negativeDescriptorsAreBadBeforeAnyOtherCheck() {
        byte[] address = new byte[SockAddr.MAX];
        assertEquals(EBADF, C.accept(-1, new byte[1]));
        assertEquals(EBADF, C.localAddress(-1, new byte[1]));
        assertEquals(EBADF, C.read(-1, null, 0, 1));
        assertEquals(EBADF, C.recvFrom(-1, null, 0, 1, 0, address));
        assertEquals(EBADF, C.getIntOption(-1, SOL_SOCKET, SO_RCVBUF, null));
        assertEquals(EBADF, C.getLinger(-1, null));
        assertEquals(EBADF, C.readv(-1, null, null, null, 0));
    }

    /** Waits (bounded) until a non-blocking socket has bytes to peek. */
    private static void waitReadable(int fd, ByteBuffer scratch) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (C.recv(fd, scratch, 0, 1, MSG_PEEK) == EAGAIN) {
            assertTrue(System.nanoTime() < deadline, "no bytes arrived");
            Thread.onSpinWait();
        }
    }
}
