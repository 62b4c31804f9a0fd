package io.mio4j.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Latencies in nanoseconds, recorded into an array sized up front so that recording
 * allocates nothing. Written to disk in the format of the C programs (little-endian
 * int64), so one piece of code (BenchRunner) turns every implementation's samples into
 * a histogram.
 */
final class LatencySamples {
    static final int CAPACITY = 4 * 1024 * 1024;

    private final long[] nanos = new long[CAPACITY];
    private int count;

    void add(long latencyNanos) {
        if (count < nanos.length) {
            nanos[count++] = latencyNanos;
        }
    }

    int count() {
        return count;
    }

    void writeTo(Path file) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(count * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < count; i++) {
            bytes.putLong(nanos[i]);
        }
        Files.write(file, bytes.array());
    }

    /** Reads a file written by {@link #writeTo} or by bench/c/bench.h's write_samples. */
    static long[] read(Path file) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        long[] values = new long[bytes.remaining() / Long.BYTES];
        for (int i = 0; i < values.length; i++) {
            values[i] = bytes.getLong();
        }
        return values;
    }
}
