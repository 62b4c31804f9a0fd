package io.mio4j;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Mio4jTest {
    @Test
    void theVersionIsTheMavenVersion() {
        String version = Mio4j.version();
        assertFalse(version.contains("${"), version);
        assertTrue(version.matches("\\d+\\.\\d+\\.\\d+.*"), version);
    }

    @Test
    @LinuxOnly
    void onLinuxTheBackendIsEpollThroughTheBindingOfThisRun() {
        assertTrue(Mio4j.isAvailable());
        assertNull(Mio4j.unavailabilityCause());
        // epoll, unless -Dmio4j.poller forces another (scripts/test-libkqueue.sh), on the binding of this run
        assertEquals(TestPoller.expectedOnLinux() + " (" + Bindings.expected() + ")", Mio4j.backend());
    }
}
