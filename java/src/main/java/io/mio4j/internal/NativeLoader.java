package io.mio4j.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Finds and loads libmio4j in the order API.md gives: the {@code mio4j.library.path}
 * file, {@code java.library.path}, then the classpath resource
 * {@code META-INF/native/<os>-<arch>/<mapped name>} extracted to a private folder.
 */
public final class NativeLoader {
    public static final String LIBRARY_PATH_PROPERTY = "mio4j.library.path";
    public static final String TMPDIR_PROPERTY = "mio4j.tmpdir";
    private static final String NAME = "mio4j";
    private static final Logger LOG = LoggerFactory.getLogger(NativeLoader.class);

    /** How the library was loaded. */
    public record Result(String step, String location) {
    }

    private final List<String> tried = new ArrayList<>();

    Result load() {
        String explicit = System.getProperty(LIBRARY_PATH_PROPERTY);
        if (explicit != null && !explicit.isEmpty()) {
            Result r = attempt("system property " + LIBRARY_PATH_PROPERTY, explicit,
                    () -> System.load(Path.of(explicit).toAbsolutePath().toString()));
            if (r != null) {
                return r;
            }
        } else {
            skip("system property " + LIBRARY_PATH_PROPERTY, "not set");
        }
        Result r = attempt("java.library.path", System.getProperty("java.library.path"),
                () -> System.loadLibrary(NAME));
        if (r != null) {
            return r;
        }
        r = loadResource();
        if (r != null) {
            return r;
        }
        skip("JNA backend", "not available in this version");
        throw new UnsatisfiedLinkError("mio4j: no native library could be loaded for "
                + platform() + ". Add io.mio4j:mio4j:<version>:" + platform()
                + " (the platform-classifier JAR) to the classpath, or set -D"
                + LIBRARY_PATH_PROPERTY + "=/path/to/" + System.mapLibraryName(NAME)
                + ". Tried:\n  " + String.join("\n  ", tried));
    }

    private interface Loading {
        void run() throws IOException;
    }

    private Result attempt(String step, String location, Loading loading) {
        try {
            loading.run();
            LOG.debug("mio4j: loaded the native library through {} ({})", step, location);
            return new Result(step, location);
        } catch (UnsatisfiedLinkError | IOException | SecurityException e) {
            skip(step, e.toString());
            return null;
        }
    }

    private void skip(String step, String why) {
        LOG.debug("mio4j: {}: {}", step, why);
        tried.add(step + ": " + why);
    }

    private Result loadResource() {
        String resource = "META-INF/native/" + platform() + "/" + System.mapLibraryName(NAME);
        String step = "classpath resource " + resource;
        URL url = NativeLoader.class.getClassLoader() == null ? null
                : NativeLoader.class.getClassLoader().getResource(resource);
        if (url == null) {
            skip(step, "not found");
            return null;
        }
        try {
            byte[] content;
            try (InputStream in = url.openStream()) {
                content = in.readAllBytes();
            }
            Path file = extract(content);
            return attempt(step, url + " extracted to " + file,
                    () -> System.load(file.toString()));
        } catch (IOException e) {
            skip(step, e.toString());
            return null;
        }
    }

    private static Path extract(byte[] content) throws IOException {
        String base = System.getProperty(TMPDIR_PROPERTY, System.getProperty("java.io.tmpdir"));
        Path dir = Path.of(base, "mio4j-" + System.getProperty("user.name", "user"));
        Files.createDirectories(dir);
        String name = System.mapLibraryName(NAME + "-" + sha256(content).substring(0, 32));
        Path file = dir.resolve(name);
        if (!Files.exists(file)) {
            Path temp = Files.createTempFile(dir, name, ".tmp");
            Files.write(temp, content);
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("r-x------"));
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        }
        return file;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** os-arch as os-maven-plugin names them: linux-x86_64, osx-aarch_64, windows-x86_64. */
    public static String platform() {
        return os() + "-" + arch();
    }

    static String os() {
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
