package io.mio4j.internal.loader;

import io.mio4j.internal.jna.JnaBinding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Finds and loads libmio4j in the order API.md gives:
 * <ol>
 * <li>the file named by the system property {@code mio4j.library.path};
 * <li>{@code System.loadLibrary("mio4j")} (java.library.path);
 * <li>the classpath resource {@code META-INF/native/<os>-<arch>/<mapped name>}, extracted
 *     to an {@link ExtractionFolder};
 * </ol>
 * and records why each step failed; {@link Binding} adds the FFM and JNA steps and, when
 * none works, makes the error listing them all. One instance makes one attempt;
 * {@link NativeLibrary} keeps its outcome.
 */
public final class NativeLoader {
    public static final String LIBRARY_PATH_PROPERTY = "mio4j.library.path";
    public static final String TMPDIR_PROPERTY = "mio4j.tmpdir";
    /** Step names, as Mio4j.backend() and diagnostics show them. */
    public static final String STEP_PROPERTY = "mio4j.library.path";
    public static final String STEP_LIBRARY_PATH = "java.library.path";
    public static final String STEP_RESOURCE = "classpath resource";
    public static final String STEP_FFM = "FFM binding";
    public static final String STEP_JNA = "JNA binding";
    static final String NAME = "mio4j";
    /** Copies of one library for class loaders of one JVM (the JVM lets only one load a file). */
    private static final int MAX_COPIES = 8;
    /**
     * The system property JNI_OnLoad reads the package of our classes from
     * (native/jni/natives.c), set only while System.load runs. Not under io.mio4j, so a
     * shading tool that relocates io.mio4j in string constants leaves it as it is.
     */
    static final String PACKAGE_PROPERTY = "mio4j.jni.package";
    /** This copy's package as JNI names it ("io/mio4j", or where a shading tool moved it); null if JNI cannot follow. */
    static final String PACKAGE = jniPackage(LibraryJni.class.getName());
    /**
     * Held while PACKAGE_PROPERTY is set and System.load runs. Every copy of mio4j in this
     * JVM, whatever its class loader or relocation, shares it: a string literal is one
     * object per JVM (and this one is not under io.mio4j either).
     */
    private static final Object PACKAGE_LOCK = "mio4j: JNI_OnLoad reads mio4j.jni.package";
    private static final Logger LOG = LoggerFactory.getLogger(NativeLoader.class);

    /**
     * How the library was loaded.
     *
     * @param step   which step won: one of the STEP_ names
     * @param file   the file the JVM loaded, or null when System.loadLibrary does not say
     * @param origin where it came from (the resource URL, the property value...) and
     *               whether it is a copy for this class loader
     */
    public record Result(String step, Path file, String origin) {
    }

    private final String explicitPath;
    private final ClassLoader resources;
    private final ExtractionFolder folder;
    private final List<String> tried = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    /** A folder where loading failed because its filesystem is mounted noexec, else null. */
    private Path noexecFolder;

    NativeLoader(String explicitPath, ClassLoader resources, ExtractionFolder folder) {
        this.explicitPath = explicitPath;
        this.resources = resources;
        this.folder = folder;
    }

    /** A loader configured by the system properties, finding resources beside this class. */
    static NativeLoader fromSystemProperties() {
        ClassLoader loader = NativeLoader.class.getClassLoader();
        return new NativeLoader(System.getProperty(LIBRARY_PATH_PROPERTY),
                loader != null ? loader : ClassLoader.getSystemClassLoader(),
                ExtractionFolder.fromSystemProperties());
    }

    /** Tries each step in order: how the library was loaded, or null (see {@link #tried()}). */
    Result load() {
        Result result = fromProperty();
        if (result == null) {
            result = fromLibraryPath();
        }
        if (result == null) {
            result = fromResource();
        }
        return result;
    }

    /** "step: why it failed" for each step tried before the one that won (or all, on failure). */
    List<String> tried() {
        return Collections.unmodifiableList(tried);
    }

    /** Problems worth telling the user even when loading worked (different copies of the resource). */
    List<String> warnings() {
        return Collections.unmodifiableList(warnings);
    }

    private Result fromProperty() {
        if (explicitPath == null || explicitPath.isEmpty()) {
            skip(STEP_PROPERTY, "not set");
            return null;
        }
        Path file;
        try {
            file = Path.of(explicitPath).toAbsolutePath();
        } catch (InvalidPathException e) {
            skip(STEP_PROPERTY, "\"" + explicitPath + "\" is not a valid path: " + e.getMessage());
            return null;
        }
        if (!Files.isRegularFile(file)) {
            skip(STEP_PROPERTY, file + ": no such file");
            return null;
        }
        return loadFile(STEP_PROPERTY, file, file.toString(), null, null);
    }

    private Result fromLibraryPath() {
        String searched = System.getProperty("java.library.path", "");
        Path file = findInLibraryPath(searched);
        if (file == null) {
            // Not even tried: System.loadLibrary is a restricted method, which JDK 24+
            // warns about, and it cannot succeed without the file.
            skip(STEP_LIBRARY_PATH, "no " + NAME + " in java.library.path: " + searched);
            return null;
        }
        try {
            loadLibrary();
        } catch (UnsatisfiedLinkError e) {
            if (file != null && isInAnotherClassLoader(e)) {
                return loadCopy(STEP_LIBRARY_PATH, file.toString(), file, null, null,
                        "another class loader holds " + file);
            }
            skip(STEP_LIBRARY_PATH, reason(e, file));
            return null;
        }
        if (nativesBound()) {
            return success(STEP_LIBRARY_PATH, file, "System.loadLibrary(\"" + NAME + "\")");
        }
        return loadCopy(STEP_LIBRARY_PATH, file.toString(), file, null, null, anotherCopyHolds(file));
    }

    /** The file System.loadLibrary would find, for diagnostics; null when there is none. */
    private static Path findInLibraryPath(String searched) {
        for (String entry : searched.split(File.pathSeparator)) {
            try {
                Path candidate = Path.of(entry.isEmpty() ? "." : entry, System.mapLibraryName(NAME));
                if (Files.isRegularFile(candidate)) {
                    return candidate.toAbsolutePath();
                }
            } catch (InvalidPathException e) {
                // an entry that is no path cannot hold the library either
            }
        }
        return null;
    }

    private Result fromResource() {
        String name = resourceName();
        String step = STEP_RESOURCE + " " + name;
        try {
            List<URL> urls = Collections.list(resources.getResources(name));
            if (urls.isEmpty()) {
                skip(step, "not on the classpath");
                return null;
            }
            URL first = urls.get(0);
            byte[] content = read(first);
            String hash = ExtractionFolder.sha256(content);
            reportDifferentCopies(name, urls, hash);
            prepareFolder();
            Path file = folder.install(System.mapLibraryName(NAME + "-" + hash), content, hash);
            return loadFile(STEP_RESOURCE, file, first.toString(), content, hash);
        } catch (IOException e) {
            skip(step, e.getMessage() != null ? e.getMessage() : e.toString());
            return null;
        }
    }

    /** Several class path entries carry the resource: we load the first, but say so if they differ. */
    private void reportDifferentCopies(String name, List<URL> urls, String firstHash) {
        List<String> different = new ArrayList<>();
        for (URL url : urls.subList(1, urls.size())) {
            try {
                String hash = ExtractionFolder.sha256(read(url));
                if (hash.equals(firstHash)) {
                    LOG.debug("mio4j: {} is an identical copy of {}", url, name);
                } else {
                    different.add(url + " (SHA-256 " + hash + ")");
                }
            } catch (IOException e) {
                different.add(url + " (unreadable: " + e + ")");
            }
        }
        if (!different.isEmpty()) {
            String warning = (different.size() + 1) + " different copies of " + name
                    + " are on the classpath; loading the first, " + urls.get(0) + " (SHA-256 " + firstHash
                    + "), and ignoring " + String.join(", ", different)
                    + ". Remove the stale JAR so one version of mio4j's native library remains.";
            warnings.add(warning);
            LOG.warn("mio4j: {}", warning);
        }
    }

    private void prepareFolder() throws IOException {
        folder.prepare();
        String warning = "the extraction folder " + folder.path() + " is on a filesystem without POSIX"
                + " owners and permissions, so whether others can change the library there was not checked";
        if (!folder.isPosix() && !warnings.contains(warning)) {
            warnings.add(warning);
            LOG.warn("mio4j: {}", warning);
        }
    }

    private static byte[] read(URL url) throws IOException {
        URLConnection connection = url.openConnection();
        // A cached JarFile would keep serving a JAR that has since been replaced on disk.
        connection.setUseCaches(false);
        try (InputStream in = connection.getInputStream()) {
            return in.readAllBytes();
        }
    }

    /** Loads {@code file}; when another class loader or copy of our classes holds it, loads a private copy instead. */
    private Result loadFile(String step, Path file, String origin, byte[] content, String hash) {
        try {
            load(file);
        } catch (UnsatisfiedLinkError e) {
            if (isInAnotherClassLoader(e)) {
                return loadCopy(step, origin, file, content, hash, "another class loader holds " + file);
            }
            skip(step, origin + ": " + reason(e, file));
            return null;
        }
        if (nativesBound()) {
            return success(step, file, origin);
        }
        return loadCopy(step, origin, file, content, hash, anotherCopyHolds(file));
    }

    /**
     * The JVM loads one library file into one class loader only, so a second class loader
     * (an application server's, a plugin's) gets a numbered copy in the extraction folder,
     * hash-checked like the first and kept for later runs. So does a second copy of our
     * classes in one class loader (a relocated one beside ours): loading the same file
     * again there does nothing, so JNI_OnLoad would not bind the second copy's classes.
     */
    private Result loadCopy(String step, String origin, Path loaded, byte[] content, String hash, String why) {
        LOG.debug("mio4j: {} is loaded by another class loader; loading a copy", loaded);
        try {
            if (content == null) {
                content = Files.readAllBytes(loaded);
                hash = ExtractionFolder.sha256(content);
            }
            prepareFolder();
            for (int n = 2; n <= MAX_COPIES; n++) {
                Path copy = folder.install(System.mapLibraryName(NAME + "-" + hash + "-" + n), content, hash);
                try {
                    load(copy);
                    if (nativesBound()) {
                        return success(step, copy, origin + ", copy " + n + " for this class loader (" + why + ")");
                    }
                } catch (UnsatisfiedLinkError e) {
                    if (!isInAnotherClassLoader(e)) {
                        skip(step, origin + ": " + reason(e, copy));
                        return null;
                    }
                }
            }
            skip(step, origin + ": " + loaded + " and all " + (MAX_COPIES - 1)
                    + " copies are loaded by other class loaders or other copies of mio4j's classes");
        } catch (IOException e) {
            skip(step, origin + ": loaded by another class loader, and no copy could be made: " + e.getMessage());
        }
        return null;
    }

    // System.load and loadLibrary tie the library to the class loader of their caller:
    // these two methods make that NativeLoader's loader, whose classes JNI_OnLoad binds.
    // JNI_OnLoad finds them under PACKAGE, which it reads from PACKAGE_PROPERTY.
    private static void load(Path file) {
        synchronized (PACKAGE_LOCK) {
            String previous = setPackageProperty();
            try {
                System.load(file.toString());
            } finally {
                restore(previous);
            }
        }
    }

    private static void loadLibrary() {
        synchronized (PACKAGE_LOCK) {
            String previous = setPackageProperty();
            try {
                System.loadLibrary(NAME);
            } finally {
                restore(previous);
            }
        }
    }

    private static String setPackageProperty() {
        if (PACKAGE == null) {
            throw new UnsatisfiedLinkError("mio4j's classes were relocated to " + LibraryJni.class.getName()
                    + ", which JNI_OnLoad cannot follow: relocate the package io.mio4j as a whole, to a name"
                    + " of ASCII letters, digits, '_' and '$'");
        }
        return System.setProperty(PACKAGE_PROPERTY, PACKAGE);
    }

    private static void restore(String previous) {
        if (previous == null) {
            System.clearProperty(PACKAGE_PROPERTY);
        } else {
            System.setProperty(PACKAGE_PROPERTY, previous);
        }
    }

    /**
     * "io/mio4j" from io.mio4j.internal.loader.LibraryJni, or the package a shading tool
     * relocated io.mio4j to; null when the name does not end as ours does or has
     * characters JNI_OnLoad does not accept.
     */
    static String jniPackage(String libraryJniClass) {
        String tail = ".internal.loader.LibraryJni";
        if (!libraryJniClass.endsWith(tail) || libraryJniClass.length() == tail.length()) {
            return null;
        }
        String name = libraryJniClass.substring(0, libraryJniClass.length() - tail.length()).replace('.', '/');
        return name.matches("[A-Za-z0-9_$]+(/[A-Za-z0-9_$]+)*") && name.length() < 200 ? name : null;
    }

    /**
     * Whether JNI_OnLoad bound this copy of our classes. System.load returns without running
     * it when this class loader has the file loaded already, as when a relocated copy of
     * mio4j's classes beside ours loaded it first.
     */
    private static boolean nativesBound() {
        try {
            LibraryJni.version();
            return true;
        } catch (UnsatisfiedLinkError e) {
            return false;
        }
    }

    private static String anotherCopyHolds(Path file) {
        return "another copy of mio4j's classes in this class loader holds " + file;
    }

    static boolean isInAnotherClassLoader(UnsatisfiedLinkError e) {
        return e.getMessage() != null && e.getMessage().contains("already loaded in another classloader");
    }

    /** The JVM's message, plus what it means when the file's filesystem is mounted noexec. */
    private String reason(UnsatisfiedLinkError e, Path file) {
        String message = String.valueOf(e.getMessage());
        if (file == null) {
            return message;
        }
        if (ExtractionFolder.isMountedNoexec(file.getParent())) {
            noexecFolder = file.getParent();
            return message + " (" + file.getParent() + " is on a filesystem mounted noexec)";
        }
        if (looksLikeNoexec(message)) {
            // mountinfo could not confirm it (not Linux, or a container hides it): ask
            noexecFolder = file.getParent();
            return message + " (is " + file.getParent() + " on a filesystem mounted noexec?)";
        }
        return message;
    }

    /**
     * The dynamic loader's words when mmap(PROT_EXEC) is refused, as on a noexec mount:
     * glibc says "failed to map segment from shared object", others "Operation not permitted".
     */
    static boolean looksLikeNoexec(String message) {
        return message.contains("failed to map segment") || message.contains("Operation not permitted");
    }

    private Result success(String step, Path file, String origin) {
        LOG.debug("mio4j: loaded the native library through {}: {}", step, origin);
        return new Result(step, file, origin);
    }

    void skip(String step, String why) {
        LOG.debug("mio4j: {}: {}", step, why);
        tried.add(step + ": " + why);
    }

    /** The error text when no step worked; {@code forced} names the property that limited the steps, or null. */
    String failureMessage(String forced) {
        StringBuilder message = new StringBuilder("mio4j: no binding to the OS works on ")
                .append(platform()).append(forced != null ? " with " + forced : "").append(". Tried, in order:");
        for (int i = 0; i < tried.size(); i++) {
            message.append("\n  ").append(i + 1).append(". ").append(tried.get(i));
        }
        if (noexecFolder != null) {
            message.append("\nA library in ").append(noexecFolder).append(" could not be mapped executable,")
                    .append(" as on a filesystem mounted noexec: set -D").append(TMPDIR_PROPERTY)
                    .append(" to a folder on a filesystem mounted with exec.");
        }
        message.append("\nAdd the platform JAR io.mio4j:mio4j:").append(Version.get()).append(':')
                .append(platform()).append(" to the classpath, or set -D").append(LIBRARY_PATH_PROPERTY)
                .append("=/path/to/").append(System.mapLibraryName(NAME))
                .append("; or, without a native library of ours, run on JDK 22+ (FFM) or add ")
                .append(JnaBinding.TESTED).append(" (JNA).");
        for (String warning : warnings) {
            message.append("\nWarning: ").append(warning);
        }
        return message.toString();
    }

    /** Where resources are extracted, and whether that folder can hold a library, for diagnostics. */
    public static String extractionFolderReport() {
        ExtractionFolder folder = ExtractionFolder.fromSystemProperties();
        return folder.path() + (folder.isMountedNoexec() ? " (its filesystem is mounted noexec: set -D"
                + TMPDIR_PROPERTY + " elsewhere)" : "");
    }

    /** The resource a platform JAR carries: META-INF/native/linux-x86_64/libmio4j.so. */
    static String resourceName() {
        return "META-INF/native/" + platform() + "/" + System.mapLibraryName(NAME);
    }

    /** os-arch as os-maven-plugin names them: linux-x86_64, osx-aarch_64, windows-x86_64. */
    public static String platform() {
        return os() + "-" + arch();
    }

    public static String os() {
        String name = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "");
        if (name.startsWith("linux")) {
            return "linux";
        }
        if (name.startsWith("macosx") || name.startsWith("osx") || name.startsWith("darwin")) {
            return "osx";
        }
        if (name.startsWith("windows")) {
            return "windows";
        }
        if (name.startsWith("freebsd")) {
            return "freebsd";
        }
        if (name.startsWith("openbsd")) {
            return "openbsd";
        }
        if (name.startsWith("netbsd")) {
            return "netbsd";
        }
        if (name.startsWith("sunos") || name.startsWith("solaris")) {
            return "sunos";
        }
        return name;
    }

    static String arch() {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "");
        switch (arch) {
            case "x8664": case "amd64": case "ia32e": case "em64t": case "x64":
                return "x86_64";
            case "x8632": case "x86": case "i386": case "i486": case "i586": case "i686": case "ia32": case "x32":
                return "x86_32";
            case "aarch64":
                return "aarch_64";
            case "riscv64":
                return "riscv64";
            case "ppc64le":
                return "ppcle_64";
            case "s390x":
                return "s390_64";
            default:
                return arch;
        }
    }
}
