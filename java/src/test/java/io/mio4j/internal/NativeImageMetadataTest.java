package io.mio4j.internal;

import io.mio4j.JniOnly;
import io.mio4j.LinuxOnly;
import io.mio4j.internal.loader.Binding;
import io.mio4j.internal.loader.LibraryJni;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The GraalVM native-image metadata we ship (META-INF/native-image/io.mio4j/mio4j/) names
 * exactly what the C side looks up through JNI and what Binding instantiates by name, so
 * the two cannot drift apart: a new table, FindClass, field or method lookup in
 * native/**&#47;*.c, or a new *Calls binding class, fails here until the metadata has it.
 * (No native-image toolchain is on this machine: the metadata's effect on an image is not
 * tested here, only its content.)
 */
@LinuxOnly
class NativeImageMetadataTest {
    private static final Path CLASSES = Path.of(System.getProperty("mio4j.test.classes"));
    private static final Path METADATA = CLASSES.resolve("META-INF/native-image/io.mio4j/mio4j");
    private static final Pattern TABLE = Pattern.compile("struct\\s+mio4j_natives\\s+\\w+\\s*=\\s*\\{\\s*\"([^\"]+)\"");
    private static final Pattern FIND_CLASS = Pattern.compile("FindClass\\(\\s*env\\s*,\\s*\"([^\"]+)\"\\s*\\)");
    private static final Pattern MEMBER = Pattern.compile(
            "Get(Static)?(Field|Method)ID\\(\\s*env\\s*,\\s*\\w+\\s*,\\s*\"([^\"]+)\"\\s*,\\s*\"([^\"]+)\"");

    @Test
    void jniMetadataNamesExactlyTheClassesTheCSideLooksUp() throws IOException {
        Set<String> lookedUp = new TreeSet<>(cTableClasses());
        lookedUp.addAll(cFindClassLiterals());
        assertEquals(lookedUp, jniClasses(), "classes in jni-config.json vs classes native/**/*.c looks up");
    }

    @Test
    @JniOnly   // asks the loaded library
    void theTablesTheLibraryBindsAtRunTimeAreInTheMetadata() throws IOException {
        Set<String> bound = new TreeSet<>();
        for (String line : LibraryJni.describeNatives().lines().toList()) {
            bound.add(line.substring(0, line.indexOf(' ')));
        }
        assertFalse(bound.isEmpty());
        assertTrue(cTableClasses().containsAll(bound), "bound " + bound + ", C tables " + cTableClasses());
        assertTrue(jniClasses().containsAll(bound), "bound " + bound + ", jni-config.json " + jniClasses());
    }

    @Test
    void jniMetadataNamesExactlyTheFieldsAndMethodsTheCSideLooksUp() throws IOException {
        Set<String> inC = new TreeSet<>();
        for (String source : cSources()) {
            Matcher m = MEMBER.matcher(source);
            while (m.find()) {
                boolean method = m.group(2).equals("Method");
                inC.add((method ? "method " : "field ") + m.group(3)
                        + (method ? " " + parameterTypes(m.group(4)) : ""));
            }
        }
        Set<String> inMetadata = new TreeSet<>();
        for (Map<String, Object> entry : entries("jni-config.json")) {
            for (Map<String, Object> field : maps(entry.get("fields"))) {
                inMetadata.add("field " + field.get("name"));
            }
            for (Map<String, Object> method : maps(entry.get("methods"))) {
                inMetadata.add("method " + method.get("name") + " " + method.get("parameterTypes"));
            }
        }
        assertFalse(inC.isEmpty());
        assertEquals(inC, inMetadata, "fields and methods in jni-config.json vs those native/**/*.c looks up");
    }

    @Test
    void everyClassAndMemberTheMetadataNamesExists() throws Exception {
        for (Map<String, Object> entry : entries("jni-config.json")) {
            Class<?> type = Class.forName((String) entry.get("name"), false, getClass().getClassLoader());
            for (Map<String, Object> field : maps(entry.get("fields"))) {
                type.getDeclaredField((String) field.get("name"));
            }
            for (Map<String, Object> method : maps(entry.get("methods"))) {
                List<Class<?>> parameters = new ArrayList<>();
                for (Object name : (List<?>) method.get("parameterTypes")) {
                    parameters.add(Class.forName((String) name));
                }
                type.getDeclaredMethod((String) method.get("name"), parameters.toArray(new Class<?>[0]));
            }
        }
    }

    /** Binding.implementation makes XCalls + suffix by name, with its public no-argument constructor. */
    @Test
    void reflectionMetadataNamesExactlyTheBindingClassesWithTheirConstructor() throws Exception {
        Set<String> bindingClasses = new TreeSet<>();
        List<Path> roots = new ArrayList<>(List.of(CLASSES));
        Path versions = CLASSES.resolve("META-INF/versions");
        if (Files.isDirectory(versions)) {
            try (Stream<Path> dirs = Files.list(versions)) {
                roots.addAll(dirs.toList());   // multi-release classes (FFM on JDK 22+)
            }
        }
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                // META-INF/versions/<n> is a root of its own (above), not a package of this one
                for (Path file : files.filter(f -> f.toString().endsWith(".class")
                        && !(root.equals(CLASSES) && f.startsWith(versions))).toList()) {
                    String name = root.relativize(file).toString().replace('/', '.').replace(".class", "");
                    for (Binding binding : Binding.values()) {
                        String suffix = "Calls" + binding.label().substring(0, 1).toUpperCase(Locale.ROOT)
                                + binding.label().substring(1);
                        if (name.endsWith(suffix) && name.indexOf('$') < 0) {
                            bindingClasses.add(name);
                        }
                    }
                }
            }
        }
        assertFalse(bindingClasses.isEmpty());
        Set<String> listed = new TreeSet<>();
        for (Map<String, Object> entry : entries("reflect-config.json")) {
            listed.add((String) entry.get("name"));
            assertEquals(List.of(Map.of("name", "<init>", "parameterTypes", List.of())), entry.get("methods"),
                    entry.get("name") + ": the public no-argument constructor, and nothing else");
        }
        assertEquals(bindingClasses, listed, "classes in reflect-config.json vs the *Calls<Binding> classes built");
        for (String name : bindingClasses) {
            if (Files.exists(CLASSES.resolve(name.replace('.', '/') + ".class"))) {
                Class<?> type = Class.forName(name, false, getClass().getClassLoader());
                assertTrue(Modifier.isPublic(type.getConstructor().getModifiers()), name);
            }
        }
    }

    @Test
    void resourceMetadataIncludesTheLibraryOfEveryPlatformAndTheVersionFile() throws IOException {
        Map<String, Object> config = map(Json.parse(Files.readString(METADATA.resolve("resource-config.json"))));
        List<Pattern> includes = new ArrayList<>();
        for (Map<String, Object> include : maps(map(config.get("resources")).get("includes"))) {
            includes.add(Pattern.compile((String) include.get("pattern")));
        }
        for (String resource : List.of(io.mio4j.internal.loader.NativeLoaderAccess.resourceName(),
                "META-INF/native/linux-aarch_64/libmio4j.so", "META-INF/native/windows-x86_64/mio4j.dll",
                "META-INF/native/osx-aarch_64/libmio4j.dylib", "META-INF/native/freebsd-x86_64/libmio4j.so",
                "META-INF/mio4j.properties")) {
            assertTrue(includes.stream().anyMatch(p -> p.matcher(resource).matches()), resource + " not included");
        }
        for (String other : List.of("META-INF/native/linux-x86_64/libother.so", "META-INF/MANIFEST.MF",
                "io/mio4j/Poll.class")) {
            assertFalse(includes.stream().anyMatch(p -> p.matcher(other).matches()), other + " included");
        }
    }

    // ---- what the C side looks up ----

    /** Class names of every natives table in native/**&#47;*.c (the C tests' copies not counted). */
    private static Set<String> cTableClasses() throws IOException {
        return matches(TABLE);
    }

    /** Classes looked up by a literal name (the JDK's: java/nio/Buffer...). */
    private static Set<String> cFindClassLiterals() throws IOException {
        return matches(FIND_CLASS);
    }

    private static Set<String> matches(Pattern pattern) throws IOException {
        Set<String> names = new TreeSet<>();
        for (String source : cSources()) {
            Matcher m = pattern.matcher(source);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    private static List<String> cSources() throws IOException {
        Path root = sourceRoot().resolve("native");
        List<String> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".c")).sorted().toList()) {
                if (!root.relativize(file).toString().contains("test/")) {
                    sources.add(Files.readString(file, StandardCharsets.UTF_8));
                }
            }
        }
        assertFalse(sources.isEmpty(), "no C sources under " + root);
        return sources;
    }

    /** The Java names of a JNI method descriptor's parameters: (Ljava/lang/String;I)V -> [java.lang.String, int]. */
    static List<String> parameterTypes(String descriptor) {
        List<String> types = new ArrayList<>();
        int i = 1;
        while (descriptor.charAt(i) != ')') {
            int dims = 0;
            while (descriptor.charAt(i) == '[') {
                dims++;
                i++;
            }
            String type;
            char c = descriptor.charAt(i);
            if (c == 'L') {
                int end = descriptor.indexOf(';', i);
                type = descriptor.substring(i + 1, end).replace('/', '.');
                i = end + 1;
            } else {
                type = switch (c) {
                    case 'Z' -> "boolean"; case 'B' -> "byte"; case 'C' -> "char"; case 'S' -> "short";
                    case 'I' -> "int"; case 'J' -> "long"; case 'F' -> "float"; case 'D' -> "double";
                    default -> throw new IllegalArgumentException(descriptor);
                };
                i++;
            }
            types.add(type + "[]".repeat(dims));
        }
        return types;
    }

    // ---- what the metadata says ----

    /** The classes jni-config.json names, as JNI names them (java/nio/Buffer). */
    private static Set<String> jniClasses() throws IOException {
        Set<String> names = new TreeSet<>();
        for (Map<String, Object> entry : entries("jni-config.json")) {
            names.add(((String) entry.get("name")).replace('.', '/'));
        }
        return names;
    }

    private static List<Map<String, Object>> entries(String file) throws IOException {
        return maps(Json.parse(Files.readString(METADATA.resolve(file), StandardCharsets.UTF_8)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object value) {
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    /** The repository root: the nearest folder above the working directory that has native/jni. */
    private static Path sourceRoot() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("native/jni"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("native/jni not found above " + System.getProperty("user.dir"));
        }
        return dir;
    }
}
