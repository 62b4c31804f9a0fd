package io.mio4j.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Tells a blocking poll on a virtual thread (JDK 21+), once: such a poll holds its
 * carrier thread, so a few of them can starve every other virtual thread (the one that
 * would wake them included). Thread.isVirtual is looked up once; on JDK 17 there is none
 * and the check is a null test.
 */
public final class VirtualThreads {
    private static final Logger LOG = LoggerFactory.getLogger(VirtualThreads.class);
    private static final MethodHandle IS_VIRTUAL = isVirtualHandle();
    private static volatile boolean warned;
    private static int warnings;   // for tests: how many warnings were logged

    private VirtualThreads() {
    }

    /** Logs a warning the first time a blocking poll runs on a virtual thread. */
    public static void checkBlockingPoll() {
        if (IS_VIRTUAL == null || warned) {
            return;
        }
        Thread thread = Thread.currentThread();
        if (isVirtual(thread)) {
            synchronized (VirtualThreads.class) {
                if (warned) {
                    return;
                }
                warned = true;
                warnings++;
            }
            LOG.warn("mio4j: Poll.poll blocks on virtual thread {}, which holds its carrier thread while it"
                    + " waits; poll on a platform thread (this is logged once)", thread);
        }
    }

    static boolean warned() {
        return warned;
    }

    static synchronized int warnings() {
        return warnings;
    }

    private static boolean isVirtual(Thread thread) {
        try {
            return (boolean) IS_VIRTUAL.invokeExact(thread);
        } catch (Throwable e) {
            return false;
        }
    }

    private static MethodHandle isVirtualHandle() {
        try {
            return MethodHandles.publicLookup().findVirtual(Thread.class, "isVirtual", MethodType.methodType(boolean.class));
        } catch (ReflectiveOperationException e) {
            return null;   // JDK 17: no virtual threads
        }
    }
}
