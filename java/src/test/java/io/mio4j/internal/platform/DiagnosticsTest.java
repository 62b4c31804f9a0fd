package io.mio4j.internal.platform;

import io.mio4j.EpollOnly;
import io.mio4j.Bindings;
import io.mio4j.JniOnly;
import io.mio4j.LinuxOnly;
import io.mio4j.Mio4j;
import io.mio4j.TestPoller;
import io.mio4j.internal.epoll.EpollBackend;
import io.mio4j.internal.loader.LibraryJni;
import io.mio4j.internal.loader.NativeLibrary;
import io.mio4j.internal.loader.NativeLoader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@LinuxOnly
class DiagnosticsTest {
    private final String report = Mio4j.diagnostics();

    @Test
    void theReportNamesTheVersionsOfEverythingInvolved() {
        assertLine("mio4j:", Mio4j.version());
        assertLine("os:", System.getProperty("os.name"));
        assertLine("arch:", System.getProperty("os.arch"));
        assertLine("kernel:", System.getProperty("os.version"));
        assertLine("jvm:", System.getProperty("java.vm.version"));
    }

    @Test
    @JniOnly
    void theReportNamesTheVersionOfTheNativeLibrary() {
        assertLine("native version:", Mio4j.version());
    }

    @Test
    @JniOnly
    void theReportNamesTheLibcOfThisSystem() {
        String libc = LibraryJni.libc();
        // the build and its tests run on glibc; elsewhere the native answer is null
        assertTrue(libc != null && libc.matches("glibc \\d+\\.\\d+.*"), libc);
        assertLine("libc:", libc);
    }

    @Test
    void withoutOurLibraryTheReportStillNamesTheCLibrary() {
        Assumptions.assumeFalse(Bindings.jniInUse(), "the JNI run checks the native answer instead");
        assertLine("libc:", "glibc (version unknown without the native library)");
    }

    @Test
    @JniOnly
    void theReportSaysWhereTheLibraryCameFrom() {
        NativeLoader.Result result = NativeLibrary.loadResult();
        assertLine("backend:", Mio4j.backend());
        assertEquals(TestPoller.expectedOnLinux() + " (jni)", Mio4j.backend());
        assertLine("library:", "from " + result.step() + ": " + result.file());
        assertLine("origin:", result.origin());
    }

    @Test
    void theReportNamesTheBindingAndWhyOurLibraryWasNotUsed() {
        Assumptions.assumeFalse(Bindings.jniInUse(), "the JNI run checks where the library came from instead");
        assertLine("backend:", "epoll (" + Bindings.expected() + ")");
        assertLine("binding:", Bindings.expected() + " (no native library of ours");
        // the steps before it, each with its reason: forced, or not found
        assertTrue(report.contains("JNI (steps 1-3): not tried: -Dmio4j.binding=")
                || report.contains("classpath resource META-INF/native/"), report);
    }

    @Test
    void theReportSaysWhetherNativeAccessIsEnabled() {
        assertTrue(report.lines().anyMatch(line -> line.startsWith("native access:")), report);
    }

    @Test
    @EpollOnly
    void theReportListsProbedFeatures() {
        assertLine("features:", "epoll_pwait2 " + (EpollBackend.hasPwait2() ? "yes" : "no"));
    }

    @Test
    @EpollOnly
    void theReportGivesTheEpollEventLayoutInUse() {
        assertLine("epoll_event:", new EpollBackend().facts().get("epoll_event"));
    }

    private void assertLine(String key, String value) {
        assertTrue(report.lines().anyMatch(line -> line.startsWith(key) && line.contains(value)),
                "no line " + key + " ... " + value + " in:\n" + report);
    }
}
