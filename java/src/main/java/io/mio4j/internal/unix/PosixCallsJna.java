package io.mio4j.internal.unix;

import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import io.mio4j.internal.abi.ArgumentChecks;
import io.mio4j.internal.abi.LinuxAbi;
import io.mio4j.internal.abi.SockaddrCodec;
import io.mio4j.internal.io.NativeConstant;
import io.mio4j.internal.jna.Jna;
import io.mio4j.internal.jna.JnaScratch;

import java.nio.ByteBuffer;

/**
 * PosixCalls through JNA, call for call what native/unix (fd.c, socket.c, datagram.c,
 * compat.c) does: the same argument checks (ArgumentChecks, before JNA is called), the
 * same flags (born non-blocking and close-on-exec, MSG_NOSIGNAL on every send), results
 * as a count, descriptor or -errno. Structs and out-values live in the thread's
 * {@link JnaScratch}; buffers are passed by address.
 */
public final class PosixCallsJna extends PosixCallsWithoutLibrary {
    private static final LinuxAbi ABI = Jna.ABI;
    private static final SockaddrCodec CODEC = new SockaddrCodec(ABI);
    private static final ArgumentChecks CHECK = ArgumentChecks.of(ABI);
    private static final int SO_TYPE = ABI.posix().get("SO_TYPE");
    private static final int EINVAL = ABI.errno().get("EINVAL");
    private static final int EBADF = ABI.errno().get("EBADF");
    private static final int BORN = ABI.call("SOCK_NONBLOCK") | ABI.call("SOCK_CLOEXEC");
    private static final int PIPE_FLAGS = ABI.call("O_NONBLOCK") | ABI.call("O_CLOEXEC");
    private static final int MSG_NOSIGNAL = ABI.call("MSG_NOSIGNAL");
    private static final NativeLong FIONBIO = new NativeLong(ABI.call("FIONBIO"));
    private static final int SOL_SOCKET = ABI.posix().get("SOL_SOCKET");
    private static final int SO_LINGER = ABI.posix().get("SO_LINGER");
    private static final int IPPROTO_IP = ABI.posix().get("IPPROTO_IP");
    private static final int IPPROTO_IPV6 = ABI.posix().get("IPPROTO_IPV6");
    private static final int IOVEC_SIZE = ABI.call("SIZEOF_IOVEC");
    private static final int IOV_LEN = ABI.call("OFFSETOF_IOV_LEN");
    private static final int MSGHDR_SIZE = ABI.call("SIZEOF_MSGHDR");
    private static final int MSG_IOV = ABI.call("OFFSETOF_MSG_IOV");
    private static final int MSG_IOVLEN = ABI.call("OFFSETOF_MSG_IOVLEN");
    private static final int LINGER_SIZE = ABI.call("SIZEOF_LINGER");
    private static final int L_LINGER = ABI.call("OFFSETOF_L_LINGER");
    private static final int IP_MREQ_SIZE = ABI.call("SIZEOF_IP_MREQ");
    private static final int IMR_INTERFACE = ABI.call("OFFSETOF_IMR_INTERFACE");
    private static final int IPV6_MREQ_SIZE = ABI.call("SIZEOF_IPV6_MREQ");
    private static final int IPV6MR_INTERFACE = ABI.call("OFFSETOF_IPV6MR_INTERFACE");

    /** The C library's functions, by JNA's direct mapping; pointers are addresses. */
    private static final class Libc {
        static {
            Jna.register(Libc.class);
        }

        static native int close(int fd);

        static native long read(int fd, long buf, long count);

        static native long write(int fd, long buf, long count);

        static native long readv(int fd, long iov, int iovcnt);

        static native long writev(int fd, long iov, int iovcnt);

        static native int pipe2(long fds, int flags);

        static native int socket(int domain, int type, int protocol);

        static native int socketpair(int domain, int type, int protocol, long fds);

        static native int bind(int fd, long addr, int addrlen);

        static native int connect(int fd, long addr, int addrlen);

        static native int listen(int fd, int backlog);

        static native int accept4(int fd, long addr, long addrlen, int flags);

        static native int getsockname(int fd, long addr, long addrlen);

        static native int getpeername(int fd, long addr, long addrlen);

        static native int shutdown(int fd, int how);

        static native int getsockopt(int fd, int level, int name, long value, long length);

        static native int setsockopt(int fd, int level, int name, long value, int length);

        static native long send(int fd, long buf, long len, int flags);

        static native long recv(int fd, long buf, long len, int flags);

        static native long sendmsg(int fd, long msg, int flags);

        static native long sendto(int fd, long buf, long len, int flags, long addr, int addrlen);

        static native long recvfrom(int fd, long buf, long len, int flags, long addr, long addrlen);
    }

    @Override
    public long constant(String name) {
        Integer value = name == null ? null : ABI.posix().get(name);
        return value != null ? value : NativeConstant.UNKNOWN;
    }

    // Descriptors

    @Override
    public int close(int fd) {
        if (fd < 0) {
            return -EBADF;
        }
        // Unmarked first: once closed, the number may come back as anything (fd.c).
        ArgumentChecks.unmark(fd);
        // No retry on EINTR: on Linux the descriptor is gone whatever close returns.
        return Libc.close(fd) == 0 ? 0 : Jna.negErrno();
    }

    @Override
    public int read(int fd, ByteBuffer buffer, int pos, int len) {
        if (fd < 0) {
            return -EBADF;
        }
        if (!ArgumentChecks.bufferRange(buffer, pos, len)) {
            return -EINVAL;
        }
        long n = Libc.read(fd, JnaScratch.get().addressOf(buffer) + pos, len);
        return n >= 0 ? (int) n : Jna.negErrno();
    }

    @Override
    public int write(int fd, ByteBuffer buffer, int pos, int len) {
        if (fd < 0) {
            return -EBADF;
        }
        if (!ArgumentChecks.bufferRange(buffer, pos, len)) {
            return -EINVAL;
        }
        long n = Libc.write(fd, JnaScratch.get().addressOf(buffer) + pos, len);
        return n >= 0 ? (int) n : Jna.negErrno();
    }

    @Override
    public long readv(int fd, ByteBuffer[] buffers, int[] positions, int[] lengths, int count) {
        if (fd < 0) {
            return -EBADF;
        }
        if (!ArgumentChecks.vectors(buffers, positions, lengths, count)) {
            return -EINVAL;
        }
        JnaScratch s = JnaScratch.get();
        fillIovecs(s, buffers, positions, lengths, count);
        long n = Libc.readv(fd, s.iovecs, count);
        return n >= 0 ? n : Jna.negErrno();
    }

    @Override
    public long writev(int fd, ByteBuffer[] buffers, int[] positions, int[] lengths, int count) {
        if (fd < 0) {
            return -EBADF;
        }
        if (!ArgumentChecks.vectors(buffers, positions, lengths, count)) {
            return -EINVAL;
        }
        JnaScratch s = JnaScratch.get();
        fillIovecs(s, buffers, positions, lengths, count);
        long n = Libc.writev(fd, s.iovecs, count);
        return n >= 0 ? n : Jna.negErrno();
    }

    private static void fillIovecs(JnaScratch s, ByteBuffer[] buffers, int[] positions, int[] lengths, int count) {
        for (int i = 0; i < count; i++) {
            int at = i * IOVEC_SIZE;
            s.iovecsBytes.putLong(at, s.addressOf(buffers[i]) + positions[i]);
            s.iovecsBytes.putLong(at + IOV_LEN, lengths[i]);
        }
    }

    @Override
    public int setNonBlocking(int fd, boolean on) {
        if (fd < 0) {
            return -EBADF;
        }
        JnaScratch s = JnaScratch.get();
        s.smallBytes.putInt(0, on ? 1 : 0);
        // ioctl rather than fcntl, as native/unix/compat.c
        int rc = Jna.variadic().ioctl(fd, FIONBIO, new Pointer(s.small));
        return rc == 0 ? 0 : Jna.negErrno();
    }

    @Override
    public int pipe(int[] out) {
        if (!ArgumentChecks.out(out, 2)) {
            return -EINVAL;
        }
        JnaScratch s = JnaScratch.get();
        if (Libc.pipe2(s.small, PIPE_FLAGS) != 0) {
            return Jna.negErrno();
        }
        out[0] = s.smallBytes.getInt(0);
        out[1] = s.smallBytes.getInt(4);
        return 0;
    }

    // Sockets

    @Override
    public int socket(int family, int type, int protocol) {
        if (!CHECK.socket(family, type, protocol)) {
            return -EINVAL;
        }
        int fd = Libc.socket(family, type | BORN, protocol);
        return fd >= 0 ? fd : Jna.negErrno();
    }

    @Override
    public int socketpair(int family, int type, int[] out) {
        if (!CHECK.socketpair(family, type) || !ArgumentChecks.out(out, 2)) {
            return -EINVAL;
        }
        JnaScratch s = JnaScratch.get();
        if (Libc.socketpair(family, type | BORN, 0, s.small) != 0) {
            return Jna.negErrno();
        }
        out[0] = s.smallBytes.getInt(0);
        out[1] = s.smallBytes.getInt(4);
        return 0;
    }

    @Override
    public int bind(int fd, byte[] address) {
        if (fd < 0) {
            return -EBADF;
        }
        JnaScratch s = JnaScratch.get();
        int length = CODEC.toOs(address, s.sockaddrBytes);
        if (length < 0) {
            return length;
        }
        return Libc.bind(fd, s.sockaddr, length) == 0 ? 0 : Jna.negErrno();
    }

    @Override
    public int connect(int fd, byte[] address) {
        if (fd < 0) {
            return -EBADF;
        }
        JnaScratch s = JnaScratch.get();
        int length = CODEC.toOs(address, s.sockaddrBytes);
        if (length < 0) {
            return length;
        }
        return Libc.connect(fd, s.sockaddr, length) == 0 ? 0 : Jna.negErrno();
    }

    @Override
    public int listen(int fd, int backlog) {
        if (fd < 0) {
            return -EBADF;
        }
        return Libc.listen(fd, backlog) == 0 ? 0 : Jna.negErrno();
    }

    @Override
    public int accept(int fd, byte[] address) {
        if (fd < 0) {
            return -EBADF;
        }
        if (!ArgumentChecks.addressOut(address)) {
            return -EINVAL;
        }
        JnaScratch s = JnaScratch.get();
        s.socklenBytes.putInt(0, CODEC.storageSize());
        int accepted = Libc.accept4(fd, s.sockaddr, s.socklen, BORN);
        if (accepted < 0) {
            return Jna.negErrno();
        }
        if (CODEC.fromOs(s.sockaddrBytes, s.socklenBytes.getInt(0), address) < 0) {
            CODEC.fromOs(s.sockaddrBytes, 0, address);   // the peer went away unnamed: an empty name
        }
        return accepted;
    }

    @Override
    public int localAddress(int fd, byte[] address) {
        if (fd < 0) {
            return -EBADF;
        }
        return name(fd, address, false);
    }

    @Override
    public int peerAddress(int fd, byte[] address) {
        if (fd < 0) {
            return -EBADF;
        }
        return name(fd, address, true);
    }

    private static int name(int fd, byte[] address, boolean peer) {
        if (!ArgumentChecks.addressOut(address)) {
            return -EINVAL;
        }
        JnaScratch s = JnaScratch.get();
        s.socklenBytes.putInt(0, CODEC.storageSize());
        int rc = peer ? Libc.getpeername(fd, s.sockaddr, s.socklen) : Libc.getsockname(fd, s.sockaddr, s.socklen);
        if (rc != 0) {
            return Jna.negErrno();
        }
        return CODEC.fromOs(s.sockaddrBytes, s.socklenBytes.getInt(0), address);
    }

    @Override
    public int shutdown(int fd, int how) {
        if (fd < 0) {
            return -EBADF;
        }
        if (!CHECK.shutdownHow(how)) {
            return -EINVAL;
        }
        return Libc.shutdown(fd, how) == 0 ? 0 : Jna.negErrno();
    }

    @Override
    public int getIntOption(int fd, int level, int name, int[] value) {
        if (fd < 0) {
            return -EBADF;
        }
        if (!CHECK.intOption(level, name) || !ArgumentChecks.out(value, 1)) {
            return -EINVAL;
        }
        JnaScratch s = JnaScratch.get();
        s.smallBytes.putInt(0, 0);
        s.socklenBytes.putInt(0, 4);
        if (Libc.getsockopt(fd, level, name, s.small, s.socklen) != 0) {
            return Jna.negErrno();
        }
        value[0] = s.smallBytes.getInt(0);
        return 0;
    }

    @Override
    public int setIntOption(int fd, int level, int name, int value) {
        if (fd < 0) {
            return -EBADF;
        }
        if (!CHECK.intOption(level, name)) {
            return -EINVAL;
        }
        JnaScratch s = JnaScratch.get();
        s.smallBytes.putInt(0, value);
        return Libc.setsockopt(fd, level, name, s.small, 4) == 0 ? 0 : Jna.negErrno();
    }

    @Override
    public int send(int fd, ByteBuffer buffer, int pos, int len, int flags) {
        if (fd < 0) {
            return -EBADF;
        }
        // Java sends no flag: MSG_NOSIGNAL is ours.
        if (!ArgumentChecks.bufferRange(buffer, pos, len) || flags != 0) {
            return -EINVAL;
        }
        long n = Libc.send(fd, JnaScratch.get().addressOf(buffer) + pos, len, MSG_NOSIGNAL);
        return n >= 0 ? (int) n : Jna.negErrno();
    }

    @Override
    public int recv(int fd, ByteBuffer buffer, int pos, int len, int flags) {
        if (fd < 0) {
            return -EBADF;
        }
        if (!ArgumentChecks.bufferRange(buffer, pos, len)) {
            return -EINVAL;
        }
        JnaScratch s = JnaScratch.get();
        int rc = recvFlags(s, fd, flags);
        if (rc < 0) {
            return rc;
        }
        long n = Libc.recv(fd, s.addressOf(buffer) + pos, len, flags);
        return n >= 0 ? (int) n : Jna.negErrno();
    }

    /**
     * native/unix/checks.c's mio4j_unix_check_recv_flags: 0, or -EINVAL (or getsockopt's
     * -errno). MSG_TRUNC costs one getsockopt(SO_TYPE), into the scratch memory, as in the C.
     */
    private static int recvFlags(JnaScratch s, int fd, int flags) {
        if (!CHECK.recvFlags(flags)) {
            return -EINVAL;
        }
        if (!CHECK.truncates(flags)) {
            return 0;
        }
        s.smallBytes.putInt(0, 0);
        s.socklenBytes.putInt(0, 4);
        if (Libc.getsockopt(fd, SOL_SOCKET, SO_TYPE, s.small, s.socklen) != 0) {
            return Jna.negErrno();
        }
        return CHECK.datagram(s.smallBytes.getInt(0)) ? 0 : -EINVAL;
    }

    @Override
    public long sendv(int fd, ByteBuffer[] buffers, int[] positions, int[] lengths, int count) {
        if (fd < 0) {
            return -EBADF;
        }
        if (!ArgumentChecks.vectors(buffers, positions, lengths, count)) {
            return -EINVAL;
        }
        JnaScratch s = JnaScratch.get();
        fillIovecs(s, buffers, positions, lengths, count);
        for (int i = 0; i < MSGHDR_SIZE; i += 8) {
            s.msghdrBytes.putLong(i, 0L);
        }
        s.msghdrBytes.putLong(MSG_IOV, s.iovecs);
        s.msghdrBytes.putLong(MSG_IOVLEN, count);
        long n = Libc.sendmsg(fd, s.msghdr, MSG_NOSIGNAL);
        return n >= 0 ? n : Jna.negErrno();
    }

    @Override
    public int getLinger(int fd, int[] out) {
        if (fd < 0) {
            return -EBADF;
        }
        if (!ArgumentChecks.out(out, 2)) {
            return -EINVAL;
        }
        JnaScratch s = JnaScratch.get();
        s.smallBytes.putLong(0, 0L);
        s.socklenBytes.putInt(0, LINGER_SIZE);
        if (Libc.getsockopt(fd, SOL_SOCKET, SO_LINGER, s.small, s.socklen) != 0) {
            return Jna.negErrno();
        }
        out[0] = s.smallBytes.getInt(0) != 0 ? 1 : 0;
        out[1] = s.smallBytes.getInt(L_LINGER);
        return 0;
    }

    @Override
    public int setLinger(int fd, boolean on, int seconds) {
        if (fd < 0) {
            return -EBADF;
        }
        if (seconds < 0) {
            return -EINVAL;
        }
        JnaScratch s = JnaScratch.get();
        s.smallBytes.putInt(0, on ? 1 : 0);
        s.smallBytes.putInt(L_LINGER, seconds);
        return Libc.setsockopt(fd, SOL_SOCKET, SO_LINGER, s.small, LINGER_SIZE) == 0 ? 0 : Jna.negErrno();
    }

    @Override
    public int family(int fd) {
        if (fd < 0) {
            return -EBADF;
        }
        JnaScratch s = JnaScratch.get();
        for (int i = 0; i < CODEC.storageSize(); i += 8) {
            s.sockaddrBytes.putLong(i, 0L);
        }
        s.socklenBytes.putInt(0, CODEC.storageSize());
        if (Libc.getsockname(fd, s.sockaddr, s.socklen) != 0) {
            return Jna.negErrno();
        }
        return s.sockaddrBytes.getShort(0) & 0xFFFF;
    }

    // Datagrams

    @Override
    public int sendTo(int fd, ByteBuffer buffer, int pos, int len, byte[] address) {
        if (fd < 0) {
            return -EBADF;
        }
        if (!ArgumentChecks.bufferRange(buffer, pos, len)) {
            return -EINVAL;
        }
        JnaScratch s = JnaScratch.get();
        int length = CODEC.toOs(address, s.sockaddrBytes);
        if (length < 0) {
            return length;
        }
        long n = Libc.sendto(fd, s.addressOf(buffer) + pos, len, MSG_NOSIGNAL, s.sockaddr, length);
        return n >= 0 ? (int) n : Jna.negErrno();
    }

    @Override
    public int recvFrom(int fd, ByteBuffer buffer, int pos, int len, int flags, byte[] address) {
        if (fd < 0) {
            return -EBADF;
        }
        if (!ArgumentChecks.bufferRange(buffer, pos, len) || !ArgumentChecks.addressOut(address)) {
            return -EINVAL;
        }
        JnaScratch s = JnaScratch.get();
        int rc = recvFlags(s, fd, flags);
        if (rc < 0) {
            return rc;
        }
        s.socklenBytes.putInt(0, CODEC.storageSize());
        long n = Libc.recvfrom(fd, s.addressOf(buffer) + pos, len, flags, s.sockaddr, s.socklen);
        if (n < 0) {
            return Jna.negErrno();
        }
        if (CODEC.fromOs(s.sockaddrBytes, s.socklenBytes.getInt(0), address) < 0) {
            CODEC.fromOs(s.sockaddrBytes, 0, address);   // a family we do not know: no address
        }
        return (int) Math.min(n, Integer.MAX_VALUE);
    }

    @Override
    public int membershipV4(int fd, int option, byte[] group, byte[] iface) {
        if (fd < 0) {
            return -EBADF;
        }
        if (!CHECK.membershipV4(option) || !ArgumentChecks.exactly(group, 4) || !ArgumentChecks.exactly(iface, 4)) {
            return -EINVAL;
        }
        JnaScratch s = JnaScratch.get();
        s.smallBytes.putLong(0, 0L);
        s.smallBytes.put(0, group);
        s.smallBytes.put(IMR_INTERFACE, iface);
        return Libc.setsockopt(fd, IPPROTO_IP, option, s.small, IP_MREQ_SIZE) == 0 ? 0 : Jna.negErrno();
    }

    @Override
    public int membershipV6(int fd, int option, byte[] group, int ifindex) {
        if (fd < 0) {
            return -EBADF;
        }
        if (!CHECK.membershipV6(option) || ifindex < 0 || !ArgumentChecks.exactly(group, 16)) {
            return -EINVAL;
        }
        JnaScratch s = JnaScratch.get();
        for (int i = 0; i < 24; i += 8) {
            s.smallBytes.putLong(i, 0L);
        }
        s.smallBytes.put(0, group);
        s.smallBytes.putInt(IPV6MR_INTERFACE, ifindex);
        return Libc.setsockopt(fd, IPPROTO_IPV6, option, s.small, IPV6_MREQ_SIZE) == 0 ? 0 : Jna.negErrno();
    }
}
