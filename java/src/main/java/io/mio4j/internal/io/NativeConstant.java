package io.mio4j.internal.io;

/** Named values the library reports (errno values, flags, struct sizes). */
public final class NativeConstant {
    /** What a constant() native returns for a name the library does not know. */
    public static final long UNKNOWN = Long.MIN_VALUE;

    private NativeConstant() {
    }

    /** The value, or ExceptionInInitializerError when the library does not know the name. */
    public static int required(String name, long value) {
        if (value == UNKNOWN) {
            throw new ExceptionInInitializerError("the native library does not know " + name);
        }
        return (int) value;
    }

    /** Whether the library knows the name (optional values, such as TCP_KEEPIDLE). */
    public static boolean known(long value) {
        return value != UNKNOWN;
    }
}
