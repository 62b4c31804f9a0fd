package io.mio4j;

import io.mio4j.internal.loader.Version;
import io.mio4j.internal.platform.Diagnostics;
import io.mio4j.internal.platform.Platform;


/** Version and diagnostics. */
public final class Mio4j {
    private Mio4j() {
    }

    /** @return the Maven version of this library, e.g. "0.1.0-SNAPSHOT" */
    public static String version() {
        return Version.get();
    }

    /**
     * @return the poller backend in use and how it is bound, for example "epoll (jni)";
     *         {@link #diagnostics()} tells where the native library came from
     * @throws UnsatisfiedLinkError if no native library can be loaded
     */
    public static String backend() {
        return Platform.backend().description();
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

    /** @return whether a binding to the OS works here (loading the native library if needed) */
    public static boolean isAvailable() {
        return unavailabilityCause() == null;
    }

    /** @return why mio4j cannot be used here, or null when it can */
    public static Throwable unavailabilityCause() {
        return Platform.unavailabilityCause();
    }
}
