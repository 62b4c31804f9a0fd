package io.mio4j;

import org.junit.jupiter.api.condition.EnabledIf;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test of close() releasing a thread blocked in a call: that takes the signal handler
 * of our C library (native/unix/preclose.c). In the runs on FFM or JNA, which run no C of
 * ours, close() waits for the blocked call instead, and the test is reported as skipped
 * with this reason.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@EnabledIf(value = "io.mio4j.Bindings#jniInUse",
        disabledReason = "releasing a blocked call takes our C library's signal handler; FFM and JNA have none (close() waits for the call)")
public @interface InterruptsBlockedCalls {
}
