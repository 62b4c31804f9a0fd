import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The checks of scripts/release-check.sh on the local repositories two release builds
 * deployed to (run as a single-file program: java scripts/ReleaseCheck.java ...):
 *
 * <pre>
 *   ReleaseCheck REPO_A REPO_B VERSION CLASSIFIER...
 * </pre>
 *
 * REPO_A must hold exactly what a Maven Central upload of mio4j would: the parent POM and
 * the mio4j module (nothing else of ours), each POM with the metadata Central requires,
 * the main JAR, sources, javadoc and one JAR per CLASSIFIER, each with its checksums; each
 * classifier JAR exactly its native library under META-INF/native/CLASSIFIER/, for the
 * right OS and CPU, and the main JAR no library at all. Every file must be byte for byte
 * the same in REPO_B (a second build from clean, in another folder). Prints one line per
 * check and "N passed, N failed"; exits 1 if any failed.
 */
public final class ReleaseCheck {
    private static final String GROUP = "io/mio4j";
    /** The artifacts a release publishes: the parent POM and the library. */
    private static final List<String> PUBLISHED = List.of("mio4j-parent", "mio4j");

    private final Path repoA;
    private final Path repoB;
    private final String version;
    private final List<String> classifiers;
    private int passed;
    private int failed;

    private ReleaseCheck(Path repoA, Path repoB, String version, List<String> classifiers) {
        this.repoA = repoA;
        this.repoB = repoB;
        this.version = version;
        this.classifiers = classifiers;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: ReleaseCheck REPO_A REPO_B VERSION CLASSIFIER...");
            System.exit(2);
        }
        ReleaseCheck check = new ReleaseCheck(Path.of(args[0]), Path.of(args[1]), args[2],
                List.of(args).subList(3, args.length));
        check.run();
        System.out.println(check.passed + " passed, " + check.failed + " failed");
        System.exit(check.failed == 0 ? 0 : 1);
    }

    private void run() throws Exception {
        Path group = repoA.resolve(GROUP);
        try (Stream<Path> artifacts = Files.list(group)) {
            check("only " + PUBLISHED + " are deployed",
                    new TreeSet<>(PUBLISHED).equals(artifacts.map(p -> p.getFileName().toString())
                            .collect(Collectors.toCollection(TreeSet::new))), "found " + list(group));
        }
        Document parent = pom("mio4j-parent");
        for (String artifact : PUBLISHED) {
            checkMetadata(artifact, pom(artifact), parent);
        }

        Map<String, String> expected = new LinkedHashMap<>();   // file name -> what it is
        expected.put("mio4j-parent-" + version + ".pom", "parent POM");
        expected.put("mio4j-" + version + ".pom", "POM");
        expected.put("mio4j-" + version + ".jar", "main JAR");
        expected.put("mio4j-" + version + "-sources.jar", "sources");
        expected.put("mio4j-" + version + "-javadoc.jar", "javadoc");
        for (String classifier : classifiers) {
            expected.put("mio4j-" + version + "-" + classifier + ".jar", classifier + " JAR");
        }
        for (String artifact : PUBLISHED) {
            Path dir = group.resolve(artifact).resolve(version);
            Set<String> files = new TreeSet<>(list(dir));
            Set<String> primary = files.stream().filter(f -> f.endsWith(".jar") || f.endsWith(".pom"))
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> wanted = expected.keySet().stream().filter(f -> f.startsWith(artifact + "-" + version))
                    .collect(Collectors.toCollection(TreeSet::new));
            check(artifact + ": exactly " + wanted, primary.equals(wanted), "found " + primary);
            for (String file : primary) {
                checkChecksums(dir, file);
            }
        }

        Path lib = group.resolve("mio4j").resolve(version);
        checkMainJar(lib.resolve("mio4j-" + version + ".jar"));
        checkSources(lib.resolve("mio4j-" + version + "-sources.jar"));
        checkJavadoc(lib.resolve("mio4j-" + version + "-javadoc.jar"));
        for (String classifier : classifiers) {
            checkClassifierJar(lib.resolve("mio4j-" + version + "-" + classifier + ".jar"), classifier);
        }

        for (String artifact : PUBLISHED) {
            Path dir = group.resolve(artifact).resolve(version);
            for (String file : list(dir)) {
                if (file.endsWith(".jar") || file.endsWith(".pom")) {
                    checkReproduced(GROUP + "/" + artifact + "/" + version + "/" + file);
                }
            }
        }
    }

    // ---- POM metadata ----

    private Document pom(String artifact) throws Exception {
        Path file = repoA.resolve(GROUP).resolve(artifact).resolve(version).resolve(artifact + "-" + version + ".pom");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(false);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    /** Central requires these in every POM; url, licenses, developers and scm may come from the parent. */
    private void checkMetadata(String artifact, Document pom, Document parent) {
        for (String element : List.of("name", "description")) {
            check(artifact + " POM has <" + element + ">", !text(pom, element).isEmpty(), "missing");
        }
        boolean inherits = text(pom, "url").isEmpty();
        String url = inherits ? text(parent, "url") : text(pom, "url");
        check(artifact + " POM has <url> (" + url + ")", url.startsWith("https://"), "missing or not https");
        for (String path : List.of("licenses/license/name", "licenses/license/url", "developers/developer/name",
                "scm/url", "scm/connection", "scm/developerConnection")) {
            String value = !text(pom, path).isEmpty() ? text(pom, path) : text(parent, path);
            check(artifact + " POM has <" + path + "> (" + value + ")", !value.isEmpty(), "missing");
        }
        if (inherits) {
            // Else Maven appends the artifactId to an inherited url: a link to nowhere.
            check(artifact + " POM inherits the parent's url unchanged",
                    "false".equals(parent.getDocumentElement().getAttribute("child.project.url.inherit.append.path")),
                    "the parent POM lacks child.project.url.inherit.append.path=\"false\"");
        }
    }

    /** The text of the first element at path (slash-separated, from the project element); "" if none. */
    private static String text(Document pom, String path) {
        Node node = pom.getDocumentElement();
        for (String name : path.split("/")) {
            Node found = null;
            for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element && child.getNodeName().equals(name)) {
                    found = child;
                    break;
                }
            }
            if (found == null) {
                return "";
            }
            node = found;
        }
        return node.getTextContent().trim();
    }

    // ---- checksums ----

    private void checkChecksums(Path dir, String file) throws Exception {
        byte[] content = Files.readAllBytes(dir.resolve(file));
        for (String[] kind : new String[][]{{"md5", "MD5"}, {"sha1", "SHA-1"}}) {
            Path sum = dir.resolve(file + "." + kind[0]);
            boolean ok = Files.isRegularFile(sum);
            String detail = "no " + sum.getFileName();
            if (ok) {
                String want = HexFormat.of().formatHex(MessageDigest.getInstance(kind[1]).digest(content));
                String have = Files.readString(sum).trim().split("\\s+")[0];
                ok = want.equalsIgnoreCase(have);
                detail = "is " + have + ", content hashes to " + want;
            }
            check(file + "." + kind[0] + " matches", ok, detail);
        }
    }

    // ---- JAR contents ----

    private void checkMainJar(Path jar) throws IOException {
        List<String> names = entries(jar);
        List<String> natives = names.stream().filter(n -> n.startsWith("META-INF/native/") || isLibrary(n)).toList();
        check("main JAR holds no native library", natives.isEmpty(), "holds " + natives);
        for (String must : List.of("module-info.class", "io/mio4j/Poll.class", "io/mio4j/net/TcpStream.class",
                "META-INF/mio4j.properties", "META-INF/native-image/io.mio4j/mio4j/jni-config.json",
                "META-INF/native-image/io.mio4j/mio4j/reflect-config.json",
                "META-INF/native-image/io.mio4j/mio4j/resource-config.json")) {
            check("main JAR has " + must, names.contains(must), "missing");
        }
    }

    private void checkSources(Path jar) throws IOException {
        List<String> names = entries(jar);
        check("sources JAR has io/mio4j/Poll.java and module-info.java",
                names.contains("io/mio4j/Poll.java") && names.contains("module-info.java"), "has " + names.size() + " entries");
        check("sources JAR holds no native library", names.stream().noneMatch(ReleaseCheck::isLibrary), "");
    }

    private void checkJavadoc(Path jar) throws IOException {
        List<String> names = entries(jar);
        for (String page : List.of("index.html", "io.mio4j/io/mio4j/package-summary.html",
                "io.mio4j/io/mio4j/net/package-summary.html", "io.mio4j/io/mio4j/unix/package-summary.html")) {
            check("javadoc JAR has " + page, names.contains(page), "missing");
        }
    }

    /** Exactly META-INF/native/<classifier>/<library> (and the manifest), built for that OS and CPU. */
    private void checkClassifierJar(Path jar, String classifier) throws IOException {
        String os = classifier.substring(0, classifier.indexOf('-'));
        String library = switch (os) {
            case "windows" -> "mio4j.dll";
            case "osx" -> "libmio4j.dylib";
            default -> "libmio4j.so";
        };
        String resource = "META-INF/native/" + classifier + "/" + library;
        List<String> files = entries(jar).stream().filter(n -> !n.endsWith("/")).toList();
        List<String> others = files.stream().filter(n -> !n.equals(resource) && !n.equals("META-INF/MANIFEST.MF")).toList();
        check(classifier + " JAR holds " + resource, files.contains(resource), "holds " + files);
        check(classifier + " JAR holds nothing else", others.isEmpty(), "also holds " + others);
        if (files.contains(resource)) {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                byte[] bytes = read(zip, zip.getEntry(resource));
                String format = binaryFormat(bytes);
                String want = expectedFormat(classifier);
                check(classifier + " library is " + want, format.equals(want), "is " + format);
            }
        }
    }

    /** What a library is built for, from its header: "ELF x86_64", "PE x86_64", "Mach-O aarch_64"... */
    static String binaryFormat(byte[] b) {
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        if (b.length > 20 && b[0] == 0x7f && b[1] == 'E' && b[2] == 'L' && b[3] == 'F') {
            if (b[5] == 2) {
                buf.order(ByteOrder.BIG_ENDIAN);
            }
            int machine = Short.toUnsignedInt(buf.getShort(18));
            return "ELF " + switch (machine) {
                case 62 -> "x86_64";
                case 183 -> "aarch_64";
                case 243 -> "riscv64";
                case 21 -> b[5] == 1 ? "ppcle_64" : "ppc_64";
                case 22 -> "s390_64";
                case 3 -> "x86_32";
                default -> "machine " + machine;
            };
        }
        if (b.length > 64 && b[0] == 'M' && b[1] == 'Z') {
            int pe = buf.getInt(0x3c);
            if (pe > 0 && pe + 6 < b.length && buf.getInt(pe) == 0x00004550) {
                int machine = Short.toUnsignedInt(buf.getShort(pe + 4));
                return "PE " + switch (machine) {
                    case 0x8664 -> "x86_64";
                    case 0xaa64 -> "aarch_64";
                    case 0x14c -> "x86_32";
                    default -> "machine " + Integer.toHexString(machine);
                };
            }
        }
        if (b.length > 8 && buf.getInt(0) == 0xfeedfacf) {
            int cpu = buf.getInt(4);
            return "Mach-O " + (cpu == 0x01000007 ? "x86_64" : cpu == 0x0100000c ? "aarch_64" : "cpu " + cpu);
        }
        return "unknown format";
    }

    static String expectedFormat(String classifier) {
        String os = classifier.substring(0, classifier.indexOf('-'));
        String arch = classifier.substring(classifier.indexOf('-') + 1);
        return (os.equals("windows") ? "PE " : os.equals("osx") ? "Mach-O " : "ELF ") + arch;
    }

    private static boolean isLibrary(String name) {
        return name.endsWith(".so") || name.endsWith(".dll") || name.endsWith(".dylib") || name.endsWith(".jnilib");
    }

    // ---- reproducibility ----

    private void checkReproduced(String path) throws IOException {
        Path a = repoA.resolve(path);
        Path b = repoB.resolve(path);
        if (!Files.isRegularFile(b)) {
            check(path + " is reproduced", false, "the second build has no such file");
            return;
        }
        boolean same = Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(b));
        check(path + " is byte for byte the same in both builds", same, same ? "" : zipDifferences(a, b));
    }

    /** Which entries of two JARs differ, and how, to say why a build is not reproducible. */
    private static String zipDifferences(Path a, Path b) throws IOException {
        if (!a.toString().endsWith(".jar")) {
            return "the files differ";
        }
        List<String> differences = new ArrayList<>();
        try (ZipFile za = new ZipFile(a.toFile()); ZipFile zb = new ZipFile(b.toFile())) {
            List<? extends ZipEntry> ea = za.stream().toList();
            List<? extends ZipEntry> eb = zb.stream().toList();
            if (!ea.stream().map(ZipEntry::getName).toList().equals(eb.stream().map(ZipEntry::getName).toList())) {
                differences.add("entries or their order differ");
            }
            for (ZipEntry x : ea) {
                ZipEntry y = zb.getEntry(x.getName());
                if (y == null) {
                    continue;
                }
                if (x.getTime() != y.getTime()) {
                    differences.add(x.getName() + " (time)");
                } else if (!Arrays.equals(read(za, x), read(zb, y))) {
                    differences.add(x.getName() + " (content)");
                }
            }
        }
        return differences.isEmpty() ? "same entries, different ZIP bytes" : String.join(", ",
                differences.subList(0, Math.min(differences.size(), 10)));
    }

    // ---- helpers ----

    private static List<String> entries(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().map(ZipEntry::getName).toList();
        }
    }

    private static byte[] read(ZipFile zip, ZipEntry entry) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private void check(String what, boolean ok, String detail) {
        if (ok) {
            passed++;
            System.out.println("ok   " + what);
        } else {
            failed++;
            System.out.println("FAIL " + what + (detail.isEmpty() ? "" : ": " + detail));
        }
    }
}
