package io.mio4j.internal.io;

/** The OS's errno values and texts, through the binding in use. */
public interface ErrnoCalls {
    /** The value of the named errno constant, or {@link NativeConstant#UNKNOWN}. */
    long constant(String name);

    /** The system's text for an errno value. */
    String strerror(int errno);
}
