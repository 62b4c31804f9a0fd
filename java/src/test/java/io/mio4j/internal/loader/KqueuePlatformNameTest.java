package io.mio4j.internal.loader;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The folders scripts/cross-build.sh packs the macOS and FreeBSD libraries in (the "jar"
 * line of cmake/<triple>.expect) are the ones the loader asks for on those JVMs, whose
 * os.name and os.arch are faked here: "Mac OS X" with x86_64 or aarch64 (Apple
 * silicon), "FreeBSD" with amd64 or aarch64. The other BSDs get folders too, though no
 * JAR is packed for them yet.
 */
class KqueuePlatformNameTest {
    /** What each triple's JVM reports: {os.name, os.arch}. */
    private static final Map<String, String[]> JVMS = new LinkedHashMap<>();

    static {
        JVMS.put("x86_64-apple-macos11", new String[] {"Mac OS X", "x86_64"});
        JVMS.put("arm64-apple-macos11", new String[] {"Mac OS X", "aarch64"});
        JVMS.put("x86_64-unknown-freebsd13", new String[] {"FreeBSD", "amd64"});
        JVMS.put("aarch64-unknown-freebsd13", new String[] {"FreeBSD", "aarch64"});
        JVMS.put("x86_64-pc-solaris2.11", new String[] {"SunOS", "amd64"});   // event ports, packed by the same script
    }

    private static String platformOf(String osName, String osArch) {
        String name = System.getProperty("os.name");
        String arch = System.getProperty("os.arch");
        try {
            System.setProperty("os.name", osName);
            System.setProperty("os.arch", osArch);
            return NativeLoader.platform();
        } finally {
            System.setProperty("os.name", name);
            System.setProperty("os.arch", arch);
        }
    }

    @Test
    void macOsAndFreeBsdJvmsNameTheFoldersOfTheirClassifierJars() throws IOException {
        Map<String, String> packed = packedJars();
        assertEquals(new TreeMap<>(JVMS).keySet(), packed.keySet(), "triples that pack a JAR");
        for (Map.Entry<String, String[]> jvm : JVMS.entrySet()) {
            String[] properties = jvm.getValue();
            assertEquals(packed.get(jvm.getKey()), platformOf(properties[0], properties[1]), jvm.getKey());
        }
    }

    @Test
    void theOtherBsdsHaveFoldersOfTheirOwn() {
        assertEquals("openbsd-x86_64", platformOf("OpenBSD", "amd64"));
        assertEquals("netbsd-x86_64", platformOf("NetBSD", "amd64"));
        assertEquals("dragonfly-x86_64", platformOf("DragonFly", "x86_64"));
        assertEquals("osx-x86_64", platformOf("Darwin", "x86_64"));
    }

    /** triple -> classifier, from the "jar" lines of cmake/*.expect. */
    private static Map<String, String> packedJars() throws IOException {
        Path cmake = sourceRoot().resolve("cmake");
        Pattern jar = Pattern.compile("(?m)^jar\\s+(\\S+)");
        Map<String, String> packed = new TreeMap<>();
        try (Stream<Path> files = Files.list(cmake)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".expect"))::iterator) {
                Matcher m = jar.matcher(Files.readString(file));
                if (m.find()) {
                    packed.put(file.getFileName().toString().replace(".expect", ""), m.group(1));
                }
            }
        }
        return packed;
    }

    private static Path sourceRoot() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("cmake"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no cmake/ folder above " + System.getProperty("user.dir"));
        }
        return dir;
    }
}
