package io.mio4j;

import io.mio4j.internal.loader.Binding;

/**
 * The binding a test run uses: JNI by default; CI also runs the whole suite on FFM and on
 * JNA (see .ci/run), saying which with -Dmio4j.test.binding so that a run that silently
 * fell back to another binding fails.
 */
public final class Bindings {
    private Bindings() {
    }

    /** The binding this run is meant to use: "jni", "ffm" or "jna". */
    public static String expected() {
        return System.getProperty("mio4j.test.binding", "jni");
    }

    /** Whether the JNI binding is in use (for {@link JniOnly}). */
    public static boolean jniInUse() {
        return Binding.current() == Binding.JNI;
    }
}
