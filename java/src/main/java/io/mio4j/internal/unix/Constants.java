package io.mio4j.internal.unix;

import io.mio4j.internal.NativeConstant;

/** Socket constants from the library. */
final class Constants {
    private Constants() {
    }

    static int socket(String name) {
        return NativeConstant.required(name, SocketNative.constant(name));
    }

    static int datagram(String name) {
        return NativeConstant.required(name, DatagramNative.constant(name));
    }
}
