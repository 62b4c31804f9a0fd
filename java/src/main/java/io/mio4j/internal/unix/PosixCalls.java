package io.mio4j.internal.unix;

import java.nio.ByteBuffer;

/**
 * The POSIX calls behind every descriptor of the Unix backends (epoll, kqueue, event
 * ports), as a binding provides them: results are a count or descriptor, or -errno.
 * Buffers are direct, passed with (position, length). Addresses are byte arrays in the
 * layout of io.mio4j.internal.SockAddr. Descriptors are born non-blocking and
 * close-on-exec; sends never raise SIGPIPE.
 */
public interface PosixCalls {
    /** The value of a named constant (socket options, flags, sizes), or NativeConstant.UNKNOWN. */
    long constant(String name);

    // Descriptors

    int close(int fd);

    /** read(2) into [pos, pos + len) of a direct buffer. */
    int read(int fd, ByteBuffer buffer, int pos, int len);

    /** write(2) from [pos, pos + len) of a direct buffer. */
    int write(int fd, ByteBuffer buffer, int pos, int len);

    /** readv(2) over count direct buffers' (position, length) ranges. */
    long readv(int fd, ByteBuffer[] buffers, int[] positions, int[] lengths, int count);

    long writev(int fd, ByteBuffer[] buffers, int[] positions, int[] lengths, int count);

    int setNonBlocking(int fd, boolean on);

    /** A pipe, both ends non-blocking and close-on-exec: out[0] reads, out[1] writes. */
    int pipe(int[] out);

    /**
     * dup2 of a dead descriptor over fd (reads give end of stream, writes EBADF): the
     * JDK's pre-close, for a descriptor that a blocked thread still uses.
     */
    int preClose(int fd);

    /** Records the calling thread as about to block: a slot for threadSignal, or -EAGAIN. */
    int threadEnter();

    /** Frees the calling thread's slot. */
    int threadExit(int slot);

    /** Signals the thread in a slot out of the blocking call it is in (EINTR). */
    int threadSignal(int slot);

    // Sockets

    int socket(int family, int type, int protocol);

    int socketpair(int family, int type, int[] out);

    int bind(int fd, byte[] address);

    /** 0 when connected, -EINPROGRESS while the connect goes on. */
    int connect(int fd, byte[] address);

    int listen(int fd, int backlog);

    /** The accepted descriptor; the peer's address is written into address. */
    int accept(int fd, byte[] address);

    int localAddress(int fd, byte[] address);

    int peerAddress(int fd, byte[] address);

    int shutdown(int fd, int how);

    int getIntOption(int fd, int level, int name, int[] value);

    int setIntOption(int fd, int level, int name, int value);

    int send(int fd, ByteBuffer buffer, int pos, int len, int flags);

    int recv(int fd, ByteBuffer buffer, int pos, int len, int flags);

    long sendv(int fd, ByteBuffer[] buffers, int[] positions, int[] lengths, int count);

    /** SO_LINGER: out[0] 1 when on, out[1] the seconds. */
    int getLinger(int fd, int[] out);

    int setLinger(int fd, boolean on, int seconds);

    /** The address family (AF_INET, AF_INET6, AF_UNIX) of a socket. */
    int family(int fd);

    // Datagrams

    /** sendto(2) from [pos, pos + len) of a direct buffer to address. */
    int sendTo(int fd, ByteBuffer buffer, int pos, int len, byte[] address);

    /**
     * recvfrom(2) into [pos, pos + len) of a direct buffer; the sender goes to address
     * (SockAddr.MAX bytes). With MSG_TRUNC in flags the result is the datagram's full
     * length, which exceeds len when the datagram was truncated.
     */
    int recvFrom(int fd, ByteBuffer buffer, int pos, int len, int flags, byte[] address);

    /** IP_ADD_MEMBERSHIP / IP_DROP_MEMBERSHIP (option) with struct ip_mreq. */
    int membershipV4(int fd, int option, byte[] group, byte[] iface);

    /** IPV6_JOIN_GROUP / IPV6_LEAVE_GROUP (option) with struct ipv6_mreq. */
    int membershipV6(int fd, int option, byte[] group, int ifindex);
}
