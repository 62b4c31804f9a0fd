package io.mio4j.internal.kqueue;

import io.mio4j.internal.loader.NativeLibrary;

import java.nio.ByteBuffer;

/** KqueueCalls through JNI: the natives of native/kqueue. */
public final class KqueueCallsJni implements KqueueCalls {
    static {
        NativeLibrary.ensureLoaded();
    }

    @Override
    public native long constant(String name);

    @Override
    public native int create();

    @Override
    public native int submit(int kq, ByteBuffer changes, int nchanges, ByteBuffer receipts, int nreceipts);

    @Override
    public native int waitNanos(int kq, ByteBuffer events, int maxEvents, long timeoutNanos);
}
