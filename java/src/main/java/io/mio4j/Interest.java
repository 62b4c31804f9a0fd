package io.mio4j;

import java.util.Optional;

/**
 * The readiness a registration asks for. Never empty. Values are interned, so
 * {@link #add} and {@link #remove} allocate nothing.
 */
public final class Interest {
    private static final int READABLE_BIT = 1;
    private static final int WRITABLE_BIT = 1 << 1;
    private static final int PRIORITY_BIT = 1 << 2;
    private static final int AIO_BIT = 1 << 3;
    private static final int LIO_BIT = 1 << 4;
    private static final int ALL = 0b11111;

    private static final Interest[] VALUES = new Interest[ALL + 1];

    static {
        for (int bits = 1; bits <= ALL; bits++) {
            VALUES[bits] = new Interest(bits);
        }
    }

    /** Readable readiness (and read-closed, error). */
    public static final Interest READABLE = VALUES[READABLE_BIT];
    /** Writable readiness (and write-closed, error). */
    public static final Interest WRITABLE = VALUES[WRITABLE_BIT];
    /** Out-of-band or urgent data ({@code EPOLLPRI}). */
    public static final Interest PRIORITY = VALUES[PRIORITY_BIT];
    /** FreeBSD's AIO completion; accepted and ignored elsewhere. */
    public static final Interest AIO = VALUES[AIO_BIT];
    /** FreeBSD's LIO completion; accepted and ignored elsewhere. */
    public static final Interest LIO = VALUES[LIO_BIT];

    private final int bits;

    private Interest(int bits) {
        this.bits = bits;
    }

    /**
     * Returns the union of this interest and {@code other}.
     *
     * @param other the interest to add
     * @return the union
     */
    public Interest add(Interest other) {
        return VALUES[bits | other.bits];
    }

    /**
     * Returns this interest without the flags of {@code other}, or an empty optional
     * when nothing is left.
     *
     * @param other the interest to remove
     * @return what is left, if anything
     */
    public Optional<Interest> remove(Interest other) {
        int left = bits & ~other.bits;
        return left == 0 ? Optional.empty() : Optional.of(VALUES[left]);
    }

    /** @return whether readable readiness is asked for */
    public boolean isReadable() {
        return (bits & READABLE_BIT) != 0;
    }

    /** @return whether writable readiness is asked for */
    public boolean isWritable() {
        return (bits & WRITABLE_BIT) != 0;
    }

    /** @return whether priority readiness is asked for */
    public boolean isPriority() {
        return (bits & PRIORITY_BIT) != 0;
    }

    /** @return whether AIO readiness is asked for */
    public boolean isAio() {
        return (bits & AIO_BIT) != 0;
    }

    /** @return whether LIO readiness is asked for */
    public boolean isLio() {
        return (bits & LIO_BIT) != 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Interest && ((Interest) other).bits == bits;
    }

    @Override
    public int hashCode() {
        return bits;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        String[] names = {"READABLE", "WRITABLE", "PRIORITY", "AIO", "LIO"};
        for (int i = 0; i < names.length; i++) {
            if ((bits & (1 << i)) != 0) {
                if (text.length() > 0) {
                    text.append(" | ");
                }
                text.append(names[i]);
            }
        }
        return text.toString();
    }
}
