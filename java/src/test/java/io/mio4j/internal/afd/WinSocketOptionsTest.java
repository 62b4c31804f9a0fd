package io.mio4j.internal.afd;

import io.mio4j.internal.io.NativeConstant;
import io.mio4j.internal.NetSocket.NamedOption;
import io.mio4j.internal.SocketKind;
import io.mio4j.internal.SocketOptionTable;
import io.mio4j.internal.SocketOptionTable.Entry;
import io.mio4j.internal.SocketOptionTable.Value;
import jdk.net.ExtendedSocketOptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Windows option table, built here on Linux with the OPT_* numbers that mio4j.dll
 * would report, read from native/afd's C source (socket_win.h's enum through
 * jni_socket_win.c's constant table).
 */
class WinSocketOptionsTest {
    private static final Map<String, Long> C_CONSTANTS = cConstants();
    private final Set<String> asked = new TreeSet<>();

    private long lookup(String name) {
        asked.add(name);
        return C_CONSTANTS.getOrDefault(name, NativeConstant.UNKNOWN);
    }

    private SocketOptionTable table() {
        return WinSocketOptions.table(this::lookup);
    }

    @Test
    void everyNameTheTableAsksForIsInTheCTable() {
        table();
        for (NamedOption option : NamedOption.values()) {
            lookup(WinSocketOptions.nameOf(option));
        }
        assertFalse(asked.isEmpty());
        Set<String> unknown = new TreeSet<>(asked);
        unknown.removeAll(C_CONSTANTS.keySet());
        assertEquals(Set.of(), unknown, "names mio4j.dll does not know");
    }

    @Test
    void tcpStreamOptionsMapToTheirOptNumbers() {
        SocketOptionTable table = table();
        assertMapped(table, StandardSocketOptions.TCP_NODELAY, SocketKind.TCP_STREAM, Value.BOOLEAN, "OPT_TCP_NODELAY");
        assertMapped(table, StandardSocketOptions.SO_KEEPALIVE, SocketKind.TCP_STREAM, Value.BOOLEAN, "OPT_KEEPALIVE");
        assertMapped(table, StandardSocketOptions.SO_LINGER, SocketKind.TCP_SOCKET, Value.LINGER, "OPT_LINGER");
        assertMapped(table, StandardSocketOptions.SO_SNDBUF, SocketKind.TCP_STREAM, Value.INT, "OPT_SNDBUF");
        assertMapped(table, StandardSocketOptions.SO_RCVBUF, SocketKind.TCP_LISTENER, Value.INT, "OPT_RCVBUF");
        assertMapped(table, StandardSocketOptions.SO_REUSEADDR, SocketKind.TCP_LISTENER, Value.BOOLEAN, "OPT_REUSEADDR");
        assertMapped(table, ExtendedSocketOptions.TCP_KEEPIDLE, SocketKind.TCP_STREAM, Value.INT, "OPT_TCP_KEEPIDLE");
        assertMapped(table, ExtendedSocketOptions.TCP_KEEPINTERVAL, SocketKind.TCP_STREAM, Value.INT, "OPT_TCP_KEEPINTVL");
        assertMapped(table, ExtendedSocketOptions.TCP_KEEPCOUNT, SocketKind.TCP_STREAM, Value.INT, "OPT_TCP_KEEPCNT");
    }

    @Test
    void udpOptionsMapToTheirOptNumbers() {
        SocketOptionTable table = table();
        assertMapped(table, StandardSocketOptions.SO_BROADCAST, SocketKind.UDP, Value.BOOLEAN, "OPT_BROADCAST");
        Entry loop = table.entry(StandardSocketOptions.IP_MULTICAST_LOOP, SocketKind.UDP);
        assertEquals(C_CONSTANTS.get("OPT_IP_MULTICAST_LOOP").intValue(), loop.name(false));
        assertEquals(C_CONSTANTS.get("OPT_IPV6_MULTICAST_LOOP").intValue(), loop.name(true));
        assertEquals(WinSocketOptions.LEVEL, loop.level(true));
    }

    @Test
    void theIpv6MulticastHopLimitIsNotThereYet() {
        Entry ttl = table().entry(StandardSocketOptions.IP_MULTICAST_TTL, SocketKind.UDP);
        assertEquals(C_CONSTANTS.get("OPT_IP_MULTICAST_TTL").intValue(), ttl.name(false));
        assertEquals(255, ttl.max);
        assertEquals(SocketOptionTable.ABSENT, ttl.level(true));
    }

    @Test
    void optionsWindowsLacksAreUnsupported() {
        SocketOptionTable table = table();
        assertThrows(UnsupportedOperationException.class,
                () -> table.entry(StandardSocketOptions.SO_REUSEPORT, SocketKind.TCP_SOCKET));
        assertThrows(UnsupportedOperationException.class,
                () -> table.entry(StandardSocketOptions.IP_TOS, SocketKind.TCP_STREAM));
        assertThrows(UnsupportedOperationException.class,
                () -> table.entry(StandardSocketOptions.IP_MULTICAST_IF, SocketKind.UDP));
    }

    @Test
    void optionsApplyToTheSameKindsAsOnUnix() {
        SocketOptionTable table = table();
        assertThrows(UnsupportedOperationException.class,
                () -> table.entry(StandardSocketOptions.TCP_NODELAY, SocketKind.TCP_LISTENER));
        assertThrows(UnsupportedOperationException.class,
                () -> table.entry(StandardSocketOptions.SO_BROADCAST, SocketKind.TCP_STREAM));
        assertThrows(UnsupportedOperationException.class,
                () -> table.entry(StandardSocketOptions.TCP_NODELAY, SocketKind.UDP));
        assertEquals(Set.of(StandardSocketOptions.SO_SNDBUF, StandardSocketOptions.SO_RCVBUF,
                StandardSocketOptions.SO_REUSEADDR), table.supported(SocketKind.TCP_LISTENER));
    }

    @Test
    void aConstantTheLibraryLacksLeavesItsRowOut() {
        SocketOptionTable table = WinSocketOptions.table(
                name -> name.equals("OPT_TCP_KEEPIDLE") ? NativeConstant.UNKNOWN : lookup(name));
        assertThrows(UnsupportedOperationException.class,
                () -> table.entry(ExtendedSocketOptions.TCP_KEEPIDLE, SocketKind.TCP_STREAM));
        assertMapped(table, ExtendedSocketOptions.TCP_KEEPCOUNT, SocketKind.TCP_STREAM, Value.INT, "OPT_TCP_KEEPCNT");
    }

    private static void assertMapped(SocketOptionTable table, SocketOption<?> option, SocketKind kind,
                                     Value value, String cName) {
        Entry entry = table.entry(option, kind);
        assertEquals(value, entry.value, option + " value");
        int number = C_CONSTANTS.get(cName).intValue();
        assertEquals(number, entry.name(false), option + " IPv4");
        assertEquals(number, entry.name(true), option + " IPv6");
        assertEquals(WinSocketOptions.LEVEL, entry.level(false), option + " level");
        assertTrue(entry.kinds.contains(kind));
    }

    /** "OPT_X" -> the value of MIO4J_WIN_OPT_X, for every OPT_ row of jni_socket_win.c's table. */
    private static Map<String, Long> cConstants() {
        Path afd = sourceRoot().resolve("native/afd");
        try {
            Map<String, Long> enumValues = new HashMap<>();
            Matcher e = Pattern.compile("(MIO4J_WIN_OPT_\\w+) = (\\d+)").matcher(Files.readString(afd.resolve("socket_win.h")));
            while (e.find()) {
                enumValues.put(e.group(1), Long.parseLong(e.group(2)));
            }
            Map<String, Long> constants = new HashMap<>();
            Matcher row = Pattern.compile("\\{ \"(OPT_\\w+)\", (MIO4J_WIN_OPT_\\w+) \\}")
                    .matcher(Files.readString(afd.resolve("jni_socket_win.c")));
            while (row.find()) {
                Long value = enumValues.get(row.group(2));
                if (value == null) {
                    throw new AssertionError(row.group(2) + " is not in socket_win.h's enum");
                }
                constants.put(row.group(1), value);
            }
            if (constants.size() < 10) {
                throw new AssertionError("read only " + constants.size() + " OPT_ constants: " + constants);
            }
            return constants;
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

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
}
