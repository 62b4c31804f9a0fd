package io.mio4j.internal.abi;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * The argument checks of our C natives, for the bindings that call the OS directly (FFM,
 * JNA): what the C refuses with -EINVAL (or -EBADF) never reaches the OS from them either.
 * Each mirrors one C check, named beside it. The static checks need no constant; those
 * that do are methods of the instance {@link #of} makes for a platform's table. None
 * allocates.
 */
public final class ArgumentChecks {
    /** native/unix/iovec.h's MIO4J_IOV_MAX. */
    public static final int IOV_MAX = 1024;
    /** native/unix/sockaddr.h's MIO4J_SOCKADDR_MAX. */
    public static final int SOCKADDR_MAX = 128;

    /**
     * native/unix/checks.h's MIO4J_FD_MARKS: the descriptor numbers the eventfd marks
     * cover (Linux's default fs.nr_open, also TokenTable.MAX_SLOTS).
     */
    public static final int FD_MARKS = 1 << 20;
    private static final int WORD_BITS = 32;
    /**
     * native/unix/checks.c's marks: one bit per descriptor number that this binding's
     * eventfd() opened, cleared by its close() before the number is closed, so that a
     * number the kernel hands out again is never taken for an eventfd. Shared by the FFM
     * and JNA bindings (PosixCalls*.close clears, EpollCalls*.eventfd sets), 128 KiB as
     * in the C. Release/acquire, as the C's atomics.
     */
    private static final int[] MARKS = new int[FD_MARKS / WORD_BITS];
    private static final VarHandle MARK = MethodHandles.arrayElementVarHandle(int[].class);

    private final int afInet;
    private final int afInet6;
    private final int afUnix;
    private final int sockStream;
    private final int sockDgram;
    private final int shutRd;
    private final int shutWr;
    private final int shutRdwr;
    private final int msgPeek;
    private final int msgTrunc;
    private final int ipAddMembership;
    private final int ipDropMembership;
    private final int ipv6JoinGroup;
    private final int ipv6LeaveGroup;
    private final int ctlAdd;
    private final int ctlMod;
    private final int ctlDel;
    private final int ourEvents;
    private final LinuxAbi abi;

    private ArgumentChecks(LinuxAbi abi) {
        this.abi = abi;
        Map<String, Integer> p = abi.posix();
        afInet = p.get("AF_INET");
        afInet6 = p.get("AF_INET6");
        afUnix = p.get("AF_UNIX");
        sockStream = p.get("SOCK_STREAM");
        sockDgram = p.get("SOCK_DGRAM");
        shutRd = p.get("SHUT_RD");
        shutWr = p.get("SHUT_WR");
        shutRdwr = p.get("SHUT_RDWR");
        msgPeek = p.get("MSG_PEEK");
        msgTrunc = p.get("MSG_TRUNC");
        ipAddMembership = p.get("IP_ADD_MEMBERSHIP");
        ipDropMembership = p.get("IP_DROP_MEMBERSHIP");
        ipv6JoinGroup = p.get("IPV6_JOIN_GROUP");
        ipv6LeaveGroup = p.get("IPV6_LEAVE_GROUP");
        Map<String, Integer> e = abi.epoll();
        ctlAdd = e.get("EPOLL_CTL_ADD");
        ctlMod = e.get("EPOLL_CTL_MOD");
        ctlDel = e.get("EPOLL_CTL_DEL");
        // native/epoll/epoll.c's OUR_EVENTS
        ourEvents = e.get("EPOLLIN") | e.get("EPOLLOUT") | e.get("EPOLLPRI") | e.get("EPOLLERR")
                | e.get("EPOLLHUP") | e.get("EPOLLRDHUP") | e.get("EPOLLET") | e.get("EPOLLONESHOT");
    }

    /** The checks that need a platform's constants. */
    public static ArgumentChecks of(LinuxAbi abi) {
        return new ArgumentChecks(abi);
    }

    /** native/unix/socket.c's socket_open: IPv4, IPv6 or Unix, stream or datagram, protocol 0. */
    public boolean socket(int family, int type, int protocol) {
        return (family == afInet || family == afInet6 || family == afUnix) && isOurType(type) && protocol == 0;
    }

    /** native/unix/socket.c's socket_pair: Unix only, stream or datagram. */
    public boolean socketpair(int family, int type) {
        return family == afUnix && isOurType(type);
    }

    private boolean isOurType(int type) {
        return type == sockStream || type == sockDgram;
    }

    /** native/unix/socket.c's socket_shutdown: SHUT_RD, SHUT_WR or SHUT_RDWR. */
    public boolean shutdownHow(int how) {
        return how == shutRd || how == shutWr || how == shutRdwr;
    }

    /** native/unix/constants.c's mio4j_unix_is_int_option (LinuxAbi's INT_OPTION marks). */
    public boolean intOption(int level, int name) {
        return abi.isIntOption(level, name);
    }

    /**
     * The first half of native/unix/checks.c's mio4j_unix_check_recv_flags: false for a
     * flag other than MSG_PEEK and MSG_TRUNC. When it is true and {@link #truncates}
     * too, the caller must ask getsockopt(SO_TYPE) and pass the answer to {@link #datagram},
     * as the C does (streams, which never pass MSG_TRUNC, pay no call).
     */
    public boolean recvFlags(int flags) {
        return (flags & ~(msgPeek | msgTrunc)) == 0;
    }

    public boolean truncates(int flags) {
        return (flags & msgTrunc) != 0;
    }

    /** The second half: MSG_TRUNC only on a datagram socket (on TCP it discards bytes). */
    public boolean datagram(int soType) {
        return soType == sockDgram;
    }

    /** native/unix/datagram.c's datagram_membership_v4: IP_ADD_MEMBERSHIP or IP_DROP_MEMBERSHIP. */
    public boolean membershipV4(int option) {
        return option == ipAddMembership || option == ipDropMembership;
    }

    /** native/unix/datagram.c's datagram_membership_v6: IPV6_JOIN_GROUP or IPV6_LEAVE_GROUP. */
    public boolean membershipV6(int option) {
        return option == ipv6JoinGroup || option == ipv6LeaveGroup;
    }

    /** native/epoll/epoll.c's epoll_control: ADD, MOD or DEL, and no event flag outside OUR_EVENTS. */
    public boolean epollCtl(int op, int events) {
        return (op == ctlAdd || op == ctlMod || op == ctlDel) && (events & ~ourEvents) == 0;
    }

    /**
     * native/epoll/eventfd.c's eventfd_add: 1 to UINT64_MAX - 1 as an unsigned value, so
     * neither 0 nor -1 as a Java long.
     */
    public static boolean eventfdValue(long value) {
        return value != 0 && value != -1L;
    }

    /** native/unix/checks.c's mio4j_fd_mark: false (mark nothing) for fd outside the table. */
    public static boolean mark(int fd) {
        if (fd < 0 || fd >= FD_MARKS) {
            return false;
        }
        MARK.getAndBitwiseOrRelease(MARKS, fd / WORD_BITS, 1 << (fd % WORD_BITS));
        return true;
    }

    /** native/unix/checks.c's mio4j_fd_is_marked (never, for a negative or too large fd). */
    public static boolean isMarked(int fd) {
        if (fd < 0 || fd >= FD_MARKS) {
            return false;
        }
        int word = (int) MARK.getAcquire(MARKS, fd / WORD_BITS);
        return ((word >>> (fd % WORD_BITS)) & 1) != 0;
    }

    /** native/unix/checks.c's mio4j_fd_unmark: before a number is closed. */
    public static void unmark(int fd) {
        if (fd >= 0 && fd < FD_MARKS) {
            MARK.getAndBitwiseAndRelease(MARKS, fd / WORD_BITS, ~(1 << (fd % WORD_BITS)));
        }
    }

    /**
     * native/jni/buffers.c's mio4j_buffer_range: a direct buffer, and [pos, pos + len)
     * inside its capacity.
     */
    public static boolean bufferRange(ByteBuffer buffer, int pos, int len) {
        return buffer != null && buffer.isDirect() && pos >= 0 && len >= 0
                && (long) pos + len <= buffer.capacity();
    }

    /**
     * native/unix/iovec.c's mio4j_fill_iovec: arrays present and long enough, count in
     * 1..IOV_MAX, every range a valid buffer range.
     */
    public static boolean vectors(ByteBuffer[] buffers, int[] positions, int[] lengths, int count) {
        if (buffers == null || positions == null || lengths == null || count < 1 || count > IOV_MAX
                || buffers.length < count || positions.length < count || lengths.length < count) {
            return false;
        }
        for (int i = 0; i < count; i++) {
            if (!bufferRange(buffers[i], positions[i], lengths[i])) {
                return false;
            }
        }
        return true;
    }

    /** The out arrays of pipe, socketpair, getsockopt, getLinger: present, at least {@code min} long. */
    public static boolean out(int[] array, int min) {
        return array != null && array.length >= min;
    }

    /** The address arrays accept, getsockname, getpeername and recvfrom fill: SOCKADDR_MAX bytes. */
    public static boolean addressOut(byte[] address) {
        return address != null && address.length >= SOCKADDR_MAX;
    }

    /** native/unix/datagram.c's copy_bytes: exactly {@code size} bytes. */
    public static boolean exactly(byte[] array, int size) {
        return array != null && array.length == size;
    }

    /** native/epoll/epoll.c's event_array: 1..(INT32_MAX / size) events within the buffer. */
    public static boolean eventArray(ByteBuffer events, int maxEvents, int eventSize) {
        return maxEvents >= 1 && maxEvents <= Integer.MAX_VALUE / eventSize
                && bufferRange(events, 0, maxEvents * eventSize);
    }
}
