package io.mio4j;

import org.junit.jupiter.api.condition.EnabledIf;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test of our JNI library itself (its tables of natives, its version, its libc answer):
 * in the runs on FFM or JNA, where the library is not in use, it is skipped and reported
 * as skipped with this reason.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@EnabledIf(value = "io.mio4j.Bindings#jniInUse",
        disabledReason = "checks the JNI library itself; this run uses the FFM or JNA binding")
public @interface JniOnly {
}
