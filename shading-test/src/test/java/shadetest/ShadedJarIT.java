package shadetest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Users who shade mio4j: the shaded JAR this module's build made (maven-shade-plugin,
 * io.mio4j relocated to com.example.shaded.io.mio4j, the platform JAR's library inside)
 * opens a Poll and echoes over TCP in a child JVM through the relocated classes, whose
 * natives the library bound under their relocated names. And a shaded and an unshaded
 * copy live in one JVM and one class loader, whichever loads first: each binds its own
 * copy of the library file.
 */
@EnabledOnOs(OS.LINUX)
class ShadedJarIT {
    private static final Path SHADED = Path.of(System.getProperty("mio4j.shaded.jar"));
    private static final String PREFIX = System.getProperty("mio4j.shaded.prefix");
    private static final String VERSION = System.getProperty("mio4j.version");
    private static final String CLASSIFIER = System.getProperty("mio4j.classifier");
    private static final long TIMEOUT_SECONDS = 30;

    @TempDir
    Path tmp;

    @Test
    void theShadedJarHoldsOnlyRelocatedClassesAndTheLibrary() throws IOException {
        try (JarFile jar = new JarFile(SHADED.toFile())) {
            List<String> names = jar.stream().map(ZipEntry::getName).toList();
            String prefix = PREFIX.replace('.', '/') + "/";
            assertTrue(names.contains(prefix + "io/mio4j/Poll.class"), names.toString());
            assertTrue(names.contains(prefix + "io/mio4j/internal/loader/LibraryJni.class"), names.toString());
            assertTrue(names.contains("META-INF/native/" + CLASSIFIER + "/libmio4j.so"), names.toString());
            assertEquals(List.of(), names.stream().filter(n -> n.startsWith("io/mio4j/")).toList(),
                    "unrelocated classes in the shaded JAR");
        }
    }

    @Test
    void aShadedCopyFindsItsNativesAndEchoes() throws Exception {
        String out = run(List.of(SHADED, jar("slf4j-api-")), PREFIX + ".shadetest.EchoCheck");
        assertTrue(out.contains("echo ok: 100 messages through " + PREFIX + ".io.mio4j.Poll (epoll (jni))"), out);
        assertTrue(out.contains("the library bound " + PREFIX.replace('.', '/') + "/io/mio4j/internal/"), out);
        assertTrue(out.contains("from classpath resource: "), out);
    }

    @Test
    void shadedAndUnshadedCopiesWorkInOneClassLoaderPlainFirst() throws Exception {
        bothCopies("plain-first");
    }

    @Test
    void shadedAndUnshadedCopiesWorkInOneClassLoaderShadedFirst() throws Exception {
        bothCopies("shaded-first");
    }

    private void bothCopies(String order) throws Exception {
        String out = run(List.of(Path.of(System.getProperty("mio4j.probe.classes")), SHADED,
                jar("mio4j-" + VERSION + ".jar"), jar("mio4j-" + VERSION + "-" + CLASSIFIER + ".jar"),
                jar("slf4j-api-")), TwoCopies.class.getName(), PREFIX + ".shadetest.EchoCheck", order);
        List<String> plain = out.lines().filter(l -> l.startsWith("plain")).toList();
        List<String> shaded = out.lines().filter(l -> l.startsWith("shaded")).toList();
        assertEquals(2, plain.size(), out);
        assertEquals(2, shaded.size(), out);
        for (String line : plain) {
            assertTrue(line.contains("echo ok: 100 messages through io.mio4j.Poll (epoll (jni))"), out);
            assertTrue(line.contains("the library bound io/mio4j/internal/"), out);
        }
        for (String line : shaded) {
            assertTrue(line.contains("echo ok: 100 messages through " + PREFIX + ".io.mio4j.Poll (epoll (jni))"), out);
            assertTrue(line.contains("the library bound " + PREFIX.replace('.', '/') + "/io/mio4j/internal/"), out);
        }
        // The second copy to load found the file loaded for the first and loaded its own.
        String second = (order.equals("plain-first") ? shaded : plain).get(0);
        assertTrue(second.contains("copy 2 for this class loader (another copy of mio4j's classes in this class"
                + " loader holds "), out);
        String first = (order.equals("plain-first") ? plain : shaded).get(0);
        assertFalse(first.contains("copy 2"), out);
    }

    /** A JAR of this test's class path whose file name starts with (or is) {@code name}. */
    private static Path jar(String name) {
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String file = Path.of(entry).getFileName().toString();
            if (file.endsWith(".jar") && (name.endsWith(".jar") ? file.equals(name) : file.startsWith(name))) {
                return Path.of(entry);
            }
        }
        throw new IllegalStateException("no " + name + " on the class path: " + System.getProperty("java.class.path"));
    }

    /** Runs {@code main} in a child JVM with this class path, its own extraction folder; returns what it printed. */
    private String run(List<Path> classpath, String main, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dmio4j.tmpdir=" + tmp, "-Djava.library.path=" + tmp.resolve("none"), "-cp",
                String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList()), main));
        command.addAll(List.of(args));
        Path output = tmp.resolve("child.out");
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!child.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            fail("child JVM still running after " + TIMEOUT_SECONDS + " s:\n" + Files.readString(output));
        }
        String out = Files.readString(output, StandardCharsets.UTF_8);
        assertEquals(0, child.exitValue(), out);
        return out;
    }
}
