package io.mio4j.internal.unix;

import io.mio4j.internal.io.NativeConstant;
import io.mio4j.internal.loader.Binding;

/** The POSIX calls of the binding in use, and the constants they take: for every Unix backend. */
public final class Posix {
    /** Held in a static final field: the JIT sees one implementation and inlines its calls. */
    public static final PosixCalls CALLS = Binding.implementation(PosixCalls.class);

    private Posix() {
    }

    /** A constant the binding must know (ExceptionInInitializerError otherwise). */
    public static int constant(String name) {
        return NativeConstant.required(name, CALLS.constant(name));
    }
}
