package io.mio4j.internal.loader;

/**
 * Loads libmio4j once per class loader (steps 1-3 of API.md's order) and remembers how,
 * or why not. The JNI binding's classes call {@link #ensureLoaded()} from their static
 * initialisers; {@link Binding} asks whether the library loaded before trying the others.
 */
public final class NativeLibrary {
    private static NativeLoader attempt;
    private static NativeLoader.Result result;
    // True while this class loader's attempt runs: JNI_OnLoad initialises the binding's
    // classes, whose ensureLoaded() must then not wait for the outcome.
    private static boolean loading;

    private NativeLibrary() {
    }

    /** The one attempt of this class loader, made now if not yet. */
    static synchronized NativeLoader attempt() {
        if (attempt == null) {
            // One attempt per class loader: a failure is usually lasting (nothing on the
            // class path), and retrying every call would log the same steps again and again.
            attempt = NativeLoader.fromSystemProperties();
            loading = true;
            try {
                result = attempt.load();
            } finally {
                loading = false;
            }
        }
        return attempt;
    }

    /**
     * For the JNI binding's classes: the library is loaded, or the reason why no binding
     * works is thrown (the same explanation on every call).
     */
    public static void ensureLoaded() {
        synchronized (NativeLibrary.class) {
            if (loading) {
                return;   // called from JNI_OnLoad, on the loading thread (the lock is reentrant)
            }
        }
        if (loadResult() == null) {
            Binding.current();   // throws the full explanation
            throw new UnsatisfiedLinkError("mio4j: the JNI binding is not in use (" + Binding.current().label()
                    + " is); its native library was not loaded");
        }
    }

    /** How the library was found; null when it could not be loaded. */
    public static synchronized NativeLoader.Result loadResult() {
        attempt();
        return result;
    }
}
