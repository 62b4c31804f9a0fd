package io.mio4j.bench;

import io.mio4j.net.TcpStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Turns Nagle off on a mio4j stream, as every other implementation here does.
 * {@code TcpStream.setNoDelay} is in API.md but not in every build of the library yet,
 * so it is looked up once, reflectively, at set-up time (never in a measured loop);
 * once every build has it this class becomes a plain call.
 */
final class Mio4jNoDelay {
    private static final Method SET_NO_DELAY = find();

    private Mio4jNoDelay() {
    }

    private static Method find() {
        try {
            return TcpStream.class.getMethod("setNoDelay", boolean.class);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    /** Whether this build of mio4j can turn Nagle off. */
    static boolean available() {
        return SET_NO_DELAY != null;
    }

    static void enable(TcpStream stream) {
        if (SET_NO_DELAY == null) {
            return;
        }
        try {
            SET_NO_DELAY.invoke(stream, true);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("setNoDelay failed", e.getCause());
        }
    }
}
