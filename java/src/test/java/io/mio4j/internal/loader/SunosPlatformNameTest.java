package io.mio4j.internal.loader;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The folder scripts/cross-build.sh puts the illumos library in
 * (META-INF/native/sunos-x86_64, cmake/x86_64-pc-solaris2.11.cmake's MIO4J_CLASSIFIER)
 * is the one the loader asks for on a 64-bit illumos or Solaris JVM, whose os.name is
 * "SunOS" and os.arch "amd64".
 */
class SunosPlatformNameTest {
    @Test
    void sunosJvmPropertiesNameTheSunosX8664Folder() {
        String name = System.getProperty("os.name");
        String arch = System.getProperty("os.arch");
        try {
            System.setProperty("os.name", "SunOS");
            System.setProperty("os.arch", "amd64");
            assertEquals("sunos", NativeLoader.os());
            assertEquals("sunos-x86_64", NativeLoader.platform());
            assertEquals("META-INF/native/sunos-x86_64/" + System.mapLibraryName("mio4j"), NativeLoader.resourceName());
        } finally {
            System.setProperty("os.name", name);
            System.setProperty("os.arch", arch);
        }
    }
}
