package io.mio4j.internal.abi;

import io.mio4j.LinuxOnly;
import io.mio4j.internal.epoll.EpollCalls;
import io.mio4j.internal.io.NativeConstant;
import io.mio4j.internal.unix.PosixCalls;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What our C natives refuse (a heap or null buffer, a range outside the buffer, a vector
 * count outside 1..IOV_MAX, short arrays, a malformed address, a Unix path sun_path cannot
 * hold) every binding refuses the same way, with the same -errno, before the OS is
 * called: the descriptors used are real and ready, so a call that reached the OS would
 * answer differently (would-block, or success).
 */
@LinuxOnly
class BadInputTest {
    private static final LinuxAbi ABI = LinuxAbi.of("linux-x86_64");
    private static final int EINVAL = ABI.errno().get("EINVAL");
    private static final int EBADF = ABI.errno().get("EBADF");
    private static final int EAGAIN = ABI.errno().get("EAGAIN");
    private static final int ENAMETOOLONG = ABI.errno().get("ENAMETOOLONG");
    private static final int AF_INET = ABI.posix().get("AF_INET");
    private static final int AF_UNIX = ABI.posix().get("AF_UNIX");
    private static final int SOCK_STREAM = ABI.posix().get("SOCK_STREAM");
    private static final int SOCK_DGRAM = ABI.posix().get("SOCK_DGRAM");
    private static final int SOL_SOCKET = ABI.posix().get("SOL_SOCKET");
    private static final int SO_ERROR = ABI.posix().get("SO_ERROR");
    private static final int IP_ADD_MEMBERSHIP = ABI.posix().get("IP_ADD_MEMBERSHIP");
    private static final int IPV6_JOIN_GROUP = ABI.posix().get("IPV6_JOIN_GROUP");

    @TestFactory
    Stream<DynamicTest> everyBindingRefusesWhatTheCRefuses() {
        return Stream.of("Jni", "Ffm", "Jna").map(suffix -> DynamicTest.dynamicTest(suffix, () -> {
            PosixCalls posix = BindingClasses.instance(PosixCalls.class, suffix);
            EpollCalls epoll = BindingClasses.instance(EpollCalls.class, suffix);
            assertEquals(List.of(), problems(posix, epoll), suffix + ": calls answered otherwise than the C does");
        }));
    }

    private static List<String> problems(PosixCalls p, EpollCalls e) {
        List<String> problems = new ArrayList<>();
        int[] pipe = new int[2];
        expect(problems, "pipe", 0, () -> p.pipe(pipe));
        int tcp = p.socket(AF_INET, SOCK_STREAM, 0);
        int unix = p.socket(AF_UNIX, SOCK_DGRAM, 0);
        int ep = e.create();
        try {
            int in = pipe[0];
            int out = pipe[1];
            ByteBuffer direct = ByteBuffer.allocateDirect(8);
            ByteBuffer heap = ByteBuffer.allocate(8);
            expect(problems, "close(-1)", -EBADF, () -> p.close(-1));
            // single buffers
            expect(problems, "read null", -EINVAL, () -> p.read(in, null, 0, 0));
            expect(problems, "read heap", -EINVAL, () -> p.read(in, heap, 0, 1));
            expect(problems, "read pos -1", -EINVAL, () -> p.read(in, direct, -1, 1));
            expect(problems, "read len -1", -EINVAL, () -> p.read(in, direct, 0, -1));
            expect(problems, "read past capacity", -EINVAL, () -> p.read(in, direct, 8, 1));
            expect(problems, "read len > capacity", -EINVAL, () -> p.read(in, direct, 0, 9));
            expect(problems, "read pos overflow", -EINVAL, () -> p.read(in, direct, Integer.MAX_VALUE, 1));
            ByteBuffer narrowed = ByteBuffer.allocateDirect(8).position(4).limit(6);
            // inside the capacity but outside [position, limit): allowed, as in the C
            expect(problems, "read outside position..limit", -EAGAIN, () -> p.read(in, narrowed, 0, 8));
            expect(problems, "write heap", -EINVAL, () -> p.write(out, heap, 0, 1));
            expect(problems, "write past capacity", -EINVAL, () -> p.write(out, direct, 4, 5));
            expect(problems, "send heap", -EINVAL, () -> p.send(tcp, heap, 0, 1, 0));
            expect(problems, "recv null", -EINVAL, () -> p.recv(tcp, null, 0, 1, 0));
            expect(problems, "sendTo heap", -EINVAL, () -> p.sendTo(unix, heap, 0, 1, new byte[3]));
            expect(problems, "recvFrom short address", -EINVAL, () -> p.recvFrom(unix, direct, 0, 8, 0, new byte[127]));
            expect(problems, "recvFrom null address", -EINVAL, () -> p.recvFrom(unix, direct, 0, 8, 0, null));
            // vectors
            ByteBuffer[] one = {direct};
            int[] zero = {0};
            int[] eight = {8};
            expect(problems, "readv count 0", -EINVAL, () -> p.readv(in, one, zero, eight, 0));
            expect(problems, "readv count > IOV_MAX", -EINVAL, () -> p.readv(in, new ByteBuffer[1025],
                    new int[1025], new int[1025], 1025));
            expect(problems, "readv count > arrays", -EINVAL, () -> p.readv(in, one, zero, eight, 2));
            expect(problems, "readv null arrays", -EINVAL, () -> p.readv(in, null, zero, eight, 1));
            expect(problems, "readv null buffer", -EINVAL, () -> p.readv(in, new ByteBuffer[1], zero, eight, 1));
            expect(problems, "readv heap buffer", -EINVAL, () -> p.readv(in, new ByteBuffer[] {heap}, zero, eight, 1));
            expect(problems, "readv bad range", -EINVAL, () -> p.readv(in, one, zero, new int[] {9}, 1));
            expect(problems, "readv ready-less", -EAGAIN, () -> p.readv(in, one, zero, eight, 1));
            expect(problems, "writev bad range", -EINVAL, () -> p.writev(out, one, new int[] {-1}, eight, 1));
            expect(problems, "sendv count 0", -EINVAL, () -> p.sendv(tcp, one, zero, eight, 0));
            // out arrays
            expect(problems, "pipe null", -EINVAL, () -> p.pipe(null));
            expect(problems, "pipe short", -EINVAL, () -> p.pipe(new int[1]));
            expect(problems, "socketpair short", -EINVAL, () -> p.socketpair(AF_UNIX, SOCK_STREAM, new int[1]));
            expect(problems, "getIntOption short", -EINVAL, () -> p.getIntOption(tcp, SOL_SOCKET, SO_ERROR, new int[0]));
            expect(problems, "getLinger short", -EINVAL, () -> p.getLinger(tcp, new int[1]));
            expect(problems, "setLinger negative", -EINVAL, () -> p.setLinger(tcp, true, -1));
            expect(problems, "accept short address", -EINVAL, () -> p.accept(tcp, new byte[127]));
            expect(problems, "localAddress null", -EINVAL, () -> p.localAddress(tcp, null));
            expect(problems, "peerAddress short", -EINVAL, () -> p.peerAddress(tcp, new byte[3]));
            // addresses in our layout
            expect(problems, "bind null", -EINVAL, () -> p.bind(tcp, null));
            expect(problems, "bind 2 bytes", -EINVAL, () -> p.bind(tcp, new byte[2]));
            expect(problems, "bind 129 bytes", -EINVAL, () -> p.bind(tcp, inet4(129)));
            expect(problems, "bind unknown kind", -EINVAL, () -> p.bind(tcp, new byte[] {9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}));
            expect(problems, "bind short IPv4", -EINVAL, () -> p.bind(tcp, inet4(10)));
            expect(problems, "bind short IPv6", -EINVAL, () -> p.bind(tcp, withKind(new byte[22], 6)));
            expect(problems, "connect path longer than given", -EINVAL, () -> p.connect(unix, unixAddress(5, 4)));
            expect(problems, "bind path without room for NUL", -ENAMETOOLONG, () -> p.bind(unix, unixAddress(108, 108)));
            expect(problems, "sendTo path too long", -ENAMETOOLONG, () -> p.sendTo(unix, direct, 0, 1, unixAddress(120, 120)));
            // multicast structs
            expect(problems, "membershipV4 short group", -EINVAL, () -> p.membershipV4(unix, IP_ADD_MEMBERSHIP,
                    new byte[3], new byte[4]));
            expect(problems, "membershipV4 long iface", -EINVAL, () -> p.membershipV4(unix, IP_ADD_MEMBERSHIP,
                    new byte[4], new byte[5]));
            expect(problems, "membershipV6 negative index", -EINVAL, () -> p.membershipV6(unix, IPV6_JOIN_GROUP,
                    new byte[16], -1));
            expect(problems, "membershipV6 short group", -EINVAL, () -> p.membershipV6(unix, IPV6_JOIN_GROUP,
                    new byte[15], 0));
            // constants
            expect(problems, "constant null", NativeConstant.UNKNOWN, () -> p.constant(null));
            expect(problems, "constant unknown", NativeConstant.UNKNOWN, () -> p.constant("NO_SUCH_CONSTANT"));
            expect(problems, "epoll constant null", NativeConstant.UNKNOWN, () -> e.constant(null));
            // epoll
            int size = (int) e.constant("SIZEOF_EPOLL_EVENT");
            ByteBuffer events = ByteBuffer.allocateDirect(4 * size);
            expect(problems, "epoll_wait 0 events", -EINVAL, () -> e.waitMillis(ep, events, 0, 0));
            expect(problems, "epoll_wait more events than room", -EINVAL, () -> e.waitMillis(ep, events, 5, 0));
            expect(problems, "epoll_wait timeout -2", -EINVAL, () -> e.waitMillis(ep, events, 4, -2));
            expect(problems, "epoll_wait heap", -EINVAL, () -> e.waitMillis(ep, ByteBuffer.allocate(4 * size), 4, 0));
            expect(problems, "epoll_wait null", -EINVAL, () -> e.waitMillis(ep, null, 4, 0));
            expect(problems, "epoll_wait overflowing count", -EINVAL, () -> e.waitMillis(ep, events, Integer.MAX_VALUE, 0));
            expect(problems, "epoll_wait nothing ready", 0, () -> e.waitMillis(ep, events, 4, 0));
            expect(problems, "epoll_pwait2 0 events", -EINVAL, () -> e.waitNanos(ep, events, 0, 1));
            expect(problems, "epoll_pwait2 heap", -EINVAL, () -> e.waitNanos(ep, ByteBuffer.allocate(4 * size), 4, 1));
        } finally {
            p.close(pipe[0]);
            p.close(pipe[1]);
            p.close(tcp);
            p.close(unix);
            p.close(ep);
        }
        return problems;
    }

    private static void expect(List<String> problems, String what, long expected, LongSupplier call) {
        long actual;
        try {
            actual = call.getAsLong();
        } catch (RuntimeException | Error e) {
            problems.add(what + ": threw " + e);
            return;
        }
        if (actual != expected) {
            problems.add(what + ": " + actual + ", the C answers " + expected);
        }
    }

    private static byte[] inet4(int length) {
        return withKind(new byte[length], 4);
    }

    private static byte[] withKind(byte[] address, int kind) {
        address[0] = (byte) kind;
        return address;
    }

    /** A Unix address claiming {@code claimed} path bytes and holding {@code held} ('a's). */
    private static byte[] unixAddress(int claimed, int held) {
        byte[] address = new byte[3 + held];
        address[0] = 1;
        address[1] = (byte) (claimed >>> 8);
        address[2] = (byte) claimed;
        for (int i = 0; i < held; i++) {
            address[3 + i] = 'a';
        }
        return address;
    }
}
