package io.mio4j.internal.unix;

import io.mio4j.internal.abi.ArgumentChecks;
import io.mio4j.internal.abi.LinuxAbi;
import io.mio4j.internal.abi.SockaddrCodec;
import io.mio4j.internal.ffm.Ffm;
import io.mio4j.internal.ffm.FfmScratch;
import io.mio4j.internal.io.NativeConstant;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.ByteBuffer;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * PosixCalls through FFM, call for call what native/unix (fd.c, socket.c, datagram.c,
 * compat.c) does: the same argument checks (ArgumentChecks, before the OS is called), the
 * same flags (born non-blocking and close-on-exec, MSG_NOSIGNAL on every send), results
 * as a count, descriptor or -errno.
 *
 * <p>read, write, readv and writev may block (a pipe end the user made blocking) and close
 * may linger, so they are not linked critical; every socket of ours is non-blocking, so
 * its calls are.
 */
public final class PosixCallsFfm extends PosixCallsWithoutLibrary {
    private static final LinuxAbi ABI = Ffm.ABI;
    private static final SockaddrCodec CODEC = new SockaddrCodec(ABI);
    private static final ArgumentChecks CHECK = ArgumentChecks.of(ABI);
    private static final int SO_TYPE = ABI.posix().get("SO_TYPE");
    private static final int EINVAL = ABI.errno().get("EINVAL");
    private static final int EBADF = ABI.errno().get("EBADF");
    private static final int BORN = ABI.call("SOCK_NONBLOCK") | ABI.call("SOCK_CLOEXEC");
    private static final int PIPE_FLAGS = ABI.call("O_NONBLOCK") | ABI.call("O_CLOEXEC");
    private static final int MSG_NOSIGNAL = ABI.call("MSG_NOSIGNAL");
    private static final long FIONBIO = ABI.call("FIONBIO");
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

    private static final FunctionDescriptor IO = FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG);
    private static final FunctionDescriptor IOV = FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT);
    private static final FunctionDescriptor ADDRESS_IN = FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT);
    private static final FunctionDescriptor ADDRESS_OUT = FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS);
    private static final FunctionDescriptor SEND_RECV = FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT);

    private static final MethodHandle CLOSE = Ffm.blocking("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle READ = Ffm.blocking("read", IO);
    private static final MethodHandle WRITE = Ffm.blocking("write", IO);
    private static final MethodHandle READV = Ffm.blocking("readv", IOV);
    private static final MethodHandle WRITEV = Ffm.blocking("writev", IOV);
    private static final MethodHandle IOCTL = Ffm.blockingVariadic("ioctl",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS), 2);
    private static final MethodHandle PIPE2 = Ffm.quick("pipe2", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle SOCKET = Ffm.quick("socket",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle SOCKETPAIR = Ffm.quick("socketpair",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS));
    // bind and connect may touch the file system (Unix socket paths): not critical.
    private static final MethodHandle BIND = Ffm.blocking("bind", ADDRESS_IN);
    private static final MethodHandle CONNECT = Ffm.blocking("connect", ADDRESS_IN);
    private static final MethodHandle LISTEN = Ffm.quick("listen", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle ACCEPT4 = Ffm.quick("accept4",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, JAVA_INT));
    private static final MethodHandle GETSOCKNAME = Ffm.quick("getsockname", ADDRESS_OUT);
    private static final MethodHandle GETPEERNAME = Ffm.quick("getpeername", ADDRESS_OUT);
    private static final MethodHandle SHUTDOWN = Ffm.quick("shutdown", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle GETSOCKOPT = Ffm.quick("getsockopt",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
    private static final MethodHandle SETSOCKOPT = Ffm.quick("setsockopt",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle SEND = Ffm.quick("send", SEND_RECV);
    private static final MethodHandle RECV = Ffm.quick("recv", SEND_RECV);
    private static final MethodHandle SENDMSG = Ffm.quick("sendmsg", IOV);
    private static final MethodHandle SENDTO = Ffm.quick("sendto",
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle RECVFROM = Ffm.quick("recvfrom",
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT, ADDRESS, ADDRESS));

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
        FfmScratch s = FfmScratch.get();
        int rc;
        try {
            // No retry on EINTR: on Linux the descriptor is gone whatever close returns.
            rc = (int) CLOSE.invokeExact(s.capture, fd);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
        return rc == 0 ? 0 : Ffm.negErrno(s.capture);
    }

    @Override
    public int read(int fd, ByteBuffer buffer, int pos, int len) {
        if (fd < 0) {
            return -EBADF;
        }
        if (!ArgumentChecks.bufferRange(buffer, pos, len)) {
            return -EINVAL;
        }
        FfmScratch s = FfmScratch.get();
        long n;
        try {
            n = (long) READ.invokeExact(s.capture, fd, s.range(buffer, pos), (long) len);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
        return n >= 0 ? (int) n : Ffm.negErrno(s.capture);
    }

    @Override
    public int write(int fd, ByteBuffer buffer, int pos, int len) {
        if (fd < 0) {
            return -EBADF;
        }
        if (!ArgumentChecks.bufferRange(buffer, pos, len)) {
            return -EINVAL;
        }
        FfmScratch s = FfmScratch.get();
        long n;
        try {
            n = (long) WRITE.invokeExact(s.capture, fd, s.range(buffer, pos), (long) len);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
        return n >= 0 ? (int) n : Ffm.negErrno(s.capture);
    }

    @Override
    public long readv(int fd, ByteBuffer[] buffers, int[] positions, int[] lengths, int count) {
        if (fd < 0) {
            return -EBADF;
        }
        if (!ArgumentChecks.vectors(buffers, positions, lengths, count)) {
            return -EINVAL;
        }
        FfmScratch s = FfmScratch.get();
        fillIovecs(s, buffers, positions, lengths, count);
        long n;
        try {
            n = (long) READV.invokeExact(s.capture, fd, s.iovecs, count);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
        return n >= 0 ? n : Ffm.negErrno(s.capture);
    }

    @Override
    public long writev(int fd, ByteBuffer[] buffers, int[] positions, int[] lengths, int count) {
        if (fd < 0) {
            return -EBADF;
        }
        if (!ArgumentChecks.vectors(buffers, positions, lengths, count)) {
            return -EINVAL;
        }
        FfmScratch s = FfmScratch.get();
        fillIovecs(s, buffers, positions, lengths, count);
        long n;
        try {
            n = (long) WRITEV.invokeExact(s.capture, fd, s.iovecs, count);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
        return n >= 0 ? n : Ffm.negErrno(s.capture);
    }

    /** The iovec array of a vectored call (FfmScratch.address says what it guards). */
    private static void fillIovecs(FfmScratch s, ByteBuffer[] buffers, int[] positions, int[] lengths, int count) {
        for (int i = 0; i < count; i++) {
            long at = (long) i * IOVEC_SIZE;
            s.iovecs.set(JAVA_LONG, at, s.address(buffers[i], positions[i]));
            s.iovecs.set(JAVA_LONG, at + IOV_LEN, lengths[i]);
        }
    }

    @Override
    public int setNonBlocking(int fd, boolean on) {
        if (fd < 0) {
            return -EBADF;
        }
        FfmScratch s = FfmScratch.get();
        s.small.set(JAVA_INT, 0, on ? 1 : 0);
        int rc;
        try {
            // ioctl rather than fcntl, as native/unix/compat.c
            rc = (int) IOCTL.invokeExact(s.capture, fd, FIONBIO, s.small);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
        return rc == 0 ? 0 : Ffm.negErrno(s.capture);
    }

    @Override
    public int pipe(int[] out) {
        if (!ArgumentChecks.out(out, 2)) {
            return -EINVAL;
        }
        FfmScratch s = FfmScratch.get();
        int rc;
        try {
            rc = (int) PIPE2.invokeExact(s.capture, s.small, PIPE_FLAGS);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
        if (rc != 0) {
            return Ffm.negErrno(s.capture);
        }
        out[0] = s.small.get(JAVA_INT, 0);
        out[1] = s.small.get(JAVA_INT, 4);
        return 0;
    }

    // Sockets

    @Override
    public int socket(int family, int type, int protocol) {
        if (!CHECK.socket(family, type, protocol)) {
            return -EINVAL;
        }
        FfmScratch s = FfmScratch.get();
        int fd;
        try {
            fd = (int) SOCKET.invokeExact(s.capture, family, type | BORN, protocol);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
        return fd >= 0 ? fd : Ffm.negErrno(s.capture);
    }

    @Override
    public int socketpair(int family, int type, int[] out) {
        if (!CHECK.socketpair(family, type) || !ArgumentChecks.out(out, 2)) {
            return -EINVAL;
        }
        FfmScratch s = FfmScratch.get();
        int rc;
        try {
            rc = (int) SOCKETPAIR.invokeExact(s.capture, family, type | BORN, 0, s.small);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
        if (rc != 0) {
            return Ffm.negErrno(s.capture);
        }
        out[0] = s.small.get(JAVA_INT, 0);
        out[1] = s.small.get(JAVA_INT, 4);
        return 0;
    }

    @Override
    public int bind(int fd, byte[] address) {
        if (fd < 0) {
            return -EBADF;
        }
        return addressCall(BIND, fd, address);
    }

    @Override
    public int connect(int fd, byte[] address) {
        if (fd < 0) {
            return -EBADF;
        }
        return addressCall(CONNECT, fd, address);
    }

    private static int addressCall(MethodHandle call, int fd, byte[] address) {
        FfmScratch s = FfmScratch.get();
        int length = CODEC.toOs(address, s.sockaddrBytes);
        if (length < 0) {
            return length;
        }
        int rc;
        try {
            rc = (int) call.invokeExact(s.capture, fd, s.sockaddr, length);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
        return rc == 0 ? 0 : Ffm.negErrno(s.capture);
    }

    @Override
    public int listen(int fd, int backlog) {
        if (fd < 0) {
            return -EBADF;
        }
        FfmScratch s = FfmScratch.get();
        int rc;
        try {
            rc = (int) LISTEN.invokeExact(s.capture, fd, backlog);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
        return rc == 0 ? 0 : Ffm.negErrno(s.capture);
    }

    @Override
    public int accept(int fd, byte[] address) {
        if (fd < 0) {
            return -EBADF;
        }
        if (!ArgumentChecks.addressOut(address)) {
            return -EINVAL;
        }
        FfmScratch s = FfmScratch.get();
        s.socklen.set(JAVA_INT, 0, CODEC.storageSize());
        int accepted;
        try {
            accepted = (int) ACCEPT4.invokeExact(s.capture, fd, s.sockaddr, s.socklen, BORN);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
        if (accepted < 0) {
            return Ffm.negErrno(s.capture);
        }
        if (CODEC.fromOs(s.sockaddrBytes, s.socklen.get(JAVA_INT, 0), address) < 0) {
            CODEC.fromOs(s.sockaddrBytes, 0, address);   // the peer went away unnamed: an empty name
        }
        return accepted;
    }

    @Override
    public int localAddress(int fd, byte[] address) {
        if (fd < 0) {
            return -EBADF;
        }
        return name(GETSOCKNAME, fd, address);
    }

    @Override
    public int peerAddress(int fd, byte[] address) {
        if (fd < 0) {
            return -EBADF;
        }
        return name(GETPEERNAME, fd, address);
    }

    private static int name(MethodHandle call, int fd, byte[] address) {
        if (!ArgumentChecks.addressOut(address)) {
            return -EINVAL;
        }
        FfmScratch s = FfmScratch.get();
        s.socklen.set(JAVA_INT, 0, CODEC.storageSize());
        int rc;
        try {
            rc = (int) call.invokeExact(s.capture, fd, s.sockaddr, s.socklen);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
        if (rc != 0) {
            return Ffm.negErrno(s.capture);
        }
        return CODEC.fromOs(s.sockaddrBytes, s.socklen.get(JAVA_INT, 0), address);
    }

    @Override
    public int shutdown(int fd, int how) {
        if (fd < 0) {
            return -EBADF;
        }
        if (!CHECK.shutdownHow(how)) {
            return -EINVAL;
        }
        FfmScratch s = FfmScratch.get();
        int rc;
        try {
            rc = (int) SHUTDOWN.invokeExact(s.capture, fd, how);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
        return rc == 0 ? 0 : Ffm.negErrno(s.capture);
    }

    @Override
    public int getIntOption(int fd, int level, int name, int[] value) {
        if (fd < 0) {
            return -EBADF;
        }
        if (!CHECK.intOption(level, name) || !ArgumentChecks.out(value, 1)) {
            return -EINVAL;
        }
        FfmScratch s = FfmScratch.get();
        s.small.set(JAVA_INT, 0, 0);
        s.socklen.set(JAVA_INT, 0, 4);
        if (getsockopt(s, fd, level, name) != 0) {
            return Ffm.negErrno(s.capture);
        }
        value[0] = s.small.get(JAVA_INT, 0);
        return 0;
    }

    private static int getsockopt(FfmScratch s, int fd, int level, int name) {
        try {
            return (int) GETSOCKOPT.invokeExact(s.capture, fd, level, name, s.small, s.socklen);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    @Override
    public int setIntOption(int fd, int level, int name, int value) {
        if (fd < 0) {
            return -EBADF;
        }
        if (!CHECK.intOption(level, name)) {
            return -EINVAL;
        }
        FfmScratch s = FfmScratch.get();
        s.small.set(JAVA_INT, 0, value);
        return setsockopt(s, fd, level, name, 4);
    }

    private static int setsockopt(FfmScratch s, int fd, int level, int name, int size) {
        int rc;
        try {
            rc = (int) SETSOCKOPT.invokeExact(s.capture, fd, level, name, s.small, size);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
        return rc == 0 ? 0 : Ffm.negErrno(s.capture);
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
        FfmScratch s = FfmScratch.get();
        long n;
        try {
            n = (long) SEND.invokeExact(s.capture, fd, s.range(buffer, pos), (long) len, MSG_NOSIGNAL);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
        return n >= 0 ? (int) n : Ffm.negErrno(s.capture);
    }

    @Override
    public int recv(int fd, ByteBuffer buffer, int pos, int len, int flags) {
        if (fd < 0) {
            return -EBADF;
        }
        if (!ArgumentChecks.bufferRange(buffer, pos, len)) {
            return -EINVAL;
        }
        FfmScratch s = FfmScratch.get();
        int rc = recvFlags(s, fd, flags);
        if (rc < 0) {
            return rc;
        }
        long n;
        try {
            n = (long) RECV.invokeExact(s.capture, fd, s.range(buffer, pos), (long) len, flags);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
        return n >= 0 ? (int) n : Ffm.negErrno(s.capture);
    }

    /**
     * native/unix/checks.c's mio4j_unix_check_recv_flags: 0, or -EINVAL (or getsockopt's
     * -errno). MSG_TRUNC costs one getsockopt(SO_TYPE), into the scratch memory, as in the C.
     */
    private static int recvFlags(FfmScratch s, int fd, int flags) {
        if (!CHECK.recvFlags(flags)) {
            return -EINVAL;
        }
        if (!CHECK.truncates(flags)) {
            return 0;
        }
        s.small.set(JAVA_INT, 0, 0);
        s.socklen.set(JAVA_INT, 0, 4);
        if (getsockopt(s, fd, SOL_SOCKET, SO_TYPE) != 0) {
            return Ffm.negErrno(s.capture);
        }
        return CHECK.datagram(s.small.get(JAVA_INT, 0)) ? 0 : -EINVAL;
    }

    @Override
    public long sendv(int fd, ByteBuffer[] buffers, int[] positions, int[] lengths, int count) {
        if (fd < 0) {
            return -EBADF;
        }
        if (!ArgumentChecks.vectors(buffers, positions, lengths, count)) {
            return -EINVAL;
        }
        FfmScratch s = FfmScratch.get();
        fillIovecs(s, buffers, positions, lengths, count);
        s.msghdr.fill((byte) 0);
        s.msghdr.set(JAVA_LONG, MSG_IOV, s.iovecs.address());
        s.msghdr.set(JAVA_LONG, MSG_IOVLEN, count);
        long n;
        try {
            n = (long) SENDMSG.invokeExact(s.capture, fd, s.msghdr, MSG_NOSIGNAL);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
        return n >= 0 ? n : Ffm.negErrno(s.capture);
    }

    @Override
    public int getLinger(int fd, int[] out) {
        if (fd < 0) {
            return -EBADF;
        }
        if (!ArgumentChecks.out(out, 2)) {
            return -EINVAL;
        }
        FfmScratch s = FfmScratch.get();
        s.small.set(JAVA_LONG, 0, 0L);
        s.socklen.set(JAVA_INT, 0, LINGER_SIZE);
        if (getsockopt(s, fd, SOL_SOCKET, SO_LINGER) != 0) {
            return Ffm.negErrno(s.capture);
        }
        out[0] = s.small.get(JAVA_INT, 0) != 0 ? 1 : 0;
        out[1] = s.small.get(JAVA_INT, L_LINGER);
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
        FfmScratch s = FfmScratch.get();
        s.small.set(JAVA_INT, 0, on ? 1 : 0);
        s.small.set(JAVA_INT, L_LINGER, seconds);
        return setsockopt(s, fd, SOL_SOCKET, SO_LINGER, LINGER_SIZE);
    }

    @Override
    public int family(int fd) {
        if (fd < 0) {
            return -EBADF;
        }
        FfmScratch s = FfmScratch.get();
        s.sockaddr.fill((byte) 0);
        s.socklen.set(JAVA_INT, 0, CODEC.storageSize());
        int rc;
        try {
            rc = (int) GETSOCKNAME.invokeExact(s.capture, fd, s.sockaddr, s.socklen);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
        return rc == 0 ? s.sockaddrBytes.getShort(0) & 0xFFFF : Ffm.negErrno(s.capture);
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
        FfmScratch s = FfmScratch.get();
        int length = CODEC.toOs(address, s.sockaddrBytes);
        if (length < 0) {
            return length;
        }
        long n;
        try {
            n = (long) SENDTO.invokeExact(s.capture, fd, s.range(buffer, pos), (long) len, MSG_NOSIGNAL,
                    s.sockaddr, length);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
        return n >= 0 ? (int) n : Ffm.negErrno(s.capture);
    }

    @Override
    public int recvFrom(int fd, ByteBuffer buffer, int pos, int len, int flags, byte[] address) {
        if (fd < 0) {
            return -EBADF;
        }
        if (!ArgumentChecks.bufferRange(buffer, pos, len) || !ArgumentChecks.addressOut(address)) {
            return -EINVAL;
        }
        FfmScratch s = FfmScratch.get();
        int rc = recvFlags(s, fd, flags);
        if (rc < 0) {
            return rc;
        }
        s.socklen.set(JAVA_INT, 0, CODEC.storageSize());
        long n;
        try {
            n = (long) RECVFROM.invokeExact(s.capture, fd, s.range(buffer, pos), (long) len, flags,
                    s.sockaddr, s.socklen);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
        if (n < 0) {
            return Ffm.negErrno(s.capture);
        }
        if (CODEC.fromOs(s.sockaddrBytes, s.socklen.get(JAVA_INT, 0), address) < 0) {
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
        FfmScratch s = FfmScratch.get();
        s.small.fill((byte) 0);
        MemorySegment.copy(group, 0, s.small, JAVA_BYTE, 0, 4);
        MemorySegment.copy(iface, 0, s.small, JAVA_BYTE, IMR_INTERFACE, 4);
        return setsockopt(s, fd, IPPROTO_IP, option, IP_MREQ_SIZE);
    }

    @Override
    public int membershipV6(int fd, int option, byte[] group, int ifindex) {
        if (fd < 0) {
            return -EBADF;
        }
        if (!CHECK.membershipV6(option) || ifindex < 0 || !ArgumentChecks.exactly(group, 16)) {
            return -EINVAL;
        }
        FfmScratch s = FfmScratch.get();
        s.small.fill((byte) 0);
        MemorySegment.copy(group, 0, s.small, JAVA_BYTE, 0, 16);
        s.small.set(JAVA_INT, IPV6MR_INTERFACE, ifindex);
        return setsockopt(s, fd, IPPROTO_IPV6, option, IPV6_MREQ_SIZE);
    }
}
