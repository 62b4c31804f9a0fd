package io.mio4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks on this process's descriptors, read from Linux's /proc/self (tests run on Linux). */
public final class Descriptors {
    // The octal flags /proc/self/fdinfo shows: Linux's O_NONBLOCK and O_CLOEXEC.
    private static final int O_NONBLOCK = 04000;
    private static final int O_CLOEXEC = 02000000;

    private Descriptors() {
    }

    /** The number of descriptors this process has open now. */
    public static int openCount() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return (int) fds.count();
        }
    }

    private static int flags(int fd) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("/proc/self/fdinfo/" + fd));
        for (String line : lines) {
            if (line.startsWith("flags:")) {
                return Integer.parseInt(line.substring("flags:".length()).trim(), 8);
            }
        }
        throw new AssertionError("no flags in /proc/self/fdinfo/" + fd);
    }

    public static boolean isNonBlocking(int fd) throws IOException {
        return (flags(fd) & O_NONBLOCK) != 0;
    }

    public static void assertNonBlockingAndCloseOnExec(int fd) throws IOException {
        int flags = flags(fd);
        assertTrue((flags & O_NONBLOCK) != 0, "descriptor " + fd + " is blocking");
        assertTrue((flags & O_CLOEXEC) != 0, "descriptor " + fd + " is not close-on-exec");
    }

    public static boolean isOpen(int fd) {
        return Files.exists(Path.of("/proc/self/fd/" + fd), java.nio.file.LinkOption.NOFOLLOW_LINKS);
    }

    /** A fresh directory for socket files, with a short path (sun_path holds 108 bytes). */
    public static Path socketDirectory() throws IOException {
        return Files.createTempDirectory(Path.of("/tmp"), "mio4j");
    }

    /** Deletes a socket directory and what is in it. */
    public static void deleteDirectory(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(file);
            }
        }
        Files.deleteIfExists(dir);
    }
}
