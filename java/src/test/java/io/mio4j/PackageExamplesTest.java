package io.mio4j;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The examples in the package overviews (package-info.java of io.mio4j, io.mio4j.net and
 * io.mio4j.unix) compile against the library as it is, so the javadoc shows code that works
 * with today's API.
 */
class PackageExamplesTest {
    private static final Path CLASSES = Path.of(System.getProperty("mio4j.test.classes"));
    private static final Pattern EXAMPLE = Pattern.compile("<pre>\\{@code\\n(.*?)\\n \\* }</pre>", Pattern.DOTALL);
    private static final String IMPORTS = "import io.mio4j.*; import io.mio4j.net.*; import io.mio4j.unix.*;"
            + " import java.io.*; import java.net.*; import java.nio.*; import java.nio.charset.*;"
            + " import java.time.*; import java.util.*;";

    @Test
    void everyPackageOverviewHasAnExampleThatCompiles(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path sources = Path.of(System.getProperty("user.dir"), "src/main/java/io/mio4j");
        List<Path> files = new ArrayList<>();
        for (String pkg : List.of("", "net/", "unix/")) {
            String text = Files.readString(sources.resolve(pkg + "package-info.java"), StandardCharsets.UTF_8);
            Matcher m = EXAMPLE.matcher(text);
            assertFalse(!m.find(), pkg + "package-info.java has no <pre>{@code ...}</pre> example");
            do {
                String body = m.group(1).replaceAll("(?m)^ \\* ?", "");
                String name = "Example" + files.size();
                Path file = tmp.resolve(name + ".java");
                Files.writeString(file, IMPORTS + "\nclass " + name + " {\n static void run() throws Exception {\n"
                        + body + "\n }\n}\n");
                files.add(file);
            } while (m.find());
        }
        // javac of this JDK, in a child process: the tests themselves run in the patched module.
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "javac").toString(),
                "-cp", CLASSES.toString(), "-d", tmp.toString(), "-proc:none"));
        files.forEach(f -> command.add(f.toString()));
        Process javac = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(javac.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertFalse(!javac.waitFor(60, TimeUnit.SECONDS), "javac still running after 60 s");
        assertEquals(0, javac.exitValue(), output);
    }
}
