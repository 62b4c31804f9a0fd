package io.mio4j.internal.abi;

import io.mio4j.internal.ffm.FfmBinding;
import io.mio4j.internal.loader.Binding;
import io.mio4j.internal.loader.NativeLibrary;
import org.junit.jupiter.api.Assumptions;

/**
 * A binding's implementation of a calls interface, made directly (not through
 * Binding.current()), so that a test can hold all three side by side. One that cannot
 * exist in this JVM (FFM before JDK 22; JNI where this run has no library) is reported
 * as a skipped test, with the reason.
 */
final class BindingClasses {
    private BindingClasses() {
    }

    static <T> T instance(Class<T> calls, String suffix) throws ReflectiveOperationException {
        if (suffix.equals("Ffm")) {
            Assumptions.assumeTrue(Runtime.version().feature() >= FfmBinding.JDK,
                    "the FFM binding needs JDK " + FfmBinding.JDK + "+; this test JVM is " + Runtime.version());
        }
        if (suffix.equals("Jni")) {
            Assumptions.assumeTrue(Binding.current() == Binding.JNI || NativeLibrary.loadResult() != null,
                    "this run has no native library of ours on its class path");
        }
        Class<?> type = Class.forName(calls.getName() + suffix, true, calls.getClassLoader());
        return calls.cast(type.getConstructor().newInstance());
    }
}
