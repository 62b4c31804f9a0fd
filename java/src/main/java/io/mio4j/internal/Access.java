package io.mio4j.internal;

import io.mio4j.Registry;

import java.util.function.Function;

/**
 * Lets io.mio4j.net and io.mio4j.unix reach a Registry's selector without a public
 * method for it: Registry installs the accessor from its static initialiser.
 */
public final class Access {
    private static volatile Function<Registry, Selector> registrySelector;

    private Access() {
    }

    public static void setRegistrySelector(Function<Registry, Selector> accessor) {
        if (registrySelector != null) {
            throw new IllegalStateException("already set");
        }
        registrySelector = accessor;
    }

    /** The selector behind {@code registry}; ClosedSelectorException when its Poll is closed. */
    public static Selector selector(Registry registry) {
        return registrySelector.apply(registry);
    }
}
