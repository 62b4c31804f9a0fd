package io.mio4j.internal.io;

import io.mio4j.internal.loader.Binding;

import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketException;
import java.net.SocketTimeoutException;

/**
 * The one place where a native's {@code -errno} becomes an exception. Values come from
 * the binding (the library's C, or the OS's table), so they are right on every system.
 */
public final class Errno {
    private static final ErrnoCalls CALLS = Binding.implementation(ErrnoCalls.class);

    public static final int EAGAIN = constant("EAGAIN");
    public static final int EWOULDBLOCK = constant("EWOULDBLOCK");
    public static final int EINTR = constant("EINTR");
    public static final int EINPROGRESS = constant("EINPROGRESS");
    public static final int EISCONN = constant("EISCONN");
    public static final int EALREADY = constant("EALREADY");
    public static final int ECONNREFUSED = constant("ECONNREFUSED");
    public static final int ECONNRESET = constant("ECONNRESET");
    public static final int EADDRINUSE = constant("EADDRINUSE");
    public static final int EADDRNOTAVAIL = constant("EADDRNOTAVAIL");
    public static final int ENETUNREACH = constant("ENETUNREACH");
    public static final int EHOSTUNREACH = constant("EHOSTUNREACH");
    public static final int ETIMEDOUT = constant("ETIMEDOUT");
    public static final int ENOTCONN = constant("ENOTCONN");
    public static final int EINVAL = constant("EINVAL");
    public static final int EBADF = constant("EBADF");
    public static final int EPIPE = constant("EPIPE");
    public static final int ENOENT = constant("ENOENT");
    public static final int EEXIST = constant("EEXIST");
    public static final int ENOSYS = constant("ENOSYS");
    public static final int EPERM = constant("EPERM");
    public static final int ENOPROTOOPT = constant("ENOPROTOOPT");
    public static final int ENAMETOOLONG = constant("ENAMETOOLONG");
    public static final int EOPNOTSUPP = constant("EOPNOTSUPP");
    public static final int EAFNOSUPPORT = constant("EAFNOSUPPORT");

    private Errno() {
    }

    private static int constant(String name) {
        return NativeConstant.required(name, CALLS.constant(name));
    }

    /** Whether a native's result means "would block". */
    public static boolean isWouldBlock(int result) {
        return result == -EAGAIN || result == -EWOULDBLOCK;
    }

    /** Whether a native's result means "interrupted by a signal: call again". */
    public static boolean isInterrupted(long result) {
        return result == -EINTR;
    }

    /** The system's text for an errno value, e.g. "Connection refused". */
    public static String text(int errno) {
        return CALLS.strerror(errno);
    }

    /**
     * The exception for a failed call: its message names the call and the OS error,
     * e.g. {@code connect: Connection refused (errno 111)}.
     *
     * @param call   the system call or operation that failed
     * @param result the native's negative result ({@code -errno})
     */
    public static IOException exception(String call, long result) {
        int errno = (int) -result;
        String message = call + ": " + text(errno) + " (errno " + errno + ")";
        if (errno == ECONNREFUSED) {
            return new ConnectException(message);
        }
        if (errno == EADDRINUSE || errno == EADDRNOTAVAIL) {
            return new BindException(message);
        }
        if (errno == ENETUNREACH || errno == EHOSTUNREACH) {
            return new NoRouteToHostException(message);
        }
        if (errno == ETIMEDOUT) {
            return new SocketTimeoutException(message);
        }
        return new IOException(message);
    }

    /**
     * As {@link #exception}, for datagram sockets: there a refused connection is an
     * ICMP port-unreachable message about an earlier datagram.
     */
    public static IOException datagramException(String call, long result) {
        int errno = (int) -result;
        // Linux reports the ICMP message as ECONNREFUSED, Windows as WSAECONNRESET.
        if (errno == ECONNREFUSED || errno == ECONNRESET) {
            return new PortUnreachableException(call + ": " + text(errno) + " (errno " + errno + ")");
        }
        return exception(call, result);
    }

    /**
     * As {@link #exception}, for socket options and multicast memberships: a
     * SocketException, as the JDK's channels give for a refused setsockopt (a second join
     * reports EADDRINUSE, which is no BindException here).
     */
    public static IOException optionException(String call, long result) {
        int errno = (int) -result;
        return new SocketException(call + ": " + text(errno) + " (errno " + errno + ")");
    }

    /** Throws the exception for a negative result; returns a non-negative one. */
    public static int check(String call, int result) throws IOException {
        if (result < 0) {
            throw exception(call, result);
        }
        return result;
    }
}
