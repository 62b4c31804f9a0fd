package io.mio4j;

/**
 * Associates an event with the source it concerns. Any {@code long} is a valid token;
 * {@link Event#token()} returns a token equal to the one given at registration.
 *
 * @param value the caller's value
 */
public record Token(long value) {
    /**
     * Returns a token with the given value.
     *
     * @param value any value
     * @return the token
     */
    public static Token of(long value) {
        return new Token(value);
    }
}
