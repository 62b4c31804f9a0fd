package io.mio4j.internal.io;

import io.mio4j.internal.ffm.Ffm;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/** ErrnoCalls through FFM: values from the ABI table, texts from the C library's strerror_r. */
public final class ErrnoCallsFfm implements ErrnoCalls {
    private static final int TEXT_SIZE = 256;
    // The XSI strerror_r, which fills the buffer and returns 0: glibc exports it as
    // __xpg_strerror_r (its strerror_r is the GNU one, returning a char *); the other C
    // libraries (musl) have only the XSI one, under its own name.
    private static final MethodHandle STRERROR_R = Ffm.plain(
            Ffm.has("__xpg_strerror_r") ? "__xpg_strerror_r" : "strerror_r",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_LONG));

    @Override
    public long constant(String name) {
        Integer value = name == null ? null : Ffm.ABI.errno().get(name);
        return value != null ? value : NativeConstant.UNKNOWN;
    }

    @Override
    public String strerror(int errno) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment text = arena.allocate(TEXT_SIZE);
            try {
                int ignored = (int) STRERROR_R.invokeExact(errno, text, (long) TEXT_SIZE);
            } catch (Throwable t) {
                throw Ffm.rethrow(t);
            }
            // An unknown value fails with EINVAL, glibc's still filling in "Unknown error N"
            // (the text its GNU strerror_r, which the C calls, returns); no text at all
            // becomes "Unknown error", as in native/unix/errno.c.
            String message = text.getString(0);
            return message.isEmpty() ? "Unknown error" : message;
        }
    }
}
