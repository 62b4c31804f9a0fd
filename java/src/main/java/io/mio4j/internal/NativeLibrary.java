package io.mio4j.internal;

import java.util.List;

/**
 * Loads libmio4j once per class loader and remembers how (or why not). Every class
 * with natives calls {@link #ensureLoaded()} from its static initialiser.
 */
public final class NativeLibrary {
    private static NativeLoader.Result result;
    private static UnsatisfiedLinkError failure;
    private static NativeLoader attempt;

    private NativeLibrary() {
    }

    /** Loads the library if needed; throws the same explanation on every call if it cannot. */
    public static synchronized void ensureLoaded() {
        if (attempt == null) {
            // One attempt per class loader: a failure is usually lasting (nothing on the
            // class path), and retrying every call would log the same steps again and again.
            attempt = NativeLoader.fromSystemProperties();
            try {
                result = attempt.load();
            } catch (UnsatisfiedLinkError e) {
                failure = e;
            }
        }
        if (failure != null) {
            // A fresh error each time, so each caller's stack trace is its own.
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

    /** How the library was found, for diagnostics; null when it was not (or not yet). */
    public static synchronized NativeLoader.Result loadResult() {
        return result;
    }

    /** The steps that failed before the one that won (every step, when none did). */
    public static synchronized List<String> tried() {
        return attempt == null ? List.of() : attempt.tried();
    }

    /** Warnings of the attempt, such as different copies of the resource on the classpath. */
    public static synchronized List<String> warnings() {
        return attempt == null ? List.of() : attempt.warnings();
    }
}
