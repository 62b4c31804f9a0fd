package io.mio4j.internal;

import io.mio4j.Registry;

import java.util.function.Function;

/**
 * Lets io.mio4j.net and io.mio4j.unix reach a Registry's poller without a public
 * method for it: Registry installs the accessor from its static initialiser.
 */
public final class Access {
    private static volatile Function<Registry, Poller> registryPoller;

    private Access() {
    }

    public static void setRegistryPoller(Function<Registry, Poller> accessor) {
        if (registryPoller != null) {
            throw new IllegalStateException("already set");
        }
        registryPoller = accessor;
    }

    /** The poller behind {@code registry}; ClosedSelectorException when its Poll is closed. */
    public static Poller poller(Registry registry) {
        return registryPoller.apply(registry);
    }
}
