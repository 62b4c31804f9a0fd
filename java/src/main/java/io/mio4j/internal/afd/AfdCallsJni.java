package io.mio4j.internal.afd;

import io.mio4j.internal.loader.NativeLibrary;

import java.nio.ByteBuffer;

/** AfdCalls through JNI: native/afd/jni_afd.c. */
public final class AfdCallsJni implements AfdCalls {
    static {
        NativeLibrary.ensureLoaded();
    }

    @Override
    public native long constant(String name);

    @Override
    public native long open();

    @Override
    public native int close(long selector);

    @Override
    public native int register(long selector, long socket, long data, int interests);

    @Override
    public native int reregister(long selector, long socket, long data, int interests);

    @Override
    public native int deregister(long selector, long socket);

    @Override
    public native int wouldBlock(long selector, long socket);

    @Override
    public native int select(long selector, ByteBuffer events, int capacity, int timeoutMillis);

    @Override
    public native int wake(long selector, long data);
}
