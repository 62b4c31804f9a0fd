package io.mio4j;

import org.junit.jupiter.api.condition.EnabledIf;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test of the epoll backend itself (its flags, its struct layout, its kernel probes):
 * run where that backend is the one in use, that is on Linux unless -Dmio4j.poller forces
 * another (scripts/test-libkqueue.sh); reported as skipped elsewhere, with this reason.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@EnabledIf(value = "io.mio4j.TestPoller#isEpoll", disabledReason = "checks the epoll backend, not in use in this run")
public @interface EpollOnly {
}
