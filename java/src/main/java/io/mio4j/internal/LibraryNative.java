package io.mio4j.internal;

/** Natives of native/common/onload.c. */
public final class LibraryNative {
    static {
        NativeLibrary.ensureLoaded();
    }

    private LibraryNative() {
    }

    /** "class method signature" lines, one per native the library binds. */
    public static native String describeNatives();

    /** The version the library was built as. */
    public static native String version();

    /** "glibc 2.36" where the C library is glibc, else null (musl has no version call). */
    public static native String libc();
}
