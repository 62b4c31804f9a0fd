package io.mio4j.internal.unix;

import io.mio4j.internal.io.NativeConstant;
import io.mio4j.internal.loader.Binding;

import java.util.function.LongToIntFunction;

/** The POSIX calls of the binding in use, and the constants they take: for every Unix backend. */
public final class Posix {
    /** Held in a static final field: the JIT sees one implementation and inlines its calls. */
    public static final PosixCalls CALLS = Binding.implementation(PosixCalls.class);

    /** close(2) as OsHandle's closer: one for every descriptor of the POSIX layer. */
    public static final LongToIntFunction CLOSE = fd -> CALLS.close((int) fd);

    private Posix() {
    }

    /** A constant the binding must know (ExceptionInInitializerError otherwise). */
    public static int constant(String name) {
        return NativeConstant.required(name, CALLS.constant(name));
    }
}
