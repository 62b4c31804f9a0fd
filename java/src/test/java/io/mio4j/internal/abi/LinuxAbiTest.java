package io.mio4j.internal.abi;

import io.mio4j.LinuxOnly;
import io.mio4j.internal.io.ErrnoCalls;
import io.mio4j.internal.loader.NativeLoader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The FFM and JNA bindings read Linux's constants and layouts from {@link LinuxAbi}, not
 * from C: a wrong entry there would be a wrong flag or a misread struct. So every entry is
 * checked three ways: it names what our C tables name (constants.c, errno.c, epoll.c);
 * it equals what the JNI library reports on this machine (in a class loader of its own,
 * whichever binding this run uses); and it equals what the C headers say, for every
 * architecture whose compiler is on this machine (a compile of _Static_asserts, so no
 * foreign binary has to run).
 */
@LinuxOnly
class LinuxAbiTest {
    private static final Path ROOT = sourceRoot();
    private static final Path CLASSES = Path.of(System.getProperty("mio4j.test.classes"));
    private static final Path NATIVE_ROOT = Path.of(System.getProperty("mio4j.test.nativeRoot"));
    /** Each table's C compiler (Debian's cross compilers), by platform. */
    private static final Map<String, String> COMPILERS = Map.of(
            "linux-x86_64", "x86_64-linux-gnu-gcc",
            "linux-aarch_64", "aarch64-linux-gnu-gcc",
            "linux-s390_64", "s390x-linux-gnu-gcc");
    /** The C of entries that are no plain macro. */
    private static final Map<String, String> EXPRESSIONS = expressions();
    /** Ours, not the OS's: native/unix/sockaddr.h's layout size. */
    private static final Set<String> OURS = Set.of("SOCKADDR_MAX");

    @TempDir
    Path tmp;

    @Test
    void theTablesNameWhatTheCTablesName() throws IOException {
        Set<String> posix = cNames("native/unix/constants.c");
        Set<String> errno = cNames("native/unix/errno.c");
        Set<String> epoll = cNames("native/epoll/epoll.c");
        assertTrue(posix.size() > 40 && errno.size() > 30 && epoll.size() > 10, posix + " " + errno + " " + epoll);
        for (String platform : LinuxAbi.platforms()) {
            LinuxAbi abi = LinuxAbi.of(platform);
            assertEquals(posix, new TreeSet<>(abi.posix().keySet()), platform + " posix");
            assertEquals(errno, new TreeSet<>(abi.errno().keySet()), platform + " errno");
            assertEquals(epoll, new TreeSet<>(abi.epoll().keySet()), platform + " epoll");
        }
    }

    /**
     * The int-valued options the FFM and JNA bindings take (LinuxAbi.option entries) are
     * the ones constants.c marks INT_OPTION(level, name) (or, for a name the OS spells
     * otherwise, { { "NAME", ... }, (jint) LEVEL }), each at the same level.
     */
    @Test
    void theIntOptionMarksAreTheCTables() throws IOException {
        String c = Files.readString(ROOT.resolve("native/unix/constants.c"));
        Map<String, String> marked = new TreeMap<>();
        Matcher m = Pattern.compile("(?<!define )INT_OPTION\\((\\w+), (\\w+)\\)"
                + "|\\{ \\{ \"(\\w+)\", [^}]*\\}, \\(jint\\) (\\w+) \\}").matcher(c);
        while (m.find()) {
            if (m.group(2) != null) {
                marked.put(m.group(2), m.group(1));
            } else if (!m.group(4).equals("NOT_AN_OPTION")) {
                marked.put(m.group(3), m.group(4));
            }
        }
        assertTrue(marked.size() > 20 && marked.containsKey("TCP_KEEPIDLE") && !marked.containsKey("SO_LINGER"),
                "read from constants.c: " + marked);
        for (String platform : LinuxAbi.platforms()) {
            LinuxAbi abi = LinuxAbi.of(platform);
            assertEquals(marked, new TreeMap<>(abi.optionLevels()), platform + " option marks");
            for (Map.Entry<String, String> option : abi.optionLevels().entrySet()) {
                assertTrue(abi.isIntOption(abi.posix().get(option.getValue()), abi.posix().get(option.getKey())),
                        platform + " " + option);
            }
            assertTrue(!abi.isIntOption(abi.posix().get("SOL_SOCKET"), abi.posix().get("SO_LINGER")),
                    platform + " SO_LINGER is no int option");
        }
    }

    @Test
    void everyNameJavaAsksForIsInTheTables() throws IOException {
        LinuxAbi abi = LinuxAbi.of("linux-x86_64");
        Pattern asked = Pattern.compile("constant\\(\"(\\w+)\"\\)");
        List<String> missing = new ArrayList<>();
        Path main = ROOT.resolve("java/src/main/java/io/mio4j/internal");
        for (String dir : List.of("unix", "epoll", "io")) {
            try (Stream<Path> sources = Files.list(main.resolve(dir))) {
                for (Path source : (Iterable<Path>) sources::iterator) {
                    Matcher m = asked.matcher(Files.readString(source));
                    while (m.find()) {
                        String name = m.group(1);
                        if (!abi.posix().containsKey(name) && !abi.errno().containsKey(name)
                                && !abi.epoll().containsKey(name)) {
                            missing.add(source.getFileName() + ": " + name);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void everyEntryIsWhatTheJniLibraryReports() throws Exception {
        LinuxAbi abi = LinuxAbi.of(NativeLoader.platform());
        assertNotNull(abi, "no table for " + NativeLoader.platform());
        try (JniInItsOwnLoader jni = new JniInItsOwnLoader(tmp)) {
            List<String> wrong = new ArrayList<>();
            compare(abi.posix(), jni.calls("io.mio4j.internal.unix.PosixCallsJni"), wrong);
            compare(abi.errno(), jni.calls("io.mio4j.internal.io.ErrnoCallsJni"), wrong);
            compare(abi.epoll(), jni.calls("io.mio4j.internal.epoll.EpollCallsJni"), wrong);
            assertEquals(List.of(), wrong);
        }
    }

    @TestFactory
    Stream<DynamicTest> errorTextsAreTheJniLibrarysThroughEveryBinding() throws Exception {
        LinuxAbi abi = LinuxAbi.of(NativeLoader.platform());
        Map<Integer, String> expected = new LinkedHashMap<>();
        try (JniInItsOwnLoader jni = new JniInItsOwnLoader(tmp)) {
            Object calls = jni.calls("io.mio4j.internal.io.ErrnoCallsJni");
            Method strerror = calls.getClass().getMethod("strerror", int.class);
            for (int errno : new TreeSet<>(abi.errno().values())) {
                expected.put(errno, (String) strerror.invoke(calls, errno));
            }
            expected.put(4095, (String) strerror.invoke(calls, 4095));   // no such errno
        }
        return Stream.of("Ffm", "Jna").map(suffix -> DynamicTest.dynamicTest("ErrnoCalls" + suffix, () -> {
            ErrnoCalls calls = BindingClasses.instance(ErrnoCalls.class, suffix);
            for (Map.Entry<Integer, String> text : expected.entrySet()) {
                assertEquals(text.getValue(), calls.strerror(text.getKey()), "strerror(" + text.getKey() + ")");
            }
            for (Map.Entry<String, Integer> entry : abi.errno().entrySet()) {
                assertEquals((long) entry.getValue(), calls.constant(entry.getKey()), entry.getKey());
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyEntryIsWhatTheCHeadersSay() {
        return LinuxAbi.platforms().stream().map(platform -> DynamicTest.dynamicTest(platform, () -> {
            String compiler = COMPILERS.get(platform);
            assertNotNull(compiler, "no compiler named for " + platform);
            Assumptions.assumeTrue(onPath(compiler), compiler + " is not installed here, so " + platform
                    + "'s table is checked only against JNI, where it runs");
            Path source = tmp.resolve(platform + ".c");
            Files.writeString(source, staticAsserts(LinuxAbi.of(platform)));
            Process cc = new ProcessBuilder(compiler, "-std=c11", "-fsyntax-only", source.toString())
                    .redirectErrorStream(true).start();
            String out = new String(cc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(cc.waitFor(60, TimeUnit.SECONDS), compiler + " did not finish");
            assertEquals(0, cc.exitValue(), platform + "'s table differs from its headers:\n" + out);
        }));
    }

    /** One _Static_assert per entry: a wrong one fails the compile, naming the entry. */
    private static String staticAsserts(LinuxAbi abi) {
        StringBuilder c = new StringBuilder("#define _GNU_SOURCE\n");
        for (String header : List.of("errno.h", "fcntl.h", "limits.h", "stddef.h", "time.h", "sys/socket.h",
                "sys/un.h", "sys/uio.h", "sys/ioctl.h", "sys/epoll.h", "sys/eventfd.h", "sys/syscall.h",
                "netinet/in.h", "netinet/tcp.h")) {
            c.append("#include <").append(header).append(">\n");
        }
        for (Map<String, Integer> table : List.of(abi.posix(), abi.errno(), abi.epoll(), abi.calls())) {
            for (Map.Entry<String, Integer> entry : table.entrySet()) {
                if (OURS.contains(entry.getKey())) {
                    continue;
                }
                String expression = EXPRESSIONS.getOrDefault(entry.getKey(), entry.getKey());
                // as the C tables report it: a jint
                c.append("_Static_assert((int) (").append(expression).append(") == ").append(entry.getValue())
                        .append(", \"").append(entry.getKey()).append("\");\n");
            }
        }
        return c.toString();
    }

    private static Map<String, String> expressions() {
        Map<String, String> e = new LinkedHashMap<>();
        e.put("IOV_MAX", "IOV_MAX < 1024 ? IOV_MAX : 1024");   // native/unix/iovec.h
        e.put("SUN_PATH_SIZE", "sizeof(((struct sockaddr_un *) 0)->sun_path)");
        e.put("SIZEOF_EPOLL_EVENT", "sizeof(struct epoll_event)");
        e.put("OFFSETOF_EVENTS", "offsetof(struct epoll_event, events)");
        e.put("OFFSETOF_DATA", "offsetof(struct epoll_event, data)");
        e.put("SIZEOF_SOCKADDR_STORAGE", "sizeof(struct sockaddr_storage)");
        e.put("SIZEOF_SOCKADDR_IN", "sizeof(struct sockaddr_in)");
        e.put("OFFSETOF_SIN_PORT", "offsetof(struct sockaddr_in, sin_port)");
        e.put("OFFSETOF_SIN_ADDR", "offsetof(struct sockaddr_in, sin_addr)");
        e.put("SIZEOF_SOCKADDR_IN6", "sizeof(struct sockaddr_in6)");
        e.put("OFFSETOF_SIN6_PORT", "offsetof(struct sockaddr_in6, sin6_port)");
        e.put("OFFSETOF_SIN6_FLOWINFO", "offsetof(struct sockaddr_in6, sin6_flowinfo)");
        e.put("OFFSETOF_SIN6_ADDR", "offsetof(struct sockaddr_in6, sin6_addr)");
        e.put("OFFSETOF_SIN6_SCOPE_ID", "offsetof(struct sockaddr_in6, sin6_scope_id)");
        e.put("SIZEOF_SOCKADDR_UN", "sizeof(struct sockaddr_un)");
        e.put("OFFSETOF_SUN_PATH", "offsetof(struct sockaddr_un, sun_path)");
        e.put("SIZEOF_IOVEC", "sizeof(struct iovec)");
        e.put("OFFSETOF_IOV_LEN", "offsetof(struct iovec, iov_len)");
        e.put("SIZEOF_MSGHDR", "sizeof(struct msghdr)");
        e.put("OFFSETOF_MSG_IOV", "offsetof(struct msghdr, msg_iov)");
        e.put("OFFSETOF_MSG_IOVLEN", "offsetof(struct msghdr, msg_iovlen)");
        e.put("SIZEOF_LINGER", "sizeof(struct linger)");
        e.put("OFFSETOF_L_LINGER", "offsetof(struct linger, l_linger)");
        e.put("SIZEOF_IP_MREQ", "sizeof(struct ip_mreq)");
        e.put("OFFSETOF_IMR_INTERFACE", "offsetof(struct ip_mreq, imr_interface)");
        e.put("SIZEOF_IPV6_MREQ", "sizeof(struct ipv6_mreq)");
        e.put("OFFSETOF_IPV6MR_INTERFACE", "offsetof(struct ipv6_mreq, ipv6mr_interface)");
        e.put("SIZEOF_TIMESPEC", "sizeof(struct timespec)");
        e.put("OFFSETOF_TV_NSEC", "offsetof(struct timespec, tv_nsec)");
        e.put("SIZEOF_POINTER", "sizeof(void *)");
        return e;
    }

    private static void compare(Map<String, Integer> table, Object jniCalls, List<String> wrong) throws Exception {
        Method constant = jniCalls.getClass().getMethod("constant", String.class);
        for (Map.Entry<String, Integer> entry : table.entrySet()) {
            long reported = (long) constant.invoke(jniCalls, entry.getKey());
            if (reported != entry.getValue()) {
                wrong.add(jniCalls.getClass().getSimpleName() + " " + entry.getKey() + ": table " + entry.getValue()
                        + ", JNI " + reported);
            }
        }
    }

    /** MIO4J_CONSTANT(X) and { "X", ... } rows of a C table. */
    private static Set<String> cNames(String file) throws IOException {
        String c = Files.readString(ROOT.resolve(file));
        Set<String> names = new TreeSet<>();
        // MIO4J_CONSTANT(x), CONSTANT(x), INT_OPTION(level, x), NAMED("x", ...) and { "x", ... }
        // entries (not the #define lines of those macros)
        Matcher m = Pattern.compile("(?<!define )(?:MIO4J_CONSTANT|\\bCONSTANT)\\((\\w+)\\)"
                + "|(?<!define )INT_OPTION\\(\\w+, (\\w+)\\)|(?:\\{ |NAMED\\()\"(\\w+)\",").matcher(c);
        while (m.find()) {
            names.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
        }
        return names;
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir.isEmpty() ? "." : dir, program))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Our JNI library in a class loader of its own (target/classes and the built library),
     * so that it answers whatever binding this run's own class loader chose.
     */
    private static final class JniInItsOwnLoader implements AutoCloseable {
        private final URLClassLoader loader;
        private final String previousBinding;
        private final String previousTmp;

        JniInItsOwnLoader(Path tmp) throws IOException {
            assertTrue(Files.isDirectory(NATIVE_ROOT), "no native library built at " + NATIVE_ROOT);
            previousBinding = System.setProperty("mio4j.binding", "jni");
            previousTmp = System.setProperty(NativeLoader.TMPDIR_PROPERTY, tmp.toString());
            loader = new URLClassLoader(new URL[] {CLASSES.toUri().toURL(), NATIVE_ROOT.toUri().toURL(),
                    location(org.slf4j.Logger.class), location(org.slf4j.simple.SimpleLogger.class)},
                    ClassLoader.getPlatformClassLoader());
        }

        Object calls(String className) throws Exception {
            Class<?> type = loader.loadClass(className);
            assertSame(loader, type.getClassLoader(), className + " not from the JNI loader");
            return type.getConstructor().newInstance();
        }

        @Override
        public void close() throws IOException {
            restore("mio4j.binding", previousBinding);
            restore(NativeLoader.TMPDIR_PROPERTY, previousTmp);
            loader.close();
        }

        private static void restore(String property, String previous) {
            if (previous == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, previous);
            }
        }

        private static URL location(Class<?> type) throws IOException {
            try {
                return type.getProtectionDomain().getCodeSource().getLocation().toURI().toURL();
            } catch (java.net.URISyntaxException e) {
                throw new IOException(e);
            }
        }
    }

    private static Path sourceRoot() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("native/unix"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("native/unix not found above " + System.getProperty("user.dir"));
        }
        return dir;
    }
}
