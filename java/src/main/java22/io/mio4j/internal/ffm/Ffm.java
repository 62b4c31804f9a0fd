package io.mio4j.internal.ffm;

import io.mio4j.internal.abi.LinuxAbi;
import io.mio4j.internal.loader.NativeLoader;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * What every FFM calls class shares: the C library's symbols, downcall handles that
 * capture errno, and the ABI table. JDK 22+ only (META-INF/versions/22); {@link FfmBinding}
 * decides whether it is used; {@link FfmScratch} holds each thread's native memory.
 *
 * <p>Every handle captures errno (Linker.Option.captureCallState) into the calling
 * thread's {@link FfmScratch}, so reading it allocates nothing. Calls that never block
 * (socket calls on our sockets, all non-blocking) are linked critical, without the
 * thread-state transition; a call that may block (epoll_wait, read/write on a pipe end
 * the user may have made blocking, close with SO_LINGER, bind/connect on a Unix path)
 * never is, since a critical call holds off the garbage collector's safepoints while it runs.
 */
public final class Ffm {
    /** This platform's table; Ffm is only loaded where FfmBinding found one. */
    public static final LinuxAbi ABI = LinuxAbi.of(NativeLoader.platform());
    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LIBC = LINKER.defaultLookup();
    private static final VarHandle ERRNO = Linker.Option.captureStateLayout()
            .varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option CAPTURE_ERRNO = Linker.Option.captureCallState("errno");
    private static final Linker.Option CRITICAL = Linker.Option.critical(false);
    private static final int EIO = ABI.errno().get("EIO");

    private Ffm() {
    }

    /**
     * Why FFM cannot be used here, or null: the JVM may refuse native access
     * (--illegal-native-access=deny), or the C library may lack a call.
     */
    static String unavailability() {
        try {
            MethodHandle probe = LINKER.downcallHandle(symbol("close"),
                    FunctionDescriptor.of(JAVA_INT, JAVA_INT));
            return probe != null ? null : "no downcall handle";
        } catch (IllegalCallerException e) {
            return "native access is denied to " + Ffm.class.getModule() + ": run with --enable-native-access="
                    + FfmBinding.nativeAccessName() + " (" + e.getMessage() + ")";
        } catch (RuntimeException e) {
            return e.toString();
        }
    }

    // With captureCallState, a handle takes the capture segment as an extra first argument.

    /** A call that may block: linked as JNI calls are, the thread leaving Java. */
    public static MethodHandle blocking(String name, FunctionDescriptor function) {
        return LINKER.downcallHandle(symbol(name), function, CAPTURE_ERRNO);
    }

    /** A call that never blocks, linked critical. */
    public static MethodHandle quick(String name, FunctionDescriptor function) {
        return LINKER.downcallHandle(symbol(name), function, CAPTURE_ERRNO, CRITICAL);
    }

    /** A variadic call that may block; arguments from {@code firstVariadic} on are the variadic ones. */
    public static MethodHandle blockingVariadic(String name, FunctionDescriptor function, int firstVariadic) {
        return LINKER.downcallHandle(symbol(name), function, CAPTURE_ERRNO, Linker.Option.firstVariadicArg(firstVariadic));
    }

    /** A call without errno capture (strerror_r reports its error as its result). */
    public static MethodHandle plain(String name, FunctionDescriptor function) {
        return LINKER.downcallHandle(symbol(name), function);
    }

    /** Whether the C library has this symbol. */
    public static boolean has(String name) {
        return LIBC.find(name).isPresent();
    }

    private static MemorySegment symbol(String name) {
        return LIBC.find(name).orElseThrow(() -> new UnsatisfiedLinkError("mio4j FFM: the C library has no " + name));
    }

    /** -errno of the call whose state {@code capture} holds, never 0 (as the C's mio4j_neg_errno). */
    public static int negErrno(MemorySegment capture) {
        int errno = (int) ERRNO.get(capture, 0L);
        return errno > 0 ? -errno : -EIO;
    }

    /** Rethrows what invokeExact threw: downcalls throw only unchecked exceptions. */
    public static RuntimeException rethrow(Throwable thrown) {
        if (thrown instanceof RuntimeException e) {
            throw e;
        }
        if (thrown instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(thrown);
    }
}
