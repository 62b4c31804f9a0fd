package io.mio4j;

import org.junit.jupiter.api.condition.EnabledIf;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test of the kqueue backend itself: run on macOS and the BSDs, and on Linux when
 * -Dmio4j.poller=kqueue forces it over libkqueue; reported as skipped elsewhere.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@EnabledIf(value = "io.mio4j.TestPoller#isKqueue", disabledReason = "checks the kqueue backend, not in use in this run")
public @interface KqueueOnly {
}
