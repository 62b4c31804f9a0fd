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

import static io.mio4j.internal.abi.ArgumentChecks.SOCKADDR_MAX;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What our C natives refuse (a heap or null buffer, a range outside the buffer, a vector
 * count outside 1..IOV_MAX, short arrays, a malformed address, a Unix path sun_path cannot
 * hold) every binding refuses the same way, with the same -errno, before the OS is
 * called: the descriptors used are real and ready, so a call that reached the OS would
 * answer differently (would-block, or success). So do the C's whitelists (issue 11's
 * item 11): negative descriptors (-EBADF before any other check), recv/send flags,
 * MSG_TRUNC on a stream, the int options of constants.c's INT_OPTION marks, the
 * membership options, socket families/types/protocols, shutdown's how, epoll_ctl's op
 * and events, and eventfd calls on a descriptor no eventfd() of the binding opened or
 * with a value outside 1..UINT64_MAX-1 (inputs of PosixNativeArgumentsTest and
 * EpollNativeArgumentsTest, which call JNI alone). A few refusals (an unknown op,
 * shutdown's how on a socket) the kernel would answer with -EINVAL too: those are
 * made where it would not (shutdown on a pipe: -ENOTSOCK), or followed by a call that
 * shows nothing reached the OS (an ADD refused, then the same ADD succeeds).
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
    private static final int ENOTSOCK = ABI.errno().get("ENOTSOCK");
    private static final int AF_INET6 = ABI.posix().get("AF_INET6");
    private static final int SO_RCVBUF = ABI.posix().get("SO_RCVBUF");
    private static final int SO_LINGER = ABI.posix().get("SO_LINGER");
    private static final int IPPROTO_TCP = ABI.posix().get("IPPROTO_TCP");
    private static final int IPPROTO_IP = ABI.posix().get("IPPROTO_IP");
    private static final int IPPROTO_IPV6 = ABI.posix().get("IPPROTO_IPV6");
    private static final int IP_TTL = ABI.posix().get("IP_TTL");
    private static final int IP_MULTICAST_IF = ABI.posix().get("IP_MULTICAST_IF");
    private static final int IP_DROP_MEMBERSHIP = ABI.posix().get("IP_DROP_MEMBERSHIP");
    private static final int IPV6_V6ONLY = ABI.posix().get("IPV6_V6ONLY");
    private static final int MSG_PEEK = ABI.posix().get("MSG_PEEK");
    private static final int MSG_TRUNC = ABI.posix().get("MSG_TRUNC");
    private static final int SHUT_RDWR = ABI.posix().get("SHUT_RDWR");
    private static final int EPOLLIN = ABI.epoll().get("EPOLLIN");
    private static final int EPOLLET = ABI.epoll().get("EPOLLET");
    private static final int EPOLLONESHOT = ABI.epoll().get("EPOLLONESHOT");
    private static final int CTL_ADD = ABI.epoll().get("EPOLL_CTL_ADD");
    private static final int CTL_MOD = ABI.epoll().get("EPOLL_CTL_MOD");
    private static final int CTL_DEL = ABI.epoll().get("EPOLL_CTL_DEL");
    // Linux's numbers of things no table offers, so Java never sends them.
    private static final int MSG_DONTWAIT = 0x40;
    private static final int MSG_WAITALL = 0x100;
    private static final int MSG_MORE = 0x8000;
    private static final int SO_PRIORITY = 12;
    private static final int SO_PEERCRED = 17;
    private static final int AF_NETLINK = 16;
    private static final int SOCK_SEQPACKET = 5;
    private static final int IPPROTO_UDP = 17;
    private static final int EPOLLEXCLUSIVE = 1 << 28;
    private static final int EPOLLWAKEUP = 1 << 29;

    @TestFactory
    Stream<DynamicTest> everyBindingRefusesWhatTheCRefuses() {
        return Stream.of("Jni", "Ffm", "Jna").map(suffix -> DynamicTest.dynamicTest(suffix, () -> {
            PosixCalls posix = BindingClasses.instance(PosixCalls.class, suffix);
            EpollCalls epoll = BindingClasses.instance(EpollCalls.class, suffix);
            List<String> problems = problems(posix, epoll);
            problems.addAll(whitelists(posix, epoll));
            assertEquals(List.of(), problems, suffix + ": calls answered otherwise than the C does");
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

    /** The C's whitelists, each with inputs that the OS itself would take (or answer otherwise). */
    private static List<String> whitelists(PosixCalls p, EpollCalls e) {
        List<String> problems = new ArrayList<>();
        List<Integer> opened = new ArrayList<>();
        try {
            int[] pipe = new int[2];
            expect(problems, "pipe", 0, () -> p.pipe(pipe));
            opened.add(pipe[0]);
            opened.add(pipe[1]);
            int[] stream = new int[2];
            expect(problems, "socketpair stream", 0, () -> p.socketpair(AF_UNIX, SOCK_STREAM, stream));
            opened.add(stream[0]);
            opened.add(stream[1]);
            int[] dgram = new int[2];
            expect(problems, "socketpair datagram", 0, () -> p.socketpair(AF_UNIX, SOCK_DGRAM, dgram));
            opened.add(dgram[0]);
            opened.add(dgram[1]);
            int tcp = track(opened, p.socket(AF_INET, SOCK_STREAM, 0));
            int udp4 = track(opened, p.socket(AF_INET, SOCK_DGRAM, 0));
            int udp6 = track(opened, p.socket(AF_INET6, SOCK_DGRAM, 0));
            int ep = track(opened, e.create());
            ByteBuffer in = ByteBuffer.allocateDirect(16);
            ByteBuffer one = ByteBuffer.allocateDirect(1);
            byte[] address = new byte[SOCKADDR_MAX];

            // every descriptor < 0: -EBADF before any other check
            expect(problems, "read(-1) null buffer", -EBADF, () -> p.read(-1, null, 0, 1));
            expect(problems, "write(-1) heap", -EBADF, () -> p.write(-1, ByteBuffer.allocate(1), 0, 1));
            expect(problems, "readv(-1) count 0", -EBADF, () -> p.readv(-1, null, null, null, 0));
            expect(problems, "writev(-1) count 0", -EBADF, () -> p.writev(-1, null, null, null, 0));
            expect(problems, "sendv(-1) count 0", -EBADF, () -> p.sendv(-1, null, null, null, 0));
            expect(problems, "setNonBlocking(-1)", -EBADF, () -> p.setNonBlocking(-1, true));
            expect(problems, "preClose(-1)", -EBADF, () -> p.preClose(-1));
            expect(problems, "bind(-1) null", -EBADF, () -> p.bind(-1, null));
            expect(problems, "connect(-1) null", -EBADF, () -> p.connect(-1, null));
            expect(problems, "listen(-1)", -EBADF, () -> p.listen(-1, 1));
            expect(problems, "accept(-1) short address", -EBADF, () -> p.accept(-1, new byte[1]));
            expect(problems, "localAddress(-1) short", -EBADF, () -> p.localAddress(-1, new byte[1]));
            expect(problems, "peerAddress(-1) null", -EBADF, () -> p.peerAddress(-1, null));
            expect(problems, "shutdown(-1) bad how", -EBADF, () -> p.shutdown(-1, 99));
            expect(problems, "getIntOption(-1) null", -EBADF, () -> p.getIntOption(-1, SOL_SOCKET, SO_RCVBUF, null));
            expect(problems, "setIntOption(-1) unknown", -EBADF, () -> p.setIntOption(-1, 12345, 1, 1));
            expect(problems, "getLinger(-1) null", -EBADF, () -> p.getLinger(-1, null));
            expect(problems, "setLinger(-1) negative", -EBADF, () -> p.setLinger(-1, true, -1));
            expect(problems, "family(-1)", -EBADF, () -> p.family(-1));
            expect(problems, "send(-1) flags", -EBADF, () -> p.send(-1, null, 0, 1, -1));
            expect(problems, "recv(-1) flags", -EBADF, () -> p.recv(-1, null, 0, 1, -1));
            expect(problems, "sendTo(-1) null", -EBADF, () -> p.sendTo(-1, null, 0, 1, null));
            expect(problems, "recvFrom(-1) null", -EBADF, () -> p.recvFrom(-1, null, 0, 1, 0, address));
            expect(problems, "membershipV4(-1) bad option", -EBADF, () -> p.membershipV4(-1, 0, null, null));
            expect(problems, "membershipV6(-1) bad option", -EBADF, () -> p.membershipV6(-1, 0, null, -1));
            expect(problems, "epoll ctl(-1 epfd)", -EBADF, () -> e.ctl(-1, 0, pipe[0], -1, 1));
            expect(problems, "epoll ctl(-1 fd)", -EBADF, () -> e.ctl(ep, 0, -1, -1, 1));
            expect(problems, "waitMillis(-1) null", -EBADF, () -> e.waitMillis(-1, null, 0, -2));
            expect(problems, "waitNanos(-1) null", -EBADF, () -> e.waitNanos(-1, null, 0, 1));
            expect(problems, "eventfdWrite(-1) 0", -EBADF, () -> e.eventfdWrite(-1, 0));
            expect(problems, "eventfdRead(-1)", -EBADF, () -> e.eventfdRead(-1));

            // recv/recvFrom flags: 0, MSG_PEEK, MSG_TRUNC or both; MSG_TRUNC on datagrams only
            for (int flags : new int[] {MSG_DONTWAIT, MSG_WAITALL, MSG_PEEK | MSG_DONTWAIT, -1, Integer.MIN_VALUE}) {
                expect(problems, "recv flags " + Integer.toHexString(flags), -EINVAL,
                        () -> p.recv(stream[0], in, 0, 16, flags));
                expect(problems, "recvFrom flags " + Integer.toHexString(flags), -EINVAL,
                        () -> p.recvFrom(dgram[0], in, 0, 16, flags, address));
            }
            expect(problems, "recv MSG_PEEK", -EAGAIN, () -> p.recv(stream[0], in, 0, 16, MSG_PEEK));
            // unconnected TCP: the OS would answer -ENOTCONN
            expect(problems, "recv MSG_TRUNC on TCP", -EINVAL, () -> p.recv(tcp, in, 0, 4, MSG_TRUNC));
            expect(problems, "recv MSG_TRUNC|MSG_PEEK on TCP", -EINVAL, () -> p.recv(tcp, in, 0, 4, MSG_TRUNC | MSG_PEEK));
            expect(problems, "recvFrom MSG_TRUNC on TCP", -EINVAL, () -> p.recvFrom(tcp, in, 0, 4, MSG_TRUNC, address));
            expect(problems, "recv MSG_TRUNC on a Unix stream", -EINVAL, () -> p.recv(stream[0], in, 0, 4, MSG_TRUNC));
            // getsockopt(SO_TYPE)'s own error
            expect(problems, "recv MSG_TRUNC on a pipe", -ENOTSOCK, () -> p.recv(pipe[0], in, 0, 4, MSG_TRUNC));
            expect(problems, "recv MSG_TRUNC on a datagram socket", -EAGAIN, () -> p.recv(dgram[0], in, 0, 4, MSG_TRUNC));
            expect(problems, "send a datagram", 6, () -> p.send(dgram[1], ByteBuffer.allocateDirect(6), 0, 6, 0));
            expect(problems, "recv MSG_TRUNC|MSG_PEEK: the full length", 6,
                    () -> p.recv(dgram[0], in, 0, 2, MSG_TRUNC | MSG_PEEK));
            expect(problems, "recvFrom MSG_TRUNC: the full length", 6,
                    () -> p.recvFrom(dgram[0], in, 0, 2, MSG_TRUNC, address));
            // send flags: only 0
            for (int flags : new int[] {MSG_DONTWAIT, MSG_MORE, MSG_PEEK, -1}) {
                expect(problems, "send flags " + Integer.toHexString(flags), -EINVAL,
                        () -> p.send(stream[0], one, 0, 1, flags));
            }
            expect(problems, "nothing was sent", -EAGAIN, () -> p.recv(stream[1], one, 0, 1, 0));

            // int options: constants.c's INT_OPTION pairs only
            int[] value = new int[1];
            expect(problems, "getIntOption SO_RCVBUF", 0, () -> p.getIntOption(tcp, SOL_SOCKET, SO_RCVBUF, value));
            expect(problems, "setIntOption IP_TTL", 0, () -> p.setIntOption(tcp, IPPROTO_IP, IP_TTL, 9));
            expect(problems, "setIntOption SO_PRIORITY", -EINVAL, () -> p.setIntOption(tcp, SOL_SOCKET, SO_PRIORITY, 1));
            expect(problems, "getIntOption SO_PRIORITY", -EINVAL, () -> p.getIntOption(tcp, SOL_SOCKET, SO_PRIORITY, value));
            expect(problems, "setIntOption IP_TTL at IPPROTO_TCP", -EINVAL, () -> p.setIntOption(tcp, IPPROTO_TCP, IP_TTL, 536));
            expect(problems, "getIntOption IP_TTL at IPPROTO_TCP", -EINVAL, () -> p.getIntOption(tcp, IPPROTO_TCP, IP_TTL, value));
            expect(problems, "setIntOption unknown level", -EINVAL, () -> p.setIntOption(tcp, 12345, SO_RCVBUF, 1));
            expect(problems, "getIntOption SO_PEERCRED", -EINVAL, () -> p.getIntOption(stream[0], SOL_SOCKET, SO_PEERCRED, value));
            // SO_LINGER has its own natives; as an int it is no option
            expect(problems, "getIntOption SO_LINGER", -EINVAL, () -> p.getIntOption(tcp, SOL_SOCKET, SO_LINGER, value));
            expect(problems, "setIntOption IP_ADD_MEMBERSHIP", -EINVAL, () -> p.setIntOption(udp4, IPPROTO_IP, IP_ADD_MEMBERSHIP, 1));

            // memberships: their own two options each (the OS would take IP_MULTICAST_IF and IPV6_V6ONLY)
            byte[] group = {(byte) 239, 1, 2, 3};
            byte[] any = {0, 0, 0, 0};
            expect(problems, "membershipV4 IP_MULTICAST_IF", -EINVAL, () -> p.membershipV4(udp4, IP_MULTICAST_IF, group, any));
            expect(problems, "membershipV4 IPV6_JOIN_GROUP", -EINVAL, () -> p.membershipV4(udp4, IPV6_JOIN_GROUP, group, any));
            byte[] group6 = new byte[16];
            group6[0] = (byte) 0xff;
            group6[1] = 0x02;
            group6[15] = 1;
            expect(problems, "membershipV6 IPV6_V6ONLY", -EINVAL, () -> p.membershipV6(udp6, IPV6_V6ONLY, group6, 0));
            expect(problems, "membershipV6 IP_ADD_MEMBERSHIP", -EINVAL, () -> p.membershipV6(udp6, IP_ADD_MEMBERSHIP, group6, 0));
            expect(problems, "membershipV6 IP_DROP_MEMBERSHIP", -EINVAL, () -> p.membershipV6(udp6, IP_DROP_MEMBERSHIP, group6, 0));
            int[] v6only = {-1};
            expect(problems, "IPV6_V6ONLY", 0, () -> p.getIntOption(udp6, IPPROTO_IPV6, IPV6_V6ONLY, v6only));
            expect(problems, "IPV6_V6ONLY untouched by membershipV6", 0, () -> v6only[0]);

            // socket(): the families, types and protocol Java opens (the OS would open these)
            expect(problems, "socket AF_NETLINK", -EINVAL, () -> closing(p, p.socket(AF_NETLINK, SOCK_DGRAM, 0)));
            expect(problems, "socket SOCK_SEQPACKET", -EINVAL, () -> closing(p, p.socket(AF_UNIX, SOCK_SEQPACKET, 0)));
            expect(problems, "socket IPPROTO_UDP", -EINVAL, () -> closing(p, p.socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP)));
            expect(problems, "socket stream | non-blocking flag", -EINVAL,
                    () -> closing(p, p.socket(AF_INET, SOCK_STREAM | 04000, 0)));
            int[] pair = {-1, -1};
            expect(problems, "socketpair SOCK_SEQPACKET", -EINVAL, () -> p.socketpair(AF_UNIX, SOCK_SEQPACKET, pair));
            expect(problems, "socketpair AF_INET", -EINVAL, () -> p.socketpair(AF_INET, SOCK_STREAM, pair));
            expect(problems, "socketpair left its array alone", -1, () -> pair[0]);

            // shutdown's how: on a pipe the OS would answer -ENOTSOCK
            for (int how : new int[] {-1, 3, SHUT_RDWR + 1, Integer.MAX_VALUE}) {
                expect(problems, "shutdown how " + how, -EINVAL, () -> p.shutdown(pipe[0], how));
            }
            expect(problems, "shutdown SHUT_RDWR on a pipe", -ENOTSOCK, () -> p.shutdown(pipe[0], SHUT_RDWR));

            // epoll_ctl: ADD/MOD/DEL, events within OUR_EVENTS (the kernel would take these)
            for (int extra : new int[] {EPOLLEXCLUSIVE, EPOLLWAKEUP, 1 << 20, 0x40}) {
                expect(problems, "ctl ADD flag " + Integer.toHexString(extra), -EINVAL,
                        () -> e.ctl(ep, CTL_ADD, pipe[0], EPOLLIN | EPOLLET | extra, 1));
            }
            for (int op : new int[] {0, 4, -1, CTL_ADD | CTL_DEL | CTL_MOD | 8}) {
                expect(problems, "ctl op " + op, -EINVAL, () -> e.ctl(ep, op, pipe[0], EPOLLIN, 1));
            }
            expect(problems, "ctl ADD (no refused ADD reached the kernel)", 0,
                    () -> e.ctl(ep, CTL_ADD, pipe[0], EPOLLIN | EPOLLET | EPOLLONESHOT, 1));
            expect(problems, "ctl MOD flag", -EINVAL, () -> e.ctl(ep, CTL_MOD, pipe[0], EPOLLIN | EPOLLEXCLUSIVE, 1));
            expect(problems, "ctl DEL", 0, () -> e.ctl(ep, CTL_DEL, pipe[0], 0, 0));

            // eventfd calls: only on an eventfd this binding's eventfd() opened
            ByteBuffer eight = ByteBuffer.allocateDirect(8);
            expect(problems, "eventfdWrite on a pipe", -EINVAL, () -> e.eventfdWrite(pipe[1], 1));
            expect(problems, "nothing was written to the pipe", -EAGAIN, () -> p.read(pipe[0], in, 0, 16));
            expect(problems, "pipe write", 8, () -> p.write(pipe[1], eight, 0, 8));
            expect(problems, "eventfdRead on a pipe", -EINVAL, () -> e.eventfdRead(pipe[0]));
            expect(problems, "nothing was read from the pipe", 8, () -> p.read(pipe[0], in, 0, 16));
            expect(problems, "eventfdWrite on an epoll descriptor", -EINVAL, () -> e.eventfdWrite(ep, 1));
            expect(problems, "eventfdWrite on a socket", -EINVAL, () -> e.eventfdWrite(tcp, 1));
            int eventfd = e.eventfd();
            expect(problems, "eventfd", 1, () -> eventfd >= 0 ? 1 : eventfd);
            if (eventfd >= 0) {
                expect(problems, "eventfdWrite 0", -EINVAL, () -> e.eventfdWrite(eventfd, 0));
                expect(problems, "eventfdWrite UINT64_MAX", -EINVAL, () -> e.eventfdWrite(eventfd, -1));
                expect(problems, "the counter is still 0", -EAGAIN, () -> e.eventfdRead(eventfd));
                expect(problems, "eventfdWrite UINT64_MAX - 1", 0, () -> e.eventfdWrite(eventfd, -2));
                expect(problems, "eventfdRead", 0, () -> e.eventfdRead(eventfd));
                expect(problems, "eventfdWrite 1", 0, () -> e.eventfdWrite(eventfd, 1));
                expect(problems, "close the eventfd", 0, () -> p.close(eventfd));
                expect(problems, "eventfdWrite on a closed eventfd's number", -EBADF, () -> e.eventfdWrite(eventfd, 1));
                expect(problems, "eventfdRead on a closed eventfd's number", -EBADF, () -> e.eventfdRead(eventfd));
                int[] reused = new int[2];
                expect(problems, "pipe", 0, () -> p.pipe(reused));
                opened.add(reused[0]);
                opened.add(reused[1]);
                // the lowest free number, the eventfd's, is the new read end's
                expect(problems, "the kernel reused the number", eventfd, () -> reused[0]);
                expect(problems, "pipe write", 8, () -> p.write(reused[1], eight, 0, 8));
                expect(problems, "eventfdRead on a pipe that has the eventfd's number", -EINVAL,
                        () -> e.eventfdRead(reused[0]));
                expect(problems, "the pipe's bytes stay", 8, () -> p.read(reused[0], in, 0, 16));
            }
        } finally {
            for (int fd : opened) {
                if (fd >= 0) {
                    p.close(fd);
                }
            }
        }
        return problems;
    }

    private static int track(List<Integer> opened, int fd) {
        opened.add(fd);
        return fd;
    }

    /** A descriptor a refused call should not have opened is closed again, so a failing binding leaks nothing. */
    private static int closing(PosixCalls p, int fd) {
        if (fd >= 0) {
            p.close(fd);
        }
        return fd;
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
