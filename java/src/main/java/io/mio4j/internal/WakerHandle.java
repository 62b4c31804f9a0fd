package io.mio4j.internal;

import java.io.IOException;

/** A backend's waker: what io.mio4j.Waker delegates to. */
public interface WakerHandle {
    void wake() throws IOException;

    void close() throws IOException;
}
