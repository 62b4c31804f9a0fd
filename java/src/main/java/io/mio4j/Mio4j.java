package io.mio4j;

import io.mio4j.internal.Backend;
import io.mio4j.internal.Diagnostics;
import io.mio4j.internal.NativeLibrary;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Version and diagnostics. */
public final class Mio4j {
    private Mio4j() {
    }

    /** @return the Maven version of this library, e.g. "0.1.0-SNAPSHOT" */
    public static String version() {
        try (InputStream in = Mio4j.class.getResourceAsStream("/META-INF/mio4j.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @return the poller backend in use and how it is bound, for example "epoll (jni)";
     *         {@link #diagnostics()} tells where the native library came from
     * @throws UnsatisfiedLinkError if no native library can be loaded
     */
    public static String backend() {
        return Backend.current().description();
    }

    /**
     * A multi-line report for bug reports: versions of mio4j, the OS, libc, kernel and JVM,
     * the backend, where the native library came from (or why it could not be loaded),
     * probed features, and warnings such as different copies of the library on the
     * classpath. Never throws.
     *
     * @return the report, one "key: value" per line
     */
    public static String diagnostics() {
        return Diagnostics.report();
    }

    /** @return whether the native library is loaded (or loads now) */
    public static boolean isAvailable() {
        return NativeLibrary.isAvailable();
    }

    /** @return why the library cannot be used, or null when it can */
    public static Throwable unavailabilityCause() {
        return NativeLibrary.unavailabilityCause();
    }
}
