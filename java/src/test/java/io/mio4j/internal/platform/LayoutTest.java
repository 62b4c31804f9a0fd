package io.mio4j.internal.platform;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The layout's rule, checked on the sources: the core (io.mio4j, io.mio4j.net,
 * io.mio4j.unix and the root of io.mio4j.internal) names no backend package and no
 * binding's classes; every backend is one package listed once in {@link Platform}; and
 * every poller has one native folder, chosen once in the root CMakeLists.txt.
 */
class LayoutTest {
    private static final Path ROOT = sourceRoot();
    private static final Path MAIN = ROOT.resolve("java/src/main/java/io/mio4j");
    /** Packages of backends and of the POSIX layer they share: the core may not import them. */
    private static final Pattern PLATFORM_IMPORT = Pattern.compile(
            "import (static )?io\\.mio4j\\.internal\\.(unix|afd|epoll|kqueue|ports)\\..*");
    /** A binding's implementation classes, named after their calls interface. */
    private static final Pattern BINDING_CLASS = Pattern.compile("\\b\\w+Calls(Jni|Ffm|Jna)\\b");

    @Test
    void theCoreNamesNoBackendPackageAndNoBindingClass() throws IOException {
        List<String> offending = new ArrayList<>();
        int files = 0;
        for (Path dir : List.of(MAIN, MAIN.resolve("net"), MAIN.resolve("unix"), MAIN.resolve("internal"))) {
            try (Stream<Path> sources = Files.list(dir)) {
                for (Path source : (Iterable<Path>) sources.filter(p -> p.toString().endsWith(".java"))::iterator) {
                    files++;
                    for (String line : Files.readAllLines(source)) {
                        if (PLATFORM_IMPORT.matcher(line).matches() || BINDING_CLASS.matcher(line).find()) {
                            offending.add(ROOT.relativize(source) + ": " + line.trim());
                        }
                    }
                }
            }
        }
        assertTrue(files >= 30, "read only " + files + " files");
        assertEquals(List.of(), offending);
    }

    @Test
    void everyBackendIsOnePackageListedOnceInThePlatformRegistry() throws IOException {
        Set<String> backends = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(MAIN.resolve("internal"))) {
            for (Path source : (Iterable<Path>) sources.filter(p -> p.toString().endsWith(".java"))::iterator) {
                String text = Files.readString(source);
                if (text.matches("(?s).*public final class \\w+ extends (Unix)?Backend \\{.*")) {
                    backends.add(source.getParent().getFileName() + "." + source.getFileName().toString().replace(".java", ""));
                }
            }
        }
        assertFalse(backends.isEmpty());
        String registry = Files.readString(MAIN.resolve("internal/platform/Platform.java"));
        for (String backend : backends) {
            String[] parts = backend.split("\\.");
            assertEquals(1, count(registry, "new " + parts[1] + "()"), backend + " in Platform's list");
            assertEquals(1, count(registry, "import io.mio4j.internal." + backend + ";"), backend + " imported by Platform");
        }
        assertEquals(backends.size(), count(registry, "            new \\w+\\(\\)"), "Platform lists other backends than " + backends);
    }

    @Test
    void everyPollerHasOneNativeFolderChosenOnceByTheBuild() throws IOException {
        String cmake = Files.readString(ROOT.resolve("CMakeLists.txt"));
        Matcher m = Pattern.compile("(?m)^mio4j_poller\\(\"[^\"]+\" (\\w+)\\)").matcher(cmake);
        Set<String> chosen = new TreeSet<>();
        while (m.find()) {
            assertTrue(chosen.add(m.group(1)), m.group(1) + " chosen twice");
            assertTrue(Files.isRegularFile(ROOT.resolve("native").resolve(m.group(1)).resolve("CMakeLists.txt")),
                    "native/" + m.group(1) + " has no CMakeLists.txt");
            assertTrue(Files.isDirectory(MAIN.resolve("internal").resolve(m.group(1))),
                    "no Java package io.mio4j.internal." + m.group(1) + " for native/" + m.group(1));
        }
        assertTrue(chosen.contains("epoll"), "no mio4j_poller(... epoll) line in CMakeLists.txt: " + chosen);
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static Path sourceRoot() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("java/src/main/java/io/mio4j/net"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("java/src/main/java/io/mio4j/net not found above " + System.getProperty("user.dir"));
        }
        return dir;
    }
}
