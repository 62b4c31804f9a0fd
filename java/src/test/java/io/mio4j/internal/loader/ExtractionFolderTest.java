package io.mio4j.internal.loader;

import io.mio4j.LinuxOnly;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@LinuxOnly
class ExtractionFolderTest {
    private static final byte[] CONTENT = "pretend this is libmio4j.so".getBytes(StandardCharsets.US_ASCII);
    private static final String HASH = ExtractionFolder.sha256(CONTENT);
    private static final String NAME = "libmio4j-" + HASH + ".so";

    @TempDir
    Path base;

    @Test
    void aNewFolderIsPerUserAndOwnerOnly() throws IOException {
        ExtractionFolder folder = ExtractionFolder.under(base);
        folder.prepare();
        // a user.name unfit for a file name ("?" for a uid without a passwd entry) becomes "_"s
        String user = System.getProperty("user.name").replaceAll("[^A-Za-z0-9._-]", "_");
        assertEquals(base.resolve("mio4j-" + user), folder.path());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.path())));
        assertTrue(folder.isPosix());
    }

    @Test
    void aGroupWritableFolderIsRefused() throws IOException {
        ExtractionFolder folder = ExtractionFolder.under(base);
        Files.createDirectory(folder.path(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.setPosixFilePermissions(folder.path(), PosixFilePermissions.fromString("rwxrwx---"));
        IOException refused = assertThrows(IOException.class, folder::prepare);
        assertTrue(refused.getMessage().contains("writable by group or others (rwxrwx---)"), refused.getMessage());
        assertTrue(refused.getMessage().contains("mio4j.tmpdir"), refused.getMessage());
    }

    @Test
    void aFolderOfAnotherUserIsRefused() throws IOException {
        ExtractionFolder folder;
        if (isRoot()) {
            folder = ExtractionFolder.under(base);
            Files.createDirectory(folder.path(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Files.setAttribute(folder.path(), "unix:uid", 65534);   // nobody
        } else {
            folder = ExtractionFolder.at(Path.of("/usr"));   // not root, we cannot give one away: take root's
        }
        IOException refused = assertThrows(IOException.class, folder::prepare);
        assertTrue(refused.getMessage().contains("it belongs to"), refused.getMessage());
    }

    @Test
    void aSymbolicLinkInPlaceOfTheFolderIsRefused() throws IOException {
        ExtractionFolder folder = ExtractionFolder.under(base);
        Path target = Files.createDirectory(base.resolve("target"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.createSymbolicLink(folder.path(), target);
        IOException refused = assertThrows(IOException.class, folder::prepare);
        assertTrue(refused.getMessage().contains("symbolic link"), refused.getMessage());
    }

    @Test
    void anExtractedFileWithTheRightHashIsReused() throws IOException {
        ExtractionFolder folder = ExtractionFolder.under(base);
        folder.prepare();
        Path first = folder.install(NAME, CONTENT, HASH);
        Object identity = Files.readAttributes(first, BasicFileAttributes.class).fileKey();
        Path second = folder.install(NAME, CONTENT, HASH);
        assertEquals(first, second);
        assertEquals(identity, Files.readAttributes(second, BasicFileAttributes.class).fileKey());
        assertEquals("r-x------", PosixFilePermissions.toString(Files.getPosixFilePermissions(second)));
    }

    @Test
    void aTamperedFileIsReplacedBeforeItIsLoaded() throws IOException {
        ExtractionFolder folder = ExtractionFolder.under(base);
        folder.prepare();
        Path file = folder.install(NAME, CONTENT, HASH);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(file, "tampered");
        Object tampered = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        Path repaired = folder.install(NAME, CONTENT, HASH);
        assertEquals(file, repaired);
        assertEquals(HASH, ExtractionFolder.sha256(Files.readAllBytes(repaired)));
        assertNotEquals(tampered, Files.readAttributes(repaired, BasicFileAttributes.class).fileKey());
    }

    @Test
    void aGroupWritableFileIsRefused() throws IOException {
        ExtractionFolder folder = ExtractionFolder.under(base);
        folder.prepare();
        Path file = folder.install(NAME, CONTENT, HASH);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxrw----"));
        IOException refused = assertThrows(IOException.class, () -> folder.install(NAME, CONTENT, HASH));
        assertTrue(refused.getMessage().contains("extracted library " + file), refused.getMessage());
    }

    @Test
    void concurrentExtractionsLeaveOneIntactFile() throws Exception {
        ExtractionFolder folder = ExtractionFolder.under(base);
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Path>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit((Callable<Path>) () -> {
                    start.await();
                    // each thread its own instance, as separate class loaders would have
                    ExtractionFolder own = ExtractionFolder.under(base);
                    own.prepare();
                    return own.install(NAME, CONTENT, HASH);
                }));
            }
            start.countDown();
            for (Future<Path> result : results) {
                assertEquals(folder.path().resolve(NAME), result.get(10, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        try (Stream<Path> files = Files.list(folder.path())) {
            assertEquals(List.of(folder.path().resolve(NAME)), files.toList());   // no temporary files left
        }
        assertEquals(HASH, ExtractionFolder.sha256(Files.readAllBytes(folder.path().resolve(NAME))));
    }

    @Test
    void mountOptionsComeFromTheDeepestMountPoint() {
        List<String> mountinfo = List.of(
                "22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw",
                "30 22 0:25 / /tmp rw,nosuid,nodev,noexec,relatime shared:5 - tmpfs tmpfs rw",
                "31 22 0:26 / /tmp\\040dir rw,relatime - tmpfs tmpfs rw",
                "40 30 0:27 / /tmp/exec rw,relatime - tmpfs tmpfs rw");
        assertEquals("rw,nosuid,nodev,noexec,relatime", ExtractionFolder.mountOptions(mountinfo, Path.of("/tmp/mio4j-me")));
        assertEquals("rw,relatime", ExtractionFolder.mountOptions(mountinfo, Path.of("/tmp/exec/mio4j-me")));
        assertEquals("rw,relatime", ExtractionFolder.mountOptions(mountinfo, Path.of("/tmp dir/mio4j-me")));
        assertEquals("rw,relatime", ExtractionFolder.mountOptions(mountinfo, Path.of("/tmpfoo")));
        assertNull(ExtractionFolder.mountOptions(List.of(), Path.of("/tmp")));
    }

    @Test
    void theTestFolderIsNotReportedNoexec() {
        // The build extracts and loads the library from java.io.tmpdir, so it must allow exec.
        assertFalse(ExtractionFolder.under(Path.of(System.getProperty("java.io.tmpdir"))).isMountedNoexec());
    }

    private static boolean isRoot() throws IOException {
        return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    }
}
