package io.mio4j.internal.platform;

import io.mio4j.internal.Backend;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Which backend the registry gives each OS, by os-maven-plugin's names; asking touches no OS. */
class PlatformRegistryTest {
    private static String poller(String os) {
        Backend backend = Platform.find(os);
        return backend == null ? null : backend.pollerName();
    }

    @Test
    void eachOsGetsItsPoller() {
        assertEquals("epoll", poller("linux"));
        assertEquals("event ports", poller("sunos"));
        assertEquals("afd", poller("windows"));
        assertNull(poller("aix"));
    }
}
