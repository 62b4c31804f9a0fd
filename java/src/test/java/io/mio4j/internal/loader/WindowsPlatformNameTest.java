package io.mio4j.internal.loader;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The folder scripts/build-windows.sh puts mio4j.dll in (META-INF/native/windows-x86_64)
 * is the one the loader asks for on a 64-bit Windows JVM, whose os.name is for example
 * "Windows Server 2022" and os.arch "amd64".
 */
class WindowsPlatformNameTest {
    @Test
    void windowsJvmPropertiesNameTheWindowsX8664Folder() {
        String name = System.getProperty("os.name");
        String arch = System.getProperty("os.arch");
        try {
            for (String windows : new String[] {"Windows 10", "Windows 11", "Windows Server 2022"}) {
                System.setProperty("os.name", windows);
                System.setProperty("os.arch", "amd64");
                assertEquals("windows-x86_64", NativeLoader.platform(), windows);
            }
        } finally {
            System.setProperty("os.name", name);
            System.setProperty("os.arch", arch);
        }
    }
}
