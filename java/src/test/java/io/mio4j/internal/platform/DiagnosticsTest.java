package io.mio4j.internal.platform;

import io.mio4j.EpollOnly;
import io.mio4j.LinuxOnly;
import io.mio4j.Mio4j;
import io.mio4j.TestPoller;
import io.mio4j.internal.epoll.EpollBackend;
import io.mio4j.internal.loader.LibraryJni;
import io.mio4j.internal.loader.NativeLibrary;
import io.mio4j.internal.loader.NativeLoader;
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
        assertLine("native version:", Mio4j.version());
    }

    @Test
    void theReportNamesTheLibcOfThisSystem() {
        String libc = LibraryJni.libc();
        // the build and its tests run on glibc; elsewhere the native answer is null
        assertTrue(libc != null && libc.matches("glibc \\d+\\.\\d+.*"), libc);
        assertLine("libc:", libc);
    }

    @Test
    void theReportSaysWhereTheLibraryCameFrom() {
        NativeLoader.Result result = NativeLibrary.loadResult();
        assertLine("backend:", Mio4j.backend());
        assertEquals(TestPoller.expectedOnLinux() + " (jni)", Mio4j.backend());
        assertLine("library:", "from " + result.step() + ": " + result.file());
        assertLine("origin:", result.origin());
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
