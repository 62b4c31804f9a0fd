package io.mio4j.internal;

import io.mio4j.Mio4j;
import io.mio4j.internal.epoll.EpollBackend;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The report behind {@code Mio4j.diagnostics()}: what a bug report needs to know about
 * this system and how (or why not) the native library was loaded. Never throws: each
 * part that fails says why in its own line.
 */
public final class Diagnostics {
    private Diagnostics() {
    }

    public static String report() {
        StringBuilder out = new StringBuilder();
        line(out, "mio4j", Mio4j.version());
        line(out, "os", System.getProperty("os.name") + " " + System.getProperty("os.version")
                + distribution() + " (" + NativeLoader.platform() + ")");
        line(out, "arch", System.getProperty("os.arch"));
        line(out, "kernel", System.getProperty("os.version"));
        line(out, "jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version")
                + " (" + System.getProperty("java.vm.vendor") + "), " + System.getProperty("java.home"));
        Throwable cause = NativeLibrary.unavailabilityCause();
        line(out, "libc", libc(cause == null));
        if (cause == null) {
            library(out);
        } else {
            line(out, "backend", "unavailable");
            line(out, "library", "not loaded:");
            for (String text : String.valueOf(cause.getMessage()).split("\n")) {
                out.append("    ").append(text).append('\n');
            }
        }
        ExtractionFolder folder = ExtractionFolder.fromSystemProperties();
        line(out, "extraction folder", folder.path()
                + (folder.isMountedNoexec() ? " (its filesystem is mounted noexec: set -D"
                + NativeLoader.TMPDIR_PROPERTY + " elsewhere)" : ""));
        for (String warning : NativeLibrary.warnings()) {
            line(out, "warning", warning);
        }
        return out.toString();
    }

    private static void library(StringBuilder out) {
        line(out, "backend", guarded(Mio4j::backend));
        NativeLoader.Result result = NativeLibrary.loadResult();
        if (result != null) {
            line(out, "library", "from " + result.step() + ": "
                    + (result.file() != null ? result.file() : "(path not reported by the JVM)"));
            line(out, "origin", result.origin());
        }
        List<String> tried = NativeLibrary.tried();
        if (!tried.isEmpty()) {
            line(out, "tried before", tried.get(0));
            for (String step : tried.subList(1, tried.size())) {
                out.append("    ").append(step).append('\n');
            }
        }
        String nativeVersion = guarded(LibraryNative::version);
        line(out, "native version", nativeVersion.equals(Mio4j.version()) ? nativeVersion
                : nativeVersion + " (differs from the Java classes' " + Mio4j.version() + ")");
        line(out, "features", features());
        if (NativeLoader.os().equals("linux")) {
            line(out, "epoll_event", guarded(EpollBackend::eventLayout));
        }
    }

    private static String features() {
        if (!NativeLoader.os().equals("linux")) {
            return "none probed on " + NativeLoader.os();
        }
        return "epoll_pwait2 " + guarded(() -> EpollBackend.hasPwait2() ? "yes" : "no (millisecond timeouts)");
    }

    /** The native answer where the C library is glibc; else what the process has mapped. */
    private static String libc(boolean loaded) {
        if (loaded) {
            String glibc = guarded(LibraryNative::libc);
            if (glibc != null) {
                return glibc;
            }
        }
        try {
            String maps = Files.readString(Path.of("/proc/self/maps"), StandardCharsets.ISO_8859_1);
            if (maps.contains("ld-musl") || maps.contains("libc.musl")) {
                return "musl";
            }
            if (maps.contains("/libc.so.6") || maps.contains("/libc-2.")) {
                return "glibc (version unknown without the native library)";
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or /proc is hidden: say unknown
        }
        return "unknown";
    }

    /** The distribution's PRETTY_NAME from os-release(5), as " (Debian GNU/Linux 12)", or "". */
    private static String distribution() {
        try {
            for (String line : Files.readAllLines(Path.of("/etc/os-release"), StandardCharsets.UTF_8)) {
                if (line.startsWith("PRETTY_NAME=")) {
                    return ", " + line.substring("PRETTY_NAME=".length()).replace("\"", "");
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or no os-release: the kernel line still says enough
        }
        return "";
    }

    private interface Part {
        String get();
    }

    private static String guarded(Part part) {
        try {
            return part.get();
        } catch (RuntimeException | LinkageError e) {
            return "unavailable (" + e + ")";
        }
    }

    private static void line(StringBuilder out, String key, Object value) {
        out.append(String.format("%-18s %s%n", key + ":", value));
    }
}
