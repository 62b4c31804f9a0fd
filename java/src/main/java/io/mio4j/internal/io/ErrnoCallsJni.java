package io.mio4j.internal.io;

import io.mio4j.internal.loader.NativeLibrary;

/**
 * ErrnoCalls through JNI: native/unix/errno.c, or native/afd/jni_errno_win.c, which maps
 * Winsock errors to the same POSIX names.
 */
public final class ErrnoCallsJni implements ErrnoCalls {
    static {
        NativeLibrary.ensureLoaded();
    }

    @Override
    public native long constant(String name);

    @Override
    public native String strerror(int errno);
}
