package io.mio4j.internal.platform;

import io.mio4j.internal.Backend;
import io.mio4j.internal.ffm.FfmBinding;
import io.mio4j.internal.jna.JnaBinding;
import io.mio4j.internal.loader.Binding;
import io.mio4j.internal.loader.LibraryJni;
import io.mio4j.internal.loader.NativeLibrary;
import io.mio4j.internal.loader.NativeLoader;
import io.mio4j.internal.loader.Version;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

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
        line(out, "mio4j", Version.get());
        line(out, "os", System.getProperty("os.name") + " " + System.getProperty("os.version")
                + distribution() + " (" + NativeLoader.platform() + ")");
        line(out, "arch", System.getProperty("os.arch"));
        line(out, "kernel", System.getProperty("os.version"));
        line(out, "jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version")
                + " (" + System.getProperty("java.vm.vendor") + "), " + System.getProperty("java.home"));
        Throwable cause = Platform.unavailabilityCause();
        boolean jni = cause == null && Binding.current() == Binding.JNI;
        line(out, "libc", libc(jni));
        if (cause == null) {
            binding(out, jni);
        } else {
            line(out, "backend", "unavailable");
            line(out, "library", "not loaded:");
            for (String text : String.valueOf(cause.getMessage()).split("\n")) {
                out.append("    ").append(text).append('\n');
            }
        }
        line(out, "extraction folder", NativeLoader.extractionFolderReport());
        line(out, "native access", nativeAccess());
        for (String warning : Binding.warnings()) {
            line(out, "warning", warning);
        }
        return out.toString();
    }

    private static void binding(StringBuilder out, boolean jni) {
        Backend backend = Platform.backend();
        line(out, "backend", guarded(backend::description));
        if (jni) {
            NativeLoader.Result result = NativeLibrary.loadResult();
            line(out, "library", "from " + result.step() + ": "
                    + (result.file() != null ? result.file() : "(path not reported by the JVM)"));
            line(out, "origin", result.origin());
        } else {
            line(out, "binding", Binding.current().label() + " (no native library of ours: "
                    + (Binding.current() == Binding.FFM ? "java.lang.foreign" : "JNA " + JnaBinding.version())
                    + "; constants and layouts from mio4j's table for " + NativeLoader.platform() + ")");
        }
        List<String> tried = Binding.tried();
        if (!tried.isEmpty()) {
            line(out, "tried before", tried.get(0));
            for (String step : tried.subList(1, tried.size())) {
                out.append("    ").append(step).append('\n');
            }
        }
        if (jni) {
            String nativeVersion = guarded(LibraryJni::version);
            line(out, "native version", nativeVersion.equals(Version.get()) ? nativeVersion
                    : nativeVersion + " (differs from the Java classes' " + Version.get() + ")");
        }
        try {
            for (Map.Entry<String, String> fact : backend.facts().entrySet()) {
                line(out, fact.getKey(), fact.getValue());
            }
        } catch (RuntimeException | LinkageError e) {
            line(out, "facts", "unavailable (" + e + ")");
        }
    }

    /**
     * Whether the JVM let mio4j call native code without a warning: JDK 24+ warns once
     * about JNI and JNA (System.load), JDK 22+ about FFM, unless --enable-native-access
     * names mio4j's module (or ALL-UNNAMED on the class path).
     */
    private static String nativeAccess() {
        Boolean enabled = FfmBinding.nativeAccessEnabled();
        if (enabled == null) {
            return "not restricted on JDK " + Runtime.version().feature();
        }
        return enabled ? "enabled for " + FfmBinding.nativeAccessName()
                : "not enabled, so the JDK warns once; run with --enable-native-access=" + FfmBinding.nativeAccessName();
    }

    /** The native answer where the C library is glibc; else what the process has mapped. */
    private static String libc(boolean loaded) {
        if (loaded) {
            String glibc = guarded(LibraryJni::libc);
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
