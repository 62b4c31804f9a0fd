package io.mio4j.internal.jna;

import com.sun.jna.Function;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import io.mio4j.internal.abi.LinuxAbi;
import io.mio4j.internal.loader.NativeLoader;

import java.nio.ByteBuffer;

/**
 * What every JNA calls class shares: the C library, errno, the ABI table and the
 * addresses of direct buffers. Each calls class binds its C functions by JNA's direct
 * mapping (static native methods registered with Native.register), the fastest way JNA
 * calls: primitive arguments only, pointers passed as addresses in a long (LP64 only, so
 * the table refuses 32-bit systems), errno read with Native.getLastError().
 */
public final class Jna {
    /** This platform's table; Jna is only loaded where JnaBinding found one. */
    public static final LinuxAbi ABI = LinuxAbi.of(NativeLoader.platform());
    private static final NativeLibrary LIBC = NativeLibrary.getInstance(Platform.C_LIBRARY_NAME);
    private static final int EIO = ABI.errno().get("EIO");

    private Jna() {
    }

    static String unavailability() {
        if (Native.POINTER_SIZE != 8 || Native.SIZE_T_SIZE != 8) {
            return "pointers of " + Native.POINTER_SIZE + " bytes: the JNA binding passes them as a long";
        }
        LIBC.getFunction("close");
        return null;
    }

    static String version() {
        return Native.VERSION + " (native " + Native.VERSION_NATIVE + ")";
    }

    /** Binds the static native methods of {@code natives} to the C library's functions of the same names. */
    public static void register(Class<?> natives) {
        Native.register(natives, LIBC);
    }

    /** A C library function by name, for the calls not worth a direct mapping. */
    public static Function function(String name) {
        return LIBC.getFunction(name);
    }

    /**
     * The variadic C functions, which JNA's direct mapping cannot call: through an
     * interface, whose varargs method JNA calls with the variadic convention. Not hot calls.
     */
    public interface Variadic extends Library {
        int ioctl(int fd, NativeLong request, Object... args);

        int fcntl(int fd, int cmd, Object... args);
    }

    private static final class VariadicHolder {
        static final Variadic LIBC = Native.load(Platform.C_LIBRARY_NAME, Variadic.class);
    }

    public static Variadic variadic() {
        return VariadicHolder.LIBC;
    }

    /** Whether the C library has this function (epoll_pwait2 is glibc 2.35+). */
    public static boolean has(String name) {
        try {
            LIBC.getGlobalVariableAddress(name);
            return true;
        } catch (UnsatisfiedLinkError e) {
            return false;
        }
    }

    /** -errno of this thread's last failed call, never 0 (as the C's mio4j_neg_errno). */
    public static int negErrno() {
        int errno = Native.getLastError();
        return errno > 0 ? -errno : -EIO;
    }

    /** The address JNA reports for a direct buffer (its start, whatever its position). */
    static long baseAddress(ByteBuffer buffer) {
        return Pointer.nativeValue(Native.getDirectBufferPointer(buffer));
    }
}
