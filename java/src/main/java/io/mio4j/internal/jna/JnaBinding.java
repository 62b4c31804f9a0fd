package io.mio4j.internal.jna;

import io.mio4j.internal.abi.LinuxAbi;
import io.mio4j.internal.loader.NativeLoader;

/**
 * Whether the JNA binding can be used here, asked by the loader without touching a JNA
 * class before it knows JNA is on the class path (it is an optional dependency).
 */
public final class JnaBinding {
    /** The JNA the binding is built and tested with. */
    public static final String TESTED = "net.java.dev.jna:jna:5.19.1";

    private JnaBinding() {
    }

    /** Why the JNA binding cannot be used, or null when it can. */
    public static String unavailability() {
        if (LinuxAbi.of(NativeLoader.platform()) == null) {
            return "no ABI table for " + NativeLoader.platform() + " (the FFM and JNA bindings know "
                    + String.join(", ", LinuxAbi.platforms()) + ")";
        }
        ClassLoader loader = JnaBinding.class.getClassLoader();
        if (loader == null || loader.getResource("com/sun/jna/Native.class") == null) {
            return "JNA is not on the class path (add " + TESTED + ")";
        }
        try {
            return Jna.unavailability();
        } catch (LinkageError | RuntimeException e) {
            return "JNA failed to load: " + e;
        }
    }

    /** JNA's version, for diagnostics. */
    public static String version() {
        try {
            return Jna.version();
        } catch (LinkageError | RuntimeException e) {
            return "(version unknown: " + e + ")";
        }
    }
}
