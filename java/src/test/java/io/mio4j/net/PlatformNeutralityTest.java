package io.mio4j.net;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The public socket classes reach the OS only through io.mio4j.internal.NetSocket, so
 * the same classes work over every backend: none imports a backend's package.
 */
class PlatformNeutralityTest {
    @Test
    void publicSocketClassesImportNoBackendPackage() throws IOException {
        Path net = sourceRoot().resolve("java/src/main/java/io/mio4j/net");
        List<String> offending = new ArrayList<>();
        int files = 0;
        try (Stream<Path> sources = Files.list(net)) {
            for (Path source : (Iterable<Path>) sources::iterator) {
                files++;
                for (String line : Files.readAllLines(source)) {
                    if (line.matches("import (static )?io\\.mio4j\\.internal\\.(unix|afd|epoll)\\..*")) {
                        offending.add(source.getFileName() + ": " + line);
                    }
                }
            }
        }
        assertTrue(files >= 7, "read " + files + " files of " + net);
        assertEquals(List.of(), offending);
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
