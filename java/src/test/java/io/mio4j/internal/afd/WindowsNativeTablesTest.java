package io.mio4j.internal.afd;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * mio4j.dll binds its natives with RegisterNatives and reads named constants, so a
 * mismatch between the C tables in native/afd and the Java declarations would only
 * show on Windows, at load time. These tests read the C tables from the source tree
 * and check them against the Java side here on Linux.
 */
class WindowsNativeTablesTest {
    private static final Path AFD = sourceRoot().resolve("native/afd");
    private static final Path JNI = sourceRoot().resolve("native/jni");
    private static final Path JAVA = sourceRoot().resolve("java/src/main/java/io/mio4j/internal");
    private static final Pattern TABLE = Pattern.compile(
            "static const JNINativeMethod (\\w+)\\[\\] = \\{(.*?)\\};", Pattern.DOTALL);
    private static final Pattern NATIVE = Pattern.compile(
            "MIO4J_NATIVE\\(\"(\\w+)\", \"([^\"]+)\", \\w+\\)");
    private static final Pattern BINDING = Pattern.compile(
            "const struct mio4j_natives (\\w+) = \\{\\s*\"([^\"]+)\", (\\w+),");

    private static Path sourceRoot() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("native/afd"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("native/afd not found above " + System.getProperty("user.dir"));
        }
        return dir;
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file);
    }

    /** class (binary name) -> "name signature" of every native the C side binds. */
    private static Map<String, Set<String>> boundNatives() throws IOException {
        Map<String, Set<String>> bound = new TreeMap<>();
        for (Path file : List.of(JNI.resolve("onload.c"), AFD.resolve("jni_errno_win.c"), AFD.resolve("jni_afd.c"),
                AFD.resolve("jni_socket_win.c"))) {
            String text = read(file);
            Map<String, Set<String>> tables = new TreeMap<>();
            Matcher table = TABLE.matcher(text);
            while (table.find()) {
                Set<String> methods = new TreeSet<>();
                Matcher m = NATIVE.matcher(table.group(2));
                while (m.find()) {
                    methods.add(m.group(1) + " " + m.group(2));
                }
                tables.put(table.group(1), methods);
            }
            Matcher binding = BINDING.matcher(text);
            while (binding.find()) {
                bound.put(binding.group(2).replace('/', '.'), tables.get(binding.group(3)));
            }
        }
        return bound;
    }

    /** "name signature" of every native method the Java class declares. */
    private static Set<String> declaredNatives(String className) throws ClassNotFoundException {
        Class<?> type = Class.forName(className, false, WindowsNativeTablesTest.class.getClassLoader());
        Set<String> methods = new TreeSet<>();
        for (Method method : type.getDeclaredMethods()) {
            if (Modifier.isNative(method.getModifiers())) {
                StringBuilder sig = new StringBuilder("(");
                for (Class<?> p : method.getParameterTypes()) {
                    sig.append(descriptor(p));
                }
                methods.add(method.getName() + " " + sig.append(')').append(descriptor(method.getReturnType())));
            }
        }
        return methods;
    }

    private static String descriptor(Class<?> type) {
        if (type.isArray()) {
            return "[" + descriptor(type.getComponentType());
        }
        if (!type.isPrimitive()) {
            return "L" + type.getName().replace('.', '/') + ";";
        }
        return Map.of(int.class, "I", long.class, "J", boolean.class, "Z", byte.class, "B",
                void.class, "V", short.class, "S", char.class, "C", float.class, "F",
                double.class, "D").get(type);
    }

    @Test
    void everyBoundNativeMatchesItsJavaDeclaration() throws Exception {
        Map<String, Set<String>> bound = boundNatives();
        assertEquals(Set.of("io.mio4j.internal.loader.LibraryJni", "io.mio4j.internal.io.ErrnoCallsJni",
                "io.mio4j.internal.afd.AfdCallsJni", "io.mio4j.internal.afd.WinsockCallsJni"), bound.keySet());
        for (Map.Entry<String, Set<String>> e : bound.entrySet()) {
            assertEquals(declaredNatives(e.getKey()), e.getValue(), "natives of " + e.getKey());
        }
    }

    @Test
    void onLoadRegistersEveryTable() throws IOException {
        // The DLL's JNI_OnLoad is native/jni/onload.c; its table list comes from native/afd's CMakeLists.txt.
        String cmake = read(AFD.resolve("CMakeLists.txt"));
        String list = cmake.substring(cmake.indexOf("set(MIO4J_TABLE_LINES"));
        list = list.substring(0, list.indexOf('\n'));
        for (String table : List.of("X(mio4j_errno_natives)", "X(mio4j_afd_natives)", "X(mio4j_win_socket_natives)")) {
            assertTrue(list.contains(table), table + " missing from MIO4J_TABLE_LINES");
        }
    }

    @Test
    void windowsErrnoTableHasEveryNameErrnoReads() throws Exception {
        Set<String> windows = names(read(AFD.resolve("jni_errno_win.c")), "WIN_ERRNO\\((\\w+),");
        Class<?> errno = Class.forName("io.mio4j.internal.io.Errno", false, getClass().getClassLoader());
        List<String> missing = new ArrayList<>();
        for (Field field : errno.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == int.class
                    && !windows.contains(field.getName())) {
                missing.add(field.getName());
            }
        }
        assertEquals(List.of(), missing, "Errno constants without a Windows value");
    }

    @Test
    void windowsErrnoTableHasEveryNameOfTheUnixTable() throws IOException {
        Set<String> unix = names(read(sourceRoot().resolve("native/unix/errno.c")), "MIO4J_CONSTANT\\((\\w+)\\)");
        Set<String> windows = names(read(AFD.resolve("jni_errno_win.c")), "WIN_ERRNO\\((\\w+),");
        assertTrue(unix.contains("ECONNREFUSED"), "the Unix table was not read");
        unix.removeAll(windows);
        assertEquals(Set.of(), unix);
    }

    @Test
    void everyConstantTheJavaSideAsksForIsInTheCTable() throws IOException {
        Map<String, String> javaToC = Map.of("afd/AfdPoller.java", "jni_afd.c",
                "afd/WinSocket.java", "jni_socket_win.c", "afd/WinsockDispatcher.java", "jni_socket_win.c");
        for (Map.Entry<String, String> e : javaToC.entrySet()) {
            Set<String> asked = names(read(JAVA.resolve(e.getKey())), "constant\\(\"(\\w+)\"\\)");
            Set<String> known = names(read(AFD.resolve(e.getValue())), "\\{ \"(\\w+)\",");
            assertTrue(!asked.isEmpty() && !known.isEmpty(), "no constants found for " + e.getKey());
            asked.removeAll(known);
            assertEquals(Set.of(), asked, e.getKey() + " asks " + e.getValue() + " for unknown names");
        }
    }

    private static Set<String> names(String text, String regex) {
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
