package io.mio4j.internal.afd;

import io.mio4j.internal.Backend;
import io.mio4j.internal.NativeLoader;
import io.mio4j.internal.Selector;

import java.io.IOException;

/** The AFD driver and an I/O completion port through JNI: Windows. */
public final class AfdBackend extends Backend {
    @Override
    public String description() {
        return "afd (jni)";
    }

    @Override
    public Selector openSelector() throws IOException {
        return AfdSelector.open();
    }

    @Override
    public void requireUnix(String what) {
        throw new UnsupportedOperationException(what + " is Unix-only: not available on "
                + NativeLoader.platform() + " (mio4j's Windows backend has TCP and UDP sockets)");
    }
}
