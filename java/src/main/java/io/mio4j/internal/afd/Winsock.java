package io.mio4j.internal.afd;

import io.mio4j.internal.io.NativeConstant;
import io.mio4j.internal.loader.Binding;

/** The Winsock calls of the binding in use, and the constants they take. */
final class Winsock {
    /** Held in a static final field: the JIT sees one implementation and inlines its calls. */
    static final WinsockCalls CALLS = Binding.implementation(WinsockCalls.class);

    private Winsock() {
    }

    static int constant(String name) {
        return NativeConstant.required(name, CALLS.constant(name));
    }
}
