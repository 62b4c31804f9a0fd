package io.mio4j.internal;

/** Natives of native/common/errno.c. */
final class ErrnoNative {
    static {
        NativeLibrary.ensureLoaded();
    }

    private ErrnoNative() {
    }

    /** The value of the named errno constant, or NativeConstant.UNKNOWN. */
    static native long constant(String name);

    /** The system's text for an errno value. */
    static native String strerror(int errno);
}
