package io.mio4j.bench;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A counter written by the event-loop thread alone and read by the control thread: an
 * opaque store is a plain store on x86, so counting costs the loop nothing measurable.
 */
final class EchoedBytes {
    private static final VarHandle VALUE;

    static {
        try {
            VALUE = MethodHandles.lookup().findVarHandle(EchoedBytes.class, "value", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private long value;

    /** Only the event-loop thread calls this. */
    void add(long bytes) {
        VALUE.setOpaque(this, value + bytes);
    }

    long get() {
        return (long) VALUE.getOpaque(this);
    }
}
