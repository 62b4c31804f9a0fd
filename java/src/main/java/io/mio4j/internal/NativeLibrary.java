package io.mio4j.internal;

/**
 * Loads libmio4j once per class loader and remembers how (or why not). Every class
 * with natives calls {@link #ensureLoaded()} from its static initialiser.
 */
public final class NativeLibrary {
    private static NativeLoader.Result result;
    private static UnsatisfiedLinkError failure;

    private NativeLibrary() {
    }

    /** Loads the library if needed; throws the same explanation on every call if it cannot. */
    public static synchronized void ensureLoaded() {
        if (result == null && failure == null) {
            try {
                result = new NativeLoader().load();
            } catch (UnsatisfiedLinkError e) {
                failure = e;
            }
        }
        if (failure != null) {
            UnsatisfiedLinkError error = new UnsatisfiedLinkError(failure.getMessage());
            error.initCause(failure);
            throw error;
        }
    }

    /** Whether the library is (or can now be) loaded. */
    public static boolean isAvailable() {
        return unavailabilityCause() == null;
    }

    /** Why the library cannot be loaded, or null when it is loaded. */
    public static synchronized Throwable unavailabilityCause() {
        try {
            ensureLoaded();
            return null;
        } catch (UnsatisfiedLinkError e) {
            return failure;
        }
    }

    /** How the library was found, for diagnostics; null when it was not. */
    public static synchronized NativeLoader.Result loadResult() {
        return result;
    }
}
