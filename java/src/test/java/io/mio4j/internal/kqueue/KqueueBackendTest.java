package io.mio4j.internal.kqueue;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which OSes the kqueue backend serves and how it wakes on each: decisions made without the OS. */
class KqueueBackendTest {
    private final KqueueBackend backend = new KqueueBackend();

    @Test
    void itServesMacOsAndTheBsdsAsTheLoaderNamesThem() {
        for (String os : new String[] {"osx", "freebsd", "openbsd", "netbsd", "dragonfly"}) {
            assertTrue(backend.serves(os), os);
        }
        for (String os : new String[] {"linux", "windows", "sunos", "aix"}) {
            assertFalse(backend.serves(os), os);
        }
        assertEquals("kqueue", backend.pollerName());
    }

    @Test
    void evfiltUserWakesWhereMioUsesItAndOnDragonFly() {
        for (String os : new String[] {"osx", "freebsd", "dragonfly", "linux"}) {
            assertTrue(KqueueBackend.userFilterWakes(os, "", true), os);
        }
    }

    @Test
    void netBsdAndOpenBsdWakeWithAPipeAsMioDoes() {
        assertFalse(KqueueBackend.userFilterWakes("netbsd", "", true));
        assertFalse(KqueueBackend.userFilterWakes("openbsd", "", true));
    }

    @Test
    void aPipeWakesWhereTheLibraryKnowsNoEvfiltUserOrWhenForced() {
        assertFalse(KqueueBackend.userFilterWakes("osx", "", false));
        assertFalse(KqueueBackend.userFilterWakes("freebsd", "pipe", true));
    }
}
