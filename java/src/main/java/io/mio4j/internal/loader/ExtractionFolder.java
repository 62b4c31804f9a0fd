package io.mio4j.internal.loader;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The private folder a library resource is extracted to: {@code <base>/mio4j-<user>},
 * owner-only. Files in it are named by their SHA-256, written under a temporary name
 * and renamed into place, and compared with the expected hash before every load, so
 * concurrent JVMs and class loaders never load a half-written or swapped file.
 */
final class ExtractionFolder {
    private static final Logger LOG = LoggerFactory.getLogger(ExtractionFolder.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> READ_ONLY = PosixFilePermissions.fromString("r-x------");
    /** Rewrites of one file before we give up: more means something keeps changing it. */
    private static final int ATTEMPTS = 3;

    private final Path dir;
    private boolean posix = true;

    private ExtractionFolder(Path dir) {
        this.dir = dir.toAbsolutePath();
    }

    /** This user's folder under {@code base}: {@code <base>/mio4j-<user.name>}. */
    static ExtractionFolder under(Path base) {
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
        return new ExtractionFolder(base.resolve("mio4j-" + user));
    }

    /** Exactly the folder {@code dir}, for tests. */
    static ExtractionFolder at(Path dir) {
        return new ExtractionFolder(dir);
    }

    /** The folder under the {@code mio4j.tmpdir} property, else {@code java.io.tmpdir}. */
    static ExtractionFolder fromSystemProperties() {
        String base = System.getProperty(NativeLoader.TMPDIR_PROPERTY);
        if (base == null || base.isEmpty()) {
            base = System.getProperty("java.io.tmpdir");
        }
        return under(Path.of(base));
    }

    Path path() {
        return dir;
    }

    /** False when the filesystem has no POSIX owner and permissions, so none were checked. */
    boolean isPosix() {
        return posix;
    }

    /**
     * Creates the folder owner-only, or checks the one that is there.
     *
     * @throws IOException if it cannot be created, or is not ours or not private
     */
    void prepare() throws IOException {
        Files.createDirectories(dir.getParent());
        try {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            LOG.debug("mio4j: created extraction folder {}", dir);
        } catch (FileAlreadyExistsException e) {
            LOG.debug("mio4j: extraction folder {} exists", dir);
        } catch (UnsupportedOperationException e) {
            posix = false;
            Files.createDirectories(dir);
        }
        checkPrivate(dir, true);
    }

    /**
     * Returns {@code name} in this folder holding exactly {@code content}: the file there
     * when its SHA-256 is {@code hash}, else a fresh copy renamed into place.
     */
    Path install(String name, byte[] content, String hash) throws IOException {
        Path file = dir.resolve(name);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (holds(file, hash)) {
                return file;
            }
            write(file, content);
        }
        throw new IOException("mio4j: " + file + " keeps changing: its content did not match SHA-256 "
                + hash + " after " + ATTEMPTS + " rewrites");
    }

    /** Whether {@code file} exists and its content has the SHA-256 {@code hash}. */
    private boolean holds(Path file, String hash) throws IOException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            // A link or other odd entry: the rename in write() replaces the entry itself.
            LOG.debug("mio4j: {} is not a regular file; replacing it", file);
            return false;
        }
        checkPrivate(file, false);
        String actual;
        try {
            actual = sha256(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return false;   // another JVM replaced it between our two looks
        }
        if (!actual.equals(hash)) {
            LOG.debug("mio4j: {} has SHA-256 {}, expected {}; rewriting it", file, actual, hash);
            return false;
        }
        LOG.debug("mio4j: reusing {} (SHA-256 matches)", file);
        return true;
    }

    /** Writes under a unique temporary name, then renames: readers see the old file or the whole new one. */
    private void write(Path file, byte[] content) throws IOException {
        Path temp = Files.createTempFile(dir, file.getFileName() + ".", ".tmp");
        try {
            Files.write(temp, content);
            if (posix) {
                Files.setPosixFilePermissions(temp, READ_ONLY);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            LOG.debug("mio4j: wrote {}", file);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Refuses an entry another user owns or others may write: they could swap the library. */
    private void checkPrivate(Path path, boolean isFolder) throws IOException {
        PosixFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException e) {
            if (posix) {
                LOG.debug("mio4j: {} is on a filesystem without POSIX owners and permissions;"
                        + " not checked", path);
            }
            posix = false;
            return;
        }
        String what = isFolder ? "extraction folder " : "extracted library ";
        String fix = "; remove it, or set -D" + NativeLoader.TMPDIR_PROPERTY + " to a private folder";
        if (isFolder && !attributes.isDirectory()) {
            throw new IOException("mio4j: refusing " + what + path + ": it is not a directory"
                    + (attributes.isSymbolicLink() ? " but a symbolic link" : "") + fix);
        }
        UserPrincipal me = currentUser();
        if (!attributes.owner().equals(me)) {
            throw new IOException("mio4j: refusing " + what + path + ": it belongs to "
                    + attributes.owner().getName() + ", not to " + me.getName() + fix);
        }
        Set<PosixFilePermission> permissions = attributes.permissions();
        if (permissions.contains(PosixFilePermission.GROUP_WRITE)
                || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new IOException("mio4j: refusing " + what + path + ": it is writable by group or others ("
                    + PosixFilePermissions.toString(permissions) + ")" + fix);
        }
    }

    /** The user this process runs as: on Linux the owner of /proc/self, else the user.name account. */
    private static UserPrincipal currentUser() throws IOException {
        Path self = Path.of("/proc/self");
        if (Files.isDirectory(self)) {
            return Files.getOwner(self);
        }
        return self.getFileSystem().getUserPrincipalLookupService()
                .lookupPrincipalByName(System.getProperty("user.name"));
    }

    /** Whether /proc/self/mountinfo says this folder's filesystem is mounted noexec. */
    boolean isMountedNoexec() {
        return isMountedNoexec(dir);
    }

    /** Whether /proc/self/mountinfo (Linux) says the filesystem holding {@code dir} is mounted noexec. */
    static boolean isMountedNoexec(Path dir) {
        Path mountinfo = Path.of("/proc/self/mountinfo");
        try {
            if (dir == null || !Files.isReadable(mountinfo)) {
                return false;
            }
            Path real = Files.exists(dir) ? dir.toRealPath() : dir.toAbsolutePath();
            String options = mountOptions(Files.readAllLines(mountinfo, StandardCharsets.UTF_8), real);
            return options != null && List.of(options.split(",")).contains("noexec");
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The per-mount options ("rw,nosuid,noexec") of the mount holding {@code path}, from
     * /proc/self/mountinfo lines (see proc(5)): the longest mount point above it, the
     * last such line when mounts are stacked.
     */
    static String mountOptions(List<String> mountinfo, Path path) {
        String best = null;
        int bestLength = -1;
        for (String line : mountinfo) {
            String[] fields = line.split(" ");
            if (fields.length < 6) {
                continue;
            }
            Path mountPoint = Path.of(unescape(fields[4]));
            int length = mountPoint.getNameCount();
            if (path.startsWith(mountPoint) && length >= bestLength) {
                best = fields[5];
                bestLength = length;
            }
        }
        return best;
    }

    /** mountinfo writes space, tab, newline and backslash as octal escapes (\040 ...). */
    private static String unescape(String field) {
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 3 < field.length() && field.substring(i + 1, i + 4).matches("[0-7]{3}")) {
                out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
