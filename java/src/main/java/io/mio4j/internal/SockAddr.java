package io.mio4j.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * Socket addresses in the byte layout the natives read and write (native/unix/sockaddr.h):
 * [0] kind (0 none, 4 IPv4, 6 IPv6, 1 Unix); IP: [1..2] port, [3..6] scope id, [7..]
 * address; Unix: [1..2] path length, [3..] path. Numbers are big-endian.
 */
public final class SockAddr {
    /** Size of the arrays the natives fill. */
    public static final int MAX = 128;
    static final byte NONE = 0;
    static final byte UNIX = 1;
    static final byte INET4 = 4;
    static final byte INET6 = 6;
    private static final UnixDomainSocketAddress UNNAMED = UnixDomainSocketAddress.of("");

    private SockAddr() {
    }

    /** Encodes an IP socket address; UnresolvedAddressException for an unresolved one. */
    public static byte[] encode(InetSocketAddress address) {
        Objects.requireNonNull(address, "address");
        InetAddress ip = address.getAddress();
        if (address.isUnresolved() || ip == null) {
            throw new UnresolvedAddressException();
        }
        byte[] raw = ip.getAddress();
        byte[] out = new byte[7 + raw.length];
        out[0] = ip instanceof Inet4Address ? INET4 : INET6;
        put16(out, 1, address.getPort());
        if (ip instanceof Inet6Address) {
            put32(out, 3, ((Inet6Address) ip).getScopeId());
        }
        System.arraycopy(raw, 0, out, 7, raw.length);
        return out;
    }

    /** Encodes a Unix path as bytes in the platform's file-name encoding (UTF-8 here). */
    public static byte[] encodeUnix(byte[] path) {
        byte[] out = new byte[3 + path.length];
        out[0] = UNIX;
        put16(out, 1, path.length);
        System.arraycopy(path, 0, out, 3, path.length);
        return out;
    }

    /**
     * Encodes a Unix socket path (its bytes in UTF-8). NullPointerException for null;
     * IllegalArgumentException for an empty path or one that does not fit sun_path
     * ({@code sunPathSize} bytes, the OS's) with its terminating NUL: an address is never
     * truncated.
     */
    public static byte[] encodeUnix(Path path, int sunPathSize) {
        Objects.requireNonNull(path, "path");
        byte[] bytes = path.toString().getBytes(StandardCharsets.UTF_8);
        if (bytes.length == 0) {
            throw new IllegalArgumentException("empty Unix socket path");
        }
        if (bytes.length >= sunPathSize) {
            throw new IllegalArgumentException("Unix socket path of " + bytes.length
                    + " bytes is too long: at most " + (sunPathSize - 1) + " fit: " + path);
        }
        return encodeUnix(bytes);
    }

    /** Decodes a Unix address; an unnamed socket (or one the native could not name) has an empty path. */
    public static UnixDomainSocketAddress decodeUnix(byte[] in) {
        return asUnix(decode(in));
    }

    /** A decoded address as a Unix one: anything but a named Unix address is the unnamed address. */
    public static UnixDomainSocketAddress asUnix(SocketAddress address) {
        return address instanceof UnixDomainSocketAddress ? (UnixDomainSocketAddress) address : UNNAMED;
    }

    /** Decodes what a native wrote: an InetSocketAddress, a UnixDomainSocketAddress or null. */
    public static SocketAddress decode(byte[] in) {
        switch (in[0]) {
            case INET4:
                return inet(Arrays.copyOfRange(in, 7, 11), get16(in, 1), 0);
            case INET6:
                return inet(Arrays.copyOfRange(in, 7, 23), get16(in, 1), get32(in, 3));
            case UNIX:
                int length = get16(in, 1);
                if (length > 0 && in[3] == 0) {
                    return UNNAMED;   // a Linux abstract name: no Path can hold its NUL
                }
                return UnixDomainSocketAddress.of(new String(in, 3, length, StandardCharsets.UTF_8));
            default:
                return null;
        }
    }

    /** Decodes an IP address; null when the native wrote none. */
    public static InetSocketAddress decodeInet(byte[] in) {
        SocketAddress address = decode(in);
        return address instanceof InetSocketAddress ? (InetSocketAddress) address : null;
    }

    /** sun_path's size, asked of the library only when a Unix path is first encoded. */
    private static InetSocketAddress inet(byte[] raw, int port, int scope) {
        try {
            InetAddress ip = raw.length == 16 && scope != 0
                    ? Inet6Address.getByAddress(null, raw, scope)
                    : InetAddress.getByAddress(raw);
            return new InetSocketAddress(ip, port);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("address of bad length " + raw.length, e);
        }
    }

    private static void put16(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 8);
        b[at + 1] = (byte) v;
    }

    private static void put32(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    private static int get16(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }

    private static int get32(byte[] b, int at) {
        return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }
}
