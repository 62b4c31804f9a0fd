package io.mio4j.internal.loader;

import io.mio4j.LinuxOnly;
import io.mio4j.TestPoller;
import io.mio4j.Mio4j;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@LinuxOnly
class NativeLoaderTest {
    /** What the child JVMs report: the backend and binding (then the step that won). */
    private static final String BACKEND = "backend=" + TestPoller.expectedOnLinux() + " (jni)";
    private static final Path NATIVE_ROOT = Path.of(System.getProperty("mio4j.test.nativeRoot"));
    private static final Path CLASSES = Path.of(System.getProperty("mio4j.test.classes"));
    private static final String CLASSIFIER = System.getProperty("mio4j.test.classifier");
    private static final String RESOURCE = "META-INF/native/" + CLASSIFIER + "/" + System.mapLibraryName("mio4j");

    @TempDir
    static Path shared;
    private static Path nativeJar;
    private static Path emptyLibraryPath;

    @TempDir
    Path tmp;

    @BeforeAll
    static void buildPlatformJar() throws IOException {
        nativeJar = jar(shared.resolve("mio4j-" + CLASSIFIER + ".jar"), Files.readAllBytes(NATIVE_ROOT.resolve(RESOURCE)));
        emptyLibraryPath = Files.createDirectory(shared.resolve("no-libraries"));
    }

    /** A JAR like the platform-classifier JAR, holding {@code library} as the resource. */
    private static Path jar(Path jar, byte[] library) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry(RESOURCE));
            out.write(library);
            out.closeEntry();
        }
        return jar;
    }

    private static List<Path> classpath(Path... more) {
        List<Path> classpath = new ArrayList<>(List.of(CLASSES, ChildJvm.locationOf(LoaderProbe.class),
                ChildJvm.locationOf(org.slf4j.Logger.class), ChildJvm.locationOf(org.slf4j.simple.SimpleLogger.class)));
        classpath.addAll(List.of(more));
        return classpath;
    }

    private List<String> properties(String... more) {
        List<String> properties = new ArrayList<>(List.of(
                "-Djava.library.path=" + emptyLibraryPath,
                "-D" + NativeLoader.TMPDIR_PROPERTY + "=" + tmp,
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=debug"));
        if (!TestPoller.FORCED.isEmpty()) {
            properties.add("-Dmio4j.poller=" + TestPoller.FORCED);   // the poller the library was built with
        }
        properties.addAll(List.of(more));
        return properties;
    }

    private static Path builtLibrary() {
        return NATIVE_ROOT.resolve(RESOURCE);
    }

    @Test
    void theLibraryNamedByThePropertyWins() throws Exception {
        String out = ChildJvm.start(classpath(nativeJar),
                properties("-D" + NativeLoader.LIBRARY_PATH_PROPERTY + "=" + builtLibrary())).output();
        assertTrue(out.contains(BACKEND + " from mio4j.library.path"), out);
        assertTrue(out.contains("from mio4j.library.path: " + builtLibrary()), out);
    }

    @Test
    void javaLibraryPathComesBeforeTheClasspathResource() throws Exception {
        List<String> properties = properties();
        properties.set(0, "-Djava.library.path=" + builtLibrary().getParent());
        String out = ChildJvm.start(classpath(nativeJar), properties).output();
        assertTrue(out.contains(BACKEND + " from java.library.path"), out);
        assertTrue(out.contains("from java.library.path: " + builtLibrary()), out);
    }

    @Test
    void aBadPropertyPathFallsThroughWithItsReason() throws Exception {
        Path missing = tmp.resolve("nowhere/libmio4j.so");
        String out = ChildJvm.start(classpath(nativeJar),
                properties("-D" + NativeLoader.LIBRARY_PATH_PROPERTY + "=" + missing)).output();
        assertTrue(out.contains(BACKEND + " from classpath resource"), out);
        assertTrue(out.contains("mio4j.library.path: " + missing + ": no such file"), out);
    }

    @Test
    void aPlatformJarOnTheClasspathIsExtractedToAnOwnerOnlyFolderAndLoaded() throws Exception {
        String out = ChildJvm.start(classpath(nativeJar), properties()).output();
        assertTrue(out.contains(BACKEND + " from classpath resource"), out);
        Path folder = ExtractionFolder.under(tmp).path();
        String hash = ExtractionFolder.sha256(Files.readAllBytes(builtLibrary()));
        Path file = folder.resolve(System.mapLibraryName("mio4j-" + hash));
        assertTrue(out.contains("from classpath resource: " + file), out);
        assertTrue(out.contains("jar:" + nativeJar.toUri().toURL()), out);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
        // every step is logged at debug
        assertTrue(out.contains("mio4j: mio4j.library.path: not set"), out);
        assertTrue(out.contains("mio4j: java.library.path: no mio4j in java.library.path"), out);
        assertTrue(out.contains("mio4j: loaded the native library through classpath resource"), out);
    }

    @Test
    void withoutAnyLibraryTheErrorListsEveryStepAndNamesThePlatformJar() throws Exception {
        String out = ChildJvm.start(classpath(), properties()).output();
        assertTrue(out.contains("error=java.lang.UnsatisfiedLinkError"), out);
        assertTrue(out.contains("1. mio4j.library.path: not set"), out);
        assertTrue(out.contains("2. java.library.path: no mio4j in java.library.path"), out);
        assertTrue(out.contains("3. classpath resource " + RESOURCE + ": not on the classpath"), out);
        // target/classes alone: no META-INF/versions/22 in effect, no JNA
        assertTrue(out.contains(Runtime.version().feature() < 22 ? "4. FFM binding: needs JDK 22 or later"
                : "4. FFM binding: its classes are missing"), out);
        assertTrue(out.contains("5. JNA binding: JNA is not on the class path (add net.java.dev.jna:jna:"), out);
        assertTrue(out.contains("io.mio4j:mio4j:" + Mio4j.version() + ":" + CLASSIFIER), out);
        // diagnostics still answer, and say why
        assertTrue(out.contains("backend:           unavailable"), out);
        assertTrue(out.contains("library:           not loaded:"), out);
    }

    @Test
    void differentCopiesOfTheResourceAreReportedAndTheFirstIsLoaded() throws Exception {
        byte[] library = Files.readAllBytes(builtLibrary());
        byte[] other = java.util.Arrays.copyOf(library, library.length + 1);   // same ELF, other hash
        Path stale = jar(tmp.resolve("stale.jar"), other);
        String out = ChildJvm.start(classpath(nativeJar, stale), properties()).output();
        assertTrue(out.contains(BACKEND + " from classpath resource"), out);
        assertTrue(out.contains("warning:"), out);
        assertTrue(out.contains("2 different copies of " + RESOURCE), out);
        assertTrue(out.contains("ignoring jar:" + stale.toUri().toURL()), out);
    }

    @Test
    void severalJvmsExtractingAtOnceLeaveOneIntactFile() throws Exception {
        List<ChildJvm> children = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            children.add(ChildJvm.start(classpath(nativeJar), properties()));
        }
        for (ChildJvm child : children) {
            String out = child.output();
            assertTrue(out.contains(BACKEND + " from classpath resource"), out);
        }
        byte[] library = Files.readAllBytes(builtLibrary());
        Path folder = ExtractionFolder.under(tmp).path();
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(folder.resolve(System.mapLibraryName("mio4j-" + ExtractionFolder.sha256(library)))),
                    files.toList());
        }
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(ExtractionFolder.sha256(library), ExtractionFolder.sha256(Files.readAllBytes(files.findFirst().orElseThrow())));
        }
    }

    @Test
    void withoutOurLibraryAJdk22UsesTheFfmClassesOfTheMultiReleaseJar() throws Exception {
        Assumptions.assumeTrue(Runtime.version().feature() >= 22, "FFM needs JDK 22+; this test JVM is "
                + Runtime.version());
        assertTrue(Files.isDirectory(CLASSES.resolve("META-INF/versions/22")),
                "the build ran on a JDK 22+ JVM but compiled no FFM classes");
        Path jar = classesJar(tmp.resolve("mio4j.jar"));
        String out = ChildJvm.start(List.of(jar, ChildJvm.locationOf(LoaderProbe.class),
                ChildJvm.locationOf(org.slf4j.Logger.class), ChildJvm.locationOf(org.slf4j.simple.SimpleLogger.class)),
                properties()).output();
        assertTrue(out.contains("backend=epoll (ffm) from no native library"), out);
        assertTrue(out.contains("tried before:      mio4j.library.path: not set"), out);
        assertTrue(out.contains("classpath resource " + RESOURCE + ": not on the classpath"), out);
        assertTrue(out.contains("binding:           ffm (no native library of ours"), out);
    }

    @Test
    void withoutOurLibraryJnaOnTheClassPathIsUsed() throws Exception {
        String out = ChildJvm.start(classpath(ChildJvm.locationOf(com.sun.jna.Native.class)), properties()).output();
        assertTrue(out.contains("backend=epoll (jna) from no native library"), out);
        // the diagnostics say why neither our library nor FFM was used
        assertTrue(out.contains("classpath resource " + RESOURCE + ": not on the classpath"), out);
        assertTrue(out.contains(Runtime.version().feature() < 22 ? "FFM binding: needs JDK 22 or later"
                : "FFM binding: its classes are missing"), out);
        assertTrue(out.contains("binding:           jna (no native library of ours: JNA 5."), out);
    }

    @Test
    void forcingJnaLeavesOurLibraryUnloaded() throws Exception {
        String out = ChildJvm.start(classpath(nativeJar, ChildJvm.locationOf(com.sun.jna.Native.class)),
                properties("-D" + Binding.PROPERTY + "=jna")).output();
        assertTrue(out.contains("backend=epoll (jna) from no native library"), out);
        assertTrue(out.contains("tried before:      JNI (steps 1-3): not tried: -Dmio4j.binding=jna"), out);
        assertTrue(!Files.exists(ExtractionFolder.under(tmp).path()), "the library was extracted anyway");
    }

    @Test
    void forcingABindingThatCannotWorkHereFailsWithItsReason() throws Exception {
        String out = ChildJvm.start(classpath(nativeJar), properties("-D" + Binding.PROPERTY + "=ffm")).output();
        assertTrue(out.contains("error=java.lang.UnsatisfiedLinkError"), out);
        assertTrue(out.contains("with -Dmio4j.binding=ffm. Tried, in order:"), out);
        assertTrue(out.contains("1. JNI (steps 1-3): not tried: -Dmio4j.binding=ffm"), out);
        assertTrue(out.contains("2. FFM binding: "), out);
        assertTrue(!out.contains("JNA binding:"), out);
    }

    /** A JAR of the compiled classes, as Maven packs it: multi-release, FFM classes under META-INF/versions/22. */
    private static Path classesJar(Path jar) throws IOException {
        java.util.jar.Manifest manifest = new java.util.jar.Manifest();
        manifest.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(java.util.jar.Attributes.Name.MULTI_RELEASE, "true");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
             Stream<Path> files = Files.walk(CLASSES)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String name = CLASSES.relativize(file).toString().replace(File.separatorChar, '/');
                if (name.equals("META-INF/MANIFEST.MF")) {
                    continue;
                }
                out.putNextEntry(new JarEntry(name));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
        }
        return jar;
    }

    @Test
    void eachClassLoaderLoadsItsOwnVerifiedCopy() throws Exception {
        String previous = System.setProperty(NativeLoader.TMPDIR_PROPERTY, tmp.toString());
        // This test is about our library in several class loaders, whichever binding this run uses.
        String previousBinding = System.setProperty(Binding.PROPERTY, "jni");
        try {
            URL[] urls = {CLASSES.toUri().toURL(), NATIVE_ROOT.toUri().toURL(),
                    ChildJvm.locationOf(org.slf4j.Logger.class).toUri().toURL(),
                    ChildJvm.locationOf(org.slf4j.simple.SimpleLogger.class).toUri().toURL()};
            List<String> reports = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                URLClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
                Class<?> mio4j = loader.loadClass("io.mio4j.Mio4j");
                assertTrue(mio4j.getClassLoader() == loader);
                AutoCloseable poll = (AutoCloseable) loader.loadClass("io.mio4j.Poll").getMethod("open").invoke(null);
                poll.close();   // opened and closed through this loader's own natives
                assertEquals(TestPoller.expectedOnLinux() + " (jni)", mio4j.getMethod("backend").invoke(null));
                reports.add((String) mio4j.getMethod("diagnostics").invoke(null));
            }
            String hash = ExtractionFolder.sha256(Files.readAllBytes(builtLibrary()));
            Path folder = ExtractionFolder.under(tmp).path();
            assertTrue(reports.get(0).contains(folder.resolve(System.mapLibraryName("mio4j-" + hash)).toString()), reports.get(0));
            Path copy = folder.resolve(System.mapLibraryName("mio4j-" + hash + "-2"));
            assertTrue(reports.get(1).contains("from classpath resource: " + copy), reports.get(1));
            assertTrue(reports.get(1).contains("copy 2 for this class loader"), reports.get(1));
            assertEquals(hash, ExtractionFolder.sha256(Files.readAllBytes(copy)));
        } finally {
            restore(NativeLoader.TMPDIR_PROPERTY, previous);
            restore(Binding.PROPERTY, previousBinding);
        }
    }

    private static void restore(String property, String previous) {
        if (previous == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, previous);
        }
    }

    @Test
    void aFailedLoadRecordsEachStepAndTheDifferentCopies() throws Exception {
        Path first = tmp.resolve("first");
        Path second = tmp.resolve("second");
        for (Path root : List.of(first, second)) {
            Files.createDirectories(root.resolve(RESOURCE).getParent());
            Files.writeString(root.resolve(RESOURCE), "not a library from " + root);
        }
        try (URLClassLoader resources = new URLClassLoader(new URL[]{first.toUri().toURL(), second.toUri().toURL()}, null)) {
            // a folder others may write: the loader refuses it before anything is loaded
            ExtractionFolder open = ExtractionFolder.at(Files.createDirectory(tmp.resolve("extracted"),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxrwxrwx"))));
            Files.setPosixFilePermissions(open.path(), PosixFilePermissions.fromString("rwxrwxrwx"));
            NativeLoader loader = new NativeLoader(tmp.resolve("missing.so").toString(), resources, open);
            assertNull(loader.load());
            String message = loader.failureMessage(null);
            assertTrue(message.contains("1. mio4j.library.path: " + tmp.resolve("missing.so") + ": no such file"), message);
            assertTrue(message.contains("3. classpath resource " + RESOURCE + ": mio4j: refusing extraction folder "
                    + open.path() + ": it is writable by group or others"), message);
            assertTrue(message.contains("Warning: 2 different copies of " + RESOURCE), message);
            assertEquals(3, loader.tried().size(), loader.tried().toString());
            assertEquals(1, loader.warnings().size(), loader.warnings().toString());
        }
    }

    @Test
    void aNoexecExtractionFolderIsNamedInTheError() throws Exception {
        Path mount = Files.createDirectory(tmp.resolve("noexec"));
        Process mounting = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "noexec,size=16m", "tmpfs", mount.toString())
                .redirectErrorStream(true).start();
        boolean mounted = mounting.waitFor(10, java.util.concurrent.TimeUnit.SECONDS) && mounting.exitValue() == 0;
        org.junit.jupiter.api.Assumptions.assumeTrue(mounted, "needs root to mount a noexec tmpfs: "
                + new String(mounting.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        try {
            String out = ChildJvm.start(classpath(nativeJar), properties("-D" + NativeLoader.TMPDIR_PROPERTY + "=" + mount))
                    .output();
            Path folder = ExtractionFolder.under(mount).path();
            assertTrue(out.contains("error=java.lang.UnsatisfiedLinkError"), out);
            assertTrue(out.contains("(" + folder + " is on a filesystem mounted noexec)"), out);
            assertTrue(out.contains("set -Dmio4j.tmpdir to a folder on a filesystem mounted with exec"), out);
        } finally {
            new ProcessBuilder("umount", mount.toString()).start().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    @Test
    void jniOnLoadIsToldThePackageOurClassesWereRelocatedTo() {
        assertEquals("io/mio4j", NativeLoader.PACKAGE);
        assertEquals("com/example/shaded/io/mio4j",
                NativeLoader.jniPackage("com.example.shaded.io.mio4j.internal.loader.LibraryJni"));
        assertEquals("x", NativeLoader.jniPackage("x.internal.loader.LibraryJni"));
        // names JNI_OnLoad could not follow: the load then fails with this explanation
        assertNull(NativeLoader.jniPackage("internal.loader.LibraryJni"));
        assertNull(NativeLoader.jniPackage("io.mio4j.loader.LibraryJni"));
        assertNull(NativeLoader.jniPackage("caf\u00e9.io.mio4j.internal.loader.LibraryJni"));
    }

    @Test
    void aLoaderErrorFromANoexecMountIsRecognised() {
        assertTrue(NativeLoader.looksLikeNoexec("/tmp/mio4j-me/libmio4j-ab.so: /tmp/mio4j-me/libmio4j-ab.so:"
                + " failed to map segment from shared object"));
        assertTrue(NativeLoader.looksLikeNoexec("/tmp/x.so: cannot open shared object file: Operation not permitted"));
        assertTrue(!NativeLoader.looksLikeNoexec("/tmp/x.so: invalid ELF header"));
    }
}
