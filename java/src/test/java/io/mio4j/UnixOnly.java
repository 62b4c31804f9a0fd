package io.mio4j;

import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test of something Unix-only (Unix domain sockets, pipes, SourceFd, fd()): on
 * Windows these throw UnsupportedOperationException, so the test is skipped there
 * (and reported as skipped, with this reason).
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "Unix-only: Unix sockets, pipes, SourceFd and fd() do not exist on Windows")
public @interface UnixOnly {
}
