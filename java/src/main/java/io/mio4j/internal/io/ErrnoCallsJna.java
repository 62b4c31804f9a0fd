package io.mio4j.internal.io;

import com.sun.jna.Function;
import com.sun.jna.Memory;
import io.mio4j.internal.jna.Jna;

/** ErrnoCalls through JNA: values from the ABI table, texts from the C library's strerror_r. */
public final class ErrnoCallsJna implements ErrnoCalls {
    private static final int TEXT_SIZE = 256;
    // The XSI strerror_r, which fills the buffer and returns 0: glibc exports it as
    // __xpg_strerror_r (its strerror_r is the GNU one, returning a char *); the other C
    // libraries (musl) have only the XSI one, under its own name.
    private static final Function STRERROR_R = Jna.function(
            Jna.has("__xpg_strerror_r") ? "__xpg_strerror_r" : "strerror_r");

    @Override
    public long constant(String name) {
        Integer value = name == null ? null : Jna.ABI.errno().get(name);
        return value != null ? value : NativeConstant.UNKNOWN;
    }

    @Override
    public String strerror(int errno) {
        try (Memory text = new Memory(TEXT_SIZE)) {
            text.setByte(0, (byte) 0);
            STRERROR_R.invokeInt(new Object[] {errno, text, (long) TEXT_SIZE});
            // An unknown value fails with EINVAL, glibc's still filling in "Unknown error N"
            // (the text its GNU strerror_r, which the C calls, returns); no text at all
            // becomes "Unknown error", as in native/unix/errno.c.
            String message = text.getString(0);
            return message.isEmpty() ? "Unknown error" : message;
        }
    }
}
