package io.mio4j.internal.ports;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The illumos library binds PortsCallsJni with RegisterNatives and answers constant()
 * by name, so a mismatch between native/ports/ports.c and the Java side would show only
 * on illumos, at load time. Read from the sources and checked here.
 */
class PortsNativeTableTest {
    private static final Path ROOT = sourceRoot();

    private static Path sourceRoot() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("native/ports"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("native/ports not found above " + System.getProperty("user.dir"));
        }
        return dir;
    }

    private static String ports() throws IOException {
        return Files.readString(ROOT.resolve("native/ports/ports.c"));
    }

    private static Set<String> matches(String text, String regex) {
        Set<String> found = new TreeSet<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            found.add(m.groupCount() == 1 ? m.group(1) : m.group(1) + " " + m.group(2));
        }
        return found;
    }

    @Test
    void theCTableBindsExactlyTheNativesOfPortsCallsJni() throws IOException {
        String c = ports();
        assertTrue(c.contains("\"io/mio4j/internal/ports/PortsCallsJni\""), "ports.c binds another class");
        Set<String> bound = matches(c, "MIO4J_NATIVE\\(\"(\\w+)\", \"([^\"]+)\", \\w+\\)");
        Set<String> declared = new TreeSet<>();
        for (Method method : PortsCallsJni.class.getDeclaredMethods()) {
            if (Modifier.isNative(method.getModifiers())) {
                declared.add(method.getName() + " "
                        + MethodType.methodType(method.getReturnType(), method.getParameterTypes()).toMethodDescriptorString());
            }
        }
        assertFalse(declared.isEmpty());
        assertEquals(declared, bound);
    }

    @Test
    void everyConstantTheJavaSideAsksForIsInTheCTable() throws IOException {
        Set<String> known = matches(ports(), "MIO4J_CONSTANT\\((\\w+)\\)");
        known.addAll(matches(ports(), "\\{ \"(\\w+)\","));
        Set<String> asked = matches(Files.readString(
                ROOT.resolve("java/src/main/java/io/mio4j/internal/ports/PortEvents.java")), "\"([A-Z_]+)\"");
        assertTrue(asked.contains("SIZEOF_PORT_EVENT") && asked.contains("POLLRDHUP"), asked.toString());
        asked.removeAll(known);
        assertEquals(Set.of(), asked, "PortEvents asks ports.c for unknown names");
    }

    @Test
    void theBuildChoosesEventPortsForSunOsAndNamesTheTable() throws IOException {
        String root = Files.readString(ROOT.resolve("CMakeLists.txt"));
        assertTrue(root.contains("mio4j_poller(\"^SunOS$\" ports)"), "no SunOS line in CMakeLists.txt");
        String folder = Files.readString(ROOT.resolve("native/ports/CMakeLists.txt"));
        assertTrue(folder.contains("mio4j_natives(mio4j_ports_natives)"), folder);
        assertTrue(ports().contains("const struct mio4j_natives mio4j_ports_natives"));
    }
}
