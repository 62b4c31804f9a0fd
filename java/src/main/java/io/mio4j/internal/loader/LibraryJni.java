package io.mio4j.internal.loader;

/** JNI facts of the library itself (native/jni/onload.c): what it binds, its version, its libc. */
public final class LibraryJni {
    static {
        NativeLibrary.ensureLoaded();
    }

    private LibraryJni() {
    }

    /** "class method signature" lines, one per native the library binds. */
    public static native String describeNatives();

    /** The version the library was built as. */
    public static native String version();

    /** "glibc 2.36" where the C library is glibc, else null (musl has no version call). */
    public static native String libc();
}
