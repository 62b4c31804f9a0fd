package io.mio4j.internal.loader;

/** Package-private facts of the loader for tests in other packages. */
public final class NativeLoaderAccess {
    private NativeLoaderAccess() {
    }

    /** The classpath resource this platform's library is looked up as. */
    public static String resourceName() {
        return NativeLoader.resourceName();
    }
}
