package io.mio4j.internal.ffm;

import io.mio4j.internal.abi.LinuxAbi;
import io.mio4j.internal.loader.NativeLoader;

import java.lang.reflect.InvocationTargetException;

/**
 * Whether the FFM binding (java.lang.foreign, JDK 22+) can be used here, asked by the
 * loader without touching a JDK 22 class before it knows the JVM has them. The binding's
 * classes are compiled for JDK 22 into META-INF/versions/22 of mio4j's multi-release JAR:
 * a JDK 17 never sees them, a JDK 22+ finds them beside this class.
 */
public final class FfmBinding {
    /** The feature release that made java.lang.foreign final. */
    public static final int JDK = 22;
    private static final String PROBE = "io.mio4j.internal.ffm.Ffm";

    private FfmBinding() {
    }

    /** Why the FFM binding cannot be used, or null when it can. */
    public static String unavailability() {
        int feature = Runtime.version().feature();
        if (feature < JDK) {
            return "needs JDK " + JDK + " or later (java.lang.foreign); this JVM is " + Runtime.version();
        }
        if (LinuxAbi.of(NativeLoader.platform()) == null) {
            return "no ABI table for " + NativeLoader.platform() + " (the FFM and JNA bindings know "
                    + String.join(", ", LinuxAbi.platforms()) + ")";
        }
        ClassLoader loader = FfmBinding.class.getClassLoader();
        if (loader == null || loader.getResource(PROBE.replace('.', '/') + ".class") == null) {
            return "its classes are missing: mio4j's JAR has them in META-INF/versions/" + JDK
                    + ", which the JVM reads only from a JAR whose manifest says Multi-Release: true"
                    + " (a shaded or repackaged JAR may have lost that), or this mio4j was built without a JDK "
                    + JDK + "+";
        }
        try {
            Class<?> ffm = Class.forName(PROBE, true, loader);
            return (String) ffm.getDeclaredMethod("unavailability").invoke(null);
        } catch (InvocationTargetException e) {
            return "failed: " + e.getCause();
        } catch (ReflectiveOperationException | LinkageError e) {
            return "failed: " + e;
        }
    }

    /** Module.isNativeAccessEnabled as it was before mio4j's first native call; see {@link #noteNativeAccess}. */
    private static Boolean nativeAccessAtStart;
    private static boolean noted;

    /**
     * Remembers whether native access was enabled for mio4j's module before its first
     * native call: once the JDK has warned about a module, it enables that module, and
     * asking afterwards would always say yes. The loader calls this before loading anything.
     */
    public static synchronized void noteNativeAccess() {
        if (!noted) {
            nativeAccessAtStart = nativeAccessEnabledNow();
            noted = true;
        }
    }

    /**
     * Whether the JVM let this module call native code without a warning
     * (Module.isNativeAccessEnabled, JDK 22+) when mio4j started, for diagnostics; null
     * before JDK 22.
     */
    public static synchronized Boolean nativeAccessEnabled() {
        return noted ? nativeAccessAtStart : nativeAccessEnabledNow();
    }

    private static Boolean nativeAccessEnabledNow() {
        try {
            return (Boolean) Module.class.getMethod("isNativeAccessEnabled").invoke(FfmBinding.class.getModule());
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** What --enable-native-access needs for mio4j: its module name, or ALL-UNNAMED on the class path. */
    public static String nativeAccessName() {
        Module module = FfmBinding.class.getModule();
        return module.isNamed() ? module.getName() : "ALL-UNNAMED";
    }
}
