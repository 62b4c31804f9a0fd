package io.mio4j.internal.loader;

import io.mio4j.internal.ffm.FfmBinding;
import io.mio4j.internal.jna.JnaBinding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Locale;

/**
 * How mio4j reaches the OS, the second axis beside the poller: JNI over our own native
 * library, FFM ({@code java.lang.foreign}, JDK 22+) or JNA. One is chosen per class
 * loader, in API.md's order, or the one named by {@value #PROPERTY}.
 *
 * <p>A backend calls the OS through small interfaces (one per kind of call); each binding
 * implements every one of them in a class named after the interface plus the binding's
 * suffix, in the interface's package: {@code EpollCalls} has {@code EpollCallsJni},
 * {@code EpollCallsFfm}, {@code EpollCallsJna}. Backends hold the one instance in a
 * static final field, so the JIT sees one implementation and inlines it.
 */
public enum Binding {
    JNI("jni", "Jni"),
    FFM("ffm", "Ffm"),
    JNA("jna", "Jna");

    /** Names the one binding to use: jni, ffm or jna. */
    public static final String PROPERTY = "mio4j.binding";
    private static final Logger LOG = LoggerFactory.getLogger(Binding.class);

    private final String label;
    private final String suffix;

    Binding(String label, String suffix) {
        this.label = label;
        this.suffix = suffix;
    }

    /** As Mio4j.backend() shows it: "jni", "ffm", "jna". */
    public String label() {
        return label;
    }

    /**
     * The binding in use, chosen on first call.
     *
     * @throws UnsatisfiedLinkError listing every step tried and why it failed, when none works
     */
    public static Binding current() {
        return Choice.get();
    }

    /**
     * This binding's implementation of a calls interface: a public class named as the
     * interface plus the suffix, with a public no-argument constructor.
     */
    public static <T> T implementation(Class<T> calls) {
        Binding binding = current();
        String name = calls.getName() + binding.suffix;
        try {
            Class<?> type = Class.forName(name, true, calls.getClassLoader());
            return calls.cast(type.getConstructor().newInstance());
        } catch (ReflectiveOperationException e) {
            throw new LinkageError("mio4j: the " + binding.label + " binding has no " + name, e);
        }
    }

    /**
     * Every step tried before the binding in use won, as "step: why it failed" (every
     * step, when none did): for diagnostics.
     */
    public static List<String> tried() {
        return Choice.steps().tried();
    }

    /** Warnings of the attempt to load our library, such as different copies of it on the classpath. */
    public static List<String> warnings() {
        return Choice.steps().warnings();
    }

    /** The outcome of choosing, kept for the class loader's lifetime. */
    private static final class Choice {
        private static Binding chosen;
        private static UnsatisfiedLinkError failure;
        /** The steps tried (our library's, then FFM's and JNA's) and why each failed. */
        private static NativeLoader steps;

        static synchronized Binding get() {
            if (chosen == null && failure == null) {
                choose();
            }
            if (failure != null) {
                // A fresh error each time, so each caller's stack trace is its own.
                UnsatisfiedLinkError error = new UnsatisfiedLinkError(failure.getMessage());
                error.initCause(failure);
                throw error;
            }
            return chosen;
        }

        static synchronized NativeLoader steps() {
            if (chosen == null && failure == null) {
                choose();
            }
            return steps;
        }

        private static void choose() {
            FfmBinding.noteNativeAccess();   // before any native call makes the JDK enable it
            String forced = System.getProperty(PROPERTY, "").trim().toLowerCase(Locale.ROOT);
            Binding only = null;
            if (!forced.isEmpty()) {
                for (Binding b : values()) {
                    if (b.label.equals(forced)) {
                        only = b;
                    }
                }
                if (only == null) {
                    steps = NativeLoader.fromSystemProperties();
                    failure = new UnsatisfiedLinkError("mio4j: -D" + PROPERTY + "=" + forced
                            + " names no binding; use jni, ffm or jna");
                    return;
                }
            }
            if (only == null || only == JNI) {
                steps = NativeLibrary.attempt();
                if (NativeLibrary.loadResult() != null) {
                    chosen = JNI;
                    return;
                }
            } else {
                // Not loaded at all: loading is what JDK 24+ warns about, and it would be for nothing.
                steps = NativeLoader.fromSystemProperties();
                steps.skip("JNI (steps 1-3)", "not tried: -D" + PROPERTY + "=" + only.label);
            }
            if (only == null || only == FFM) {
                if (use(FFM, FfmBinding.unavailability())) {
                    return;
                }
            }
            if (only == null || only == JNA) {
                if (use(JNA, JnaBinding.unavailability())) {
                    return;
                }
            }
            failure = new UnsatisfiedLinkError(steps.failureMessage(only == null ? null
                    : "-D" + PROPERTY + "=" + only.label));
            LOG.debug("mio4j: no binding works: {}", failure.getMessage());
        }

        /** Chooses {@code binding} when nothing stands against it, else records why not. */
        private static boolean use(Binding binding, String unavailability) {
            String step = binding == FFM ? NativeLoader.STEP_FFM : NativeLoader.STEP_JNA;
            if (unavailability != null) {
                steps.skip(step, unavailability);
                return false;
            }
            LOG.debug("mio4j: using the {}", step);
            chosen = binding;
            return true;
        }
    }
}
