package io.mio4j;

import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test that checks Linux itself: /proc/self (descriptor counts and flags), epoll,
 * the .so loader, glibc's error texts ("Broken pipe"), Linux-only socket behaviour.
 * Skipped elsewhere (and reported as skipped, with this reason).
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@EnabledOnOs(value = OS.LINUX, disabledReason = "checks Linux itself (/proc, epoll, the .so loader, glibc's texts)")
public @interface LinuxOnly {
}
