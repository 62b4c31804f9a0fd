package io.mio4j.internal.afd;

import io.mio4j.internal.io.NativeConstant;
import io.mio4j.internal.loader.Binding;

import java.util.function.LongToIntFunction;

/** The Winsock calls of the binding in use, and the constants they take. */
final class Winsock {
    /** Held in a static final field: the JIT sees one implementation and inlines its calls. */
    static final WinsockCalls CALLS = Binding.implementation(WinsockCalls.class);

    /** closesocket as OsHandle's closer: one for every SOCKET. */
    static final LongToIntFunction CLOSE = socket -> CALLS.close(socket);

    private Winsock() {
    }

    static int constant(String name) {
        return NativeConstant.required(name, CALLS.constant(name));
    }
}
