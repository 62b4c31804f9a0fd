package io.mio4j.internal.abi;

import java.nio.ByteBuffer;

/**
 * Our address layout (io.mio4j.internal.SockAddr, native/unix/sockaddr.h) to and from the
 * OS's struct sockaddr_in / sockaddr_in6 / sockaddr_un, for the bindings that run no C of
 * ours (FFM and JNA share this one conversion; the JNI binding's is native/unix/sockaddr.c,
 * which this follows rule for rule). The OS struct lives at offset 0 of a buffer in the
 * native byte order (sa_family_t and the IPv6 scope id are in host order) of at least
 * SIZEOF_SOCKADDR_STORAGE bytes; sizes and offsets come from the table.
 */
public final class SockaddrCodec {
    private static final byte KIND_NONE = 0;
    private static final byte KIND_UNIX = 1;
    private static final byte KIND_INET4 = 4;
    private static final byte KIND_INET6 = 6;

    private final int afInet;
    private final int afInet6;
    private final int afUnix;
    private final int storageSize;
    private final int inSize;
    private final int inPort;
    private final int inAddr;
    private final int in6Size;
    private final int in6Port;
    private final int in6Addr;
    private final int in6Scope;
    private final int sunPath;
    private final int sunPathSize;
    private final int einval;
    private final int enametoolong;
    private final int eafnosupport;

    public SockaddrCodec(LinuxAbi abi) {
        afInet = abi.posix().get("AF_INET");
        afInet6 = abi.posix().get("AF_INET6");
        afUnix = abi.posix().get("AF_UNIX");
        sunPathSize = abi.posix().get("SUN_PATH_SIZE");
        storageSize = abi.call("SIZEOF_SOCKADDR_STORAGE");
        inSize = abi.call("SIZEOF_SOCKADDR_IN");
        inPort = abi.call("OFFSETOF_SIN_PORT");
        inAddr = abi.call("OFFSETOF_SIN_ADDR");
        in6Size = abi.call("SIZEOF_SOCKADDR_IN6");
        in6Port = abi.call("OFFSETOF_SIN6_PORT");
        in6Addr = abi.call("OFFSETOF_SIN6_ADDR");
        in6Scope = abi.call("OFFSETOF_SIN6_SCOPE_ID");
        sunPath = abi.call("OFFSETOF_SUN_PATH");
        einval = abi.errno().get("EINVAL");
        enametoolong = abi.errno().get("ENAMETOOLONG");
        eafnosupport = abi.errno().get("EAFNOSUPPORT");
    }

    /** The size of the OS struct buffer the calls need: sockaddr_storage. */
    public int storageSize() {
        return storageSize;
    }

    /**
     * Writes our address {@code in} as the OS's struct at 0 of {@code os} (cleared first):
     * returns its length (the socklen_t to pass), or -EINVAL for a malformed address,
     * -ENAMETOOLONG for a Unix path sun_path cannot hold with its NUL.
     */
    public int toOs(byte[] in, ByteBuffer os) {
        if (in == null || in.length < 3 || in.length > ArgumentChecks.SOCKADDR_MAX) {
            return -einval;
        }
        for (int i = 0; i < storageSize; i += 8) {
            os.putLong(i, 0L);
        }
        switch (in[0]) {
            case KIND_INET4:
                if (in.length < 7 + 4) {
                    return -einval;
                }
                os.putShort(0, (short) afInet);
                putBytes(os, inPort, in, 1, 2);   // both in network order
                putBytes(os, inAddr, in, 7, 4);
                return inSize;
            case KIND_INET6:
                if (in.length < 7 + 16) {
                    return -einval;
                }
                os.putShort(0, (short) afInet6);
                putBytes(os, in6Port, in, 1, 2);
                os.putInt(in6Scope, get32(in, 3));   // host order
                putBytes(os, in6Addr, in, 7, 16);
                return in6Size;
            case KIND_UNIX: {
                int pathLength = get16(in, 1);
                if (pathLength > in.length - 3) {
                    return -einval;
                }
                // A pathname needs its NUL inside sun_path; an abstract name (leading NUL)
                // is counted by length and needs none.
                boolean abstractName = pathLength > 0 && in[3] == 0;
                if (pathLength + (abstractName ? 0 : 1) > sunPathSize) {
                    return -enametoolong;
                }
                os.putShort(0, (short) afUnix);
                putBytes(os, sunPath, in, 3, pathLength);
                return sunPath + pathLength + (abstractName || pathLength == 0 ? 0 : 1);
            }
            default:
                return -einval;
        }
    }

    /**
     * Writes the OS's struct of {@code length} bytes at 0 of {@code os} into {@code out}
     * (at least SOCKADDR_MAX bytes) in our layout: 0, or -EAFNOSUPPORT for a family we do
     * not know (then out is untouched). Length 0 (no name) gives kind "none".
     */
    public int fromOs(ByteBuffer os, int length, byte[] out) {
        int len = Math.min(Math.max(length, 0), storageSize);
        int family = len == 0 ? -1 : os.getShort(0) & 0xFFFF;
        if (len == 0) {
            out[0] = KIND_NONE;
            out[1] = 0;
            out[2] = 0;
        } else if (family == afInet && len >= inSize) {
            out[0] = KIND_INET4;
            getBytes(os, inPort, out, 1, 2);
            put32(out, 3, 0);
            getBytes(os, inAddr, out, 7, 4);
        } else if (family == afInet6 && len >= in6Size) {
            out[0] = KIND_INET6;
            getBytes(os, in6Port, out, 1, 2);
            put32(out, 3, os.getInt(in6Scope));
            getBytes(os, in6Addr, out, 7, 16);
        } else if (family == afUnix) {
            int pathLength = Math.min(len > sunPath ? len - sunPath : 0, sunPathSize);
            // A pathname's reported length may include its NUL (or trailing bytes).
            if (pathLength > 0 && os.get(sunPath) != 0) {
                int n = 0;
                while (n < pathLength && os.get(sunPath + n) != 0) {
                    n++;
                }
                pathLength = n;
            }
            out[0] = KIND_UNIX;
            out[1] = (byte) (pathLength >>> 8);
            out[2] = (byte) pathLength;
            getBytes(os, sunPath, out, 3, pathLength);
        } else {
            return -eafnosupport;
        }
        return 0;
    }

    private static void putBytes(ByteBuffer os, int at, byte[] from, int offset, int length) {
        for (int i = 0; i < length; i++) {
            os.put(at + i, from[offset + i]);
        }
    }

    private static void getBytes(ByteBuffer os, int at, byte[] to, int offset, int length) {
        for (int i = 0; i < length; i++) {
            to[offset + i] = os.get(at + i);
        }
    }

    private static int get16(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }

    private static int get32(byte[] b, int at) {
        return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }

    private static void put32(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
