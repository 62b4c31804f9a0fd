package io.mio4j;

import java.io.IOException;

/**
 * Something a {@link Registry} can watch: every socket and pipe end of mio4j, or a
 * type of the caller's that delegates to one of them. Callers use the Registry's
 * methods; Registry calls these.
 */
public interface Source {
    /**
     * Registers this source.
     *
     * @param registry  the registry
     * @param token     the token events will carry
     * @param interests the readiness to watch for
     * @throws IOException if the OS refuses
     */
    void register(Registry registry, Token token, Interest interests) throws IOException;

    /**
     * Changes the token and interests of a registered source.
     *
     * @param registry  the registry it is registered with
     * @param token     the new token
     * @param interests the new interests
     * @throws IOException if the OS refuses
     */
    void reregister(Registry registry, Token token, Interest interests) throws IOException;

    /**
     * Stops watching this source.
     *
     * @param registry the registry it is registered with
     * @throws IOException if the OS refuses
     */
    void deregister(Registry registry) throws IOException;
}
