package io.mio4j.internal;

import java.net.SocketOption;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import static io.mio4j.internal.SocketKind.TCP_LISTENER;
import static io.mio4j.internal.SocketKind.TCP_SOCKET;
import static io.mio4j.internal.SocketKind.TCP_STREAM;
import static io.mio4j.internal.SocketKind.UDP;
import static io.mio4j.internal.SocketKind.UNIX_STREAM;

/**
 * A table of socket options: for each supported {@link SocketOption}, the kinds of socket
 * it applies to, how its value crosses to the OS, and its (level, name) for IPv4 and IPv6
 * sockets. Each OS fills one (io.mio4j.internal.unix.SocketOptions with setsockopt
 * numbers, io.mio4j.internal.afd.WinSocketOptions with our OPT_* numbers);
 * {@link NetSocket#setOption} and {@link NetSocket#getOption} read it. An option the OS
 * lacks is not in the table, so asking for it is an UnsupportedOperationException.
 */
public final class SocketOptionTable {
    public static final Set<SocketKind> ALL = Collections.unmodifiableSet(EnumSet.allOf(SocketKind.class));
    public static final Set<SocketKind> TCP_CONNECTION = Collections.unmodifiableSet(EnumSet.of(TCP_STREAM, TCP_SOCKET));
    public static final Set<SocketKind> IP_ANY = Collections.unmodifiableSet(EnumSet.of(TCP_STREAM, TCP_LISTENER, TCP_SOCKET, UDP));
    public static final Set<SocketKind> STREAMS = Collections.unmodifiableSet(EnumSet.of(TCP_STREAM, TCP_SOCKET, UNIX_STREAM));
    public static final Set<SocketKind> UDP_ONLY = Collections.unmodifiableSet(EnumSet.of(UDP));

    /** A level meaning: this option does not exist for that family. */
    public static final int ABSENT = -1;

    /** How a value crosses to the OS. */
    public enum Value {
        /** Boolean as an int 0/1. */
        BOOLEAN,
        /** Integer as an int, checked against the entry's [min, max]. */
        INT,
        /** Integer seconds of lingering; negative = off. */
        LINGER,
        /** NetworkInterface: an IPv4 in_addr or an IPv6 interface index. */
        INTERFACE
    }

    /** One row of the table. */
    public static final class Entry {
        public final SocketOption<?> option;
        public final Value value;
        public final Set<SocketKind> kinds;
        public final int v4Level;
        public final int v4Name;
        public final int v6Level;
        public final int v6Name;
        public final int min;
        public final int max;

        Entry(SocketOption<?> option, Value value, Set<SocketKind> kinds,
              int v4Level, int v4Name, int v6Level, int v6Name, int min, int max) {
            this.option = option;
            this.value = value;
            this.kinds = kinds;
            this.v4Level = v4Level;
            this.v4Name = v4Name;
            this.v6Level = v6Level;
            this.v6Name = v6Name;
            this.min = min;
            this.max = max;
        }

        /** The level for this family, or {@link #ABSENT}. */
        public int level(boolean ipv6) {
            return ipv6 ? v6Level : v4Level;
        }

        public int name(boolean ipv6) {
            return ipv6 ? v6Name : v4Name;
        }
    }

    private final Map<SocketOption<?>, Entry> entries = new HashMap<>();

    /** Adds a row with the same (level, name) for both families and no range beyond [0, MAX_VALUE]. */
    public SocketOptionTable add(SocketOption<?> option, Value value, Set<SocketKind> kinds, int level, int name) {
        return add(option, value, kinds, level, name, level, name, 0, Integer.MAX_VALUE);
    }

    /** Adds a row; a level of {@link #ABSENT} leaves that family out. */
    public SocketOptionTable add(SocketOption<?> option, Value value, Set<SocketKind> kinds,
                                 int v4Level, int v4Name, int v6Level, int v6Name, int min, int max) {
        entries.put(option, new Entry(option, value, kinds, v4Level, v4Name, v6Level, v6Name, min, max));
        return this;
    }

    /** The entry for an option that applies to this kind; UnsupportedOperationException otherwise. */
    public Entry entry(SocketOption<?> option, SocketKind kind) {
        Entry entry = entries.get(option);
        if (entry == null || kind == null || !entry.kinds.contains(kind)) {
            throw new UnsupportedOperationException("'" + option + "' is not supported by "
                    + (kind == null ? "this socket" : kind.label() + " sockets"));
        }
        return entry;
    }

    /** The options a kind of socket supports, for supportedOptions(). */
    public Set<SocketOption<?>> supported(SocketKind kind) {
        Set<SocketOption<?>> options = new LinkedHashSet<>();
        for (Entry entry : entries.values()) {
            if (entry.kinds.contains(kind)) {
                options.add(entry.option);
            }
        }
        return Collections.unmodifiableSet(options);
    }
}
