package io.mio4j.internal.ports;

import io.mio4j.internal.loader.NativeLibrary;

import java.nio.ByteBuffer;

/** PortsCalls through JNI: the natives of native/ports. */
public final class PortsCallsJni implements PortsCalls {
    static {
        NativeLibrary.ensureLoaded();
    }

    @Override
    public native long constant(String name);

    @Override
    public native int create();

    @Override
    public native int associate(int port, int fd, int events, long user);

    @Override
    public native int dissociate(int port, int fd);

    @Override
    public native long getn(int port, ByteBuffer events, int max, int nget, long timeoutNanos);

    @Override
    public native int send(int port, int events, long user);
}
