package io.mio4j.internal.loader;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/** A child JVM running {@link LoaderProbe} on a classpath we choose, bounded in time. */
final class ChildJvm {
    private static final long TIMEOUT_SECONDS = 15;

    private final Process process;
    private final Path output;

    private ChildJvm(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** Starts {@code java -cp classpath properties... LoaderProbe}; stdout and stderr go to one file. */
    static ChildJvm start(List<Path> classpath, List<String> properties) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(properties);
        command.add("-cp");
        List<String> entries = new ArrayList<>();
        for (Path entry : classpath) {
            entries.add(entry.toString());
        }
        command.add(String.join(File.pathSeparator, entries));
        command.add(LoaderProbe.class.getName());
        Path output = Files.createTempFile("mio4j-child", ".out");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        return new ChildJvm(process, output);
    }

    /** Waits (bounded) for the child to end and returns all it printed. */
    String output() throws IOException, InterruptedException {
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("child JVM still running after " + TIMEOUT_SECONDS + " s; it printed:\n" + read());
            }
            if (process.exitValue() != 0) {
                fail("child JVM exited with " + process.exitValue() + ":\n" + read());
            }
            return read();
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private String read() throws IOException {
        return Files.readString(output, StandardCharsets.UTF_8);
    }

    /** Where a class was loaded from: a classes folder or a JAR. */
    static Path locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (Exception e) {
            throw new IllegalStateException("cannot find where " + type + " came from", e);
        }
    }
}
