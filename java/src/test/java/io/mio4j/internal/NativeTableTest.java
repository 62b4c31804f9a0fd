package io.mio4j.internal;

import io.mio4j.JniOnly;
import io.mio4j.LinuxOnly;
import io.mio4j.internal.loader.LibraryJni;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The C tables bound by RegisterNatives and the Java {@code native} declarations must
 * agree name for name and signature for signature: JNI_OnLoad only notices a missing
 * method, and a wrong signature would otherwise surface as a crash or a late
 * NoSuchMethodError.
 */
@LinuxOnly
@JniOnly
class NativeTableTest {
    private static final Path CLASSES = Path.of(System.getProperty("mio4j.test.classes"));

    @Test
    void everyTableEntryMatchesANativeJavaDeclaration() {
        assertEquals(List.of(), problems(tableEntries()));
    }

    @Test
    void everyNativeJavaDeclarationHasATableEntry() throws Exception {
        Set<String> entries = new HashSet<>(tableEntries());
        List<Class<?>> nativeClasses = nativeClasses();
        assertFalse(nativeClasses.isEmpty(), "no *Jni classes under " + CLASSES);
        List<String> missing = new ArrayList<>();
        // One library holds one platform's natives (linux: unix + epoll; windows: afd),
        // so only packages it binds something in are checked here; the Windows tables
        // are checked from their C source by afd.WindowsNativeTablesTest.
        Set<String> boundPackages = new HashSet<>();
        for (String entry : entries) {
            String className = entry.substring(0, entry.indexOf(' '));
            boundPackages.add(className.substring(0, className.lastIndexOf('/')));
        }
        for (Class<?> type : nativeClasses) {
            if (!boundPackages.contains(type.getPackageName().replace('.', '/'))) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                if (Modifier.isNative(method.getModifiers())) {
                    String entry = type.getName().replace('.', '/') + " " + method.getName() + " " + descriptor(method);
                    if (!entries.contains(entry)) {
                        missing.add(entry);
                    }
                }
            }
        }
        assertEquals(List.of(), missing, "native methods no C table binds");
    }

    @Test
    void aWrongSignatureOrNameIsReported() {
        List<String> problems = problems(List.of(
                "io/mio4j/internal/loader/LibraryJni version ()I",
                "io/mio4j/internal/loader/LibraryJni noSuchMethod ()V",
                "io/mio4j/internal/NoSuchJni constant (Ljava/lang/String;)J"));
        assertEquals(3, problems.size(), problems.toString());
    }

    /** "class method signature" lines from the library itself. */
    private static List<String> tableEntries() {
        List<String> entries = LibraryJni.describeNatives().lines().toList();
        assertFalse(entries.isEmpty());
        return entries;
    }

    private static List<String> problems(List<String> entries) {
        List<String> problems = new ArrayList<>();
        for (String entry : entries) {
            String[] parts = entry.split(" ");
            if (parts.length != 3) {
                problems.add(entry + ": not \"class method signature\"");
                continue;
            }
            if (!parts[0].endsWith("Jni")) {
                // the reverse check finds the JNI binding's classes by this suffix
                problems.add(entry + ": the class name does not end in Jni");
            }
            Class<?> type;
            try {
                type = Class.forName(parts[0].replace('/', '.'), false, NativeTableTest.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                problems.add(entry + ": no such class");
                continue;
            }
            List<String> declared = new ArrayList<>();
            for (Method method : type.getDeclaredMethods()) {
                if (Modifier.isNative(method.getModifiers()) && method.getName().equals(parts[1])) {
                    declared.add(descriptor(method));
                }
            }
            if (!declared.contains(parts[2])) {
                problems.add(entry + ": Java declares " + (declared.isEmpty() ? "no such native method"
                        : "native " + parts[1] + " as " + declared));
            }
        }
        return problems;
    }

    /** The JNI descriptor of a method, as in the C tables: (ILjava/nio/ByteBuffer;)J. */
    private static String descriptor(Method method) {
        return MethodType.methodType(method.getReturnType(), method.getParameterTypes()).toMethodDescriptorString();
    }

    /** Every class under io/mio4j/internal whose name ends in Jni (the JNI binding's), from the compiled classes. */
    private static List<Class<?>> nativeClasses() throws IOException, ClassNotFoundException {
        List<Class<?>> classes = new ArrayList<>();
        Path root = CLASSES.resolve("io/mio4j/internal");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("Jni.class")).toList()) {
                String relative = CLASSES.relativize(file).toString();
                String name = relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
                classes.add(Class.forName(name, false, NativeTableTest.class.getClassLoader()));
            }
        }
        return classes;
    }
}
