package io.mio4j.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The tables, the target verdicts and RESULTS.md, all in Markdown. */
final class Report {
    private final RunSettings settings;
    private final List<Implementation> implementations;
    private final Measurements measurements;
    private final PollCostResults pollCost;
    private final CpuPinning pinning;
    private final String commandLine;

    Report(RunSettings settings, List<Implementation> implementations, Measurements measurements,
            PollCostResults pollCost, CpuPinning pinning, String commandLine) {
        this.settings = settings;
        this.implementations = implementations;
        this.measurements = measurements;
        this.pollCost = pollCost;
        this.pinning = pinning;
        this.commandLine = commandLine;
    }

    String render(double seconds, String chartFile, String loadAtStart) {
        StringBuilder out = new StringBuilder();
        out.append("# mio4j benchmark results\n\n");
        if (settings.quick()) {
            out.append("**Smoke run (BENCH_QUICK=1): durations too short for the figures to mean much.**\n\n");
        }
        out.append("Written by `scripts/bench.sh` (bench/src/main/java/io/mio4j/bench/BenchRunner.java); ")
                .append("every figure below is measured in the run, nothing is typed in.\n\n");
        out.append("## Run\n\n");
        out.append("* Date: ").append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append('\n');
        out.append("* Command: `").append(commandLine).append("` (").append(String.format(Locale.ROOT, "%.0f", seconds))
                .append(" s end to end, build included)\n");
        out.append("* Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" CPUs (`nproc`), ")
                .append(cpuModel()).append(", Linux ").append(System.getProperty("os.version"))
                .append("; load average (1 min, /proc/loadavg) ").append(loadAtStart).append(" when the run started, ")
                .append(loadAverage()).append(" when it ended (anything above ~1 is other work sharing the machine)\n");
        out.append("* JDK: ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.runtime.version")).append(" (").append(System.getProperty("java.vm.vendor"))
                .append("); JVM options for every Java process: `").append(String.join(" ", BenchRunner.JVM_OPTIONS))
                .append("`; C: ").append(gccVersion()).append(" -O2\n");
        out.append("* Libraries: ").append(mio4jDescription()).append("; Netty ")
                .append(io.netty.util.Version.identify().getOrDefault("netty-transport-native-epoll",
                        io.netty.util.Version.identify().values().iterator().next()).artifactVersion())
                .append(" (netty-transport-native-epoll, linux-x86_64)\n");
        out.append("* ").append(settings.rounds()).append(" rounds, round-robin (the order rotates every round). ")
                .append(String.format(Locale.ROOT, "Ping-pong %d ms warm-up + %d ms; wake-up %d + %d ms; echo %d + %d ms; ",
                        settings.pingPongWarmupMillis(), settings.pingPongMillis(), settings.wakeUpWarmupMillis(),
                        settings.wakeUpMillis(), settings.echoWarmupMillis(), settings.echoMillis()))
                .append(String.format(Locale.ROOT, "JMH %d warm-up + %d measured iterations of %d ms, 1 fork.%n",
                        settings.jmhWarmupIterations(), settings.jmhIterations(), settings.jmhIterationMillis()));
        out.append("* ").append(pinning.describe()).append('\n');
        out.append("* Nagle is off (TCP_NODELAY) on every socket.\n\n");
        out.append("Each cell: the median over rounds, (min–max over rounds), and ×: the median over rounds of the ")
                .append("ratio to C measured in the same round.\n\n");
        out.append(tables());
        out.append(targets());
        out.append("## Latency distributions\n\n");
        out.append("All rounds merged; percentile axis log-scaled (HdrHistogram style).\n\n");
        out.append("![percentile plot of ping-pong and wake-up latency](").append(chartFile).append(")\n\n");
        out.append(method());
        if (!measurements.failures().isEmpty()) {
            out.append("## Failures in this run\n\n");
            for (Map.Entry<Implementation, List<String>> entry : measurements.failures().entrySet()) {
                for (String failure : entry.getValue()) {
                    out.append("* ").append(entry.getKey().label()).append(": ").append(failure).append('\n');
                }
            }
            out.append('\n');
        }
        return out.toString();
    }

    String tables() {
        StringBuilder out = new StringBuilder();
        out.append("## (a) Ping-pong latency: 1 loopback TCP connection, 64-byte messages, the implementation at both ends\n\n");
        table(out, List.of(
                new Column("mean µs", BenchRunner.PING_PONG_MEAN, 1),
                new Column("p50 µs", BenchRunner.PING_PONG_P50, 1),
                new Column("p99 µs", BenchRunner.PING_PONG_P99, 1),
                new Column("p99.9 µs", BenchRunner.PING_PONG_P999, 1),
                new Column("round trips/s", BenchRunner.PING_PONG_RATE, 0)));
        out.append("## (b) Echo server, ").append(RunSettings.CONNECTIONS)
                .append(" connections, 64-byte messages, one C load generator for all\n\n");
        table(out, List.of(
                new Column("round trips/s", BenchRunner.ECHO_RATE, 0),
                new Column("server CPU µs / round trip", BenchRunner.ECHO_CPU, 2)));
        out.append("## (c) Bytes allocated per round trip on the echo server's event-loop thread\n\n");
        out.append("| implementation | bytes / round trip |\n|---|---|\n");
        for (Implementation implementation : implementations) {
            if (implementation == Implementation.C) {
                out.append("| ").append(implementation.label()).append(" | 0 by definition (no heap allocation in its loop) |\n");
            } else {
                Spread spread = measurements.spread(BenchRunner.ALLOCATED, implementation);
                out.append("| ").append(implementation.label()).append(" | ").append(figure(spread, 2)).append(" |\n");
            }
        }
        out.append('\n');
        out.append("## (d) Wake-up latency: wake from another thread until the blocked poll has returned\n\n");
        table(out, List.of(
                new Column("p50 µs", BenchRunner.WAKE_UP_P50, 1),
                new Column("p99 µs", BenchRunner.WAKE_UP_P99, 1)));
        out.append("## (e) Poll cost with 0 and ").append(RunSettings.IDLE_SOCKETS)
                .append(" idle registered sockets (ns per operation; JMH, C: clock_gettime over batches)\n\n");
        pollCostTable(out);
        return out.toString();
    }

    private record Column(String title, Metric metric, int decimals) {
    }

    private void table(StringBuilder out, List<Column> columns) {
        out.append("| implementation |");
        for (Column column : columns) {
            out.append(' ').append(column.title()).append(" |");
        }
        out.append("\n|---|");
        out.append("---|".repeat(columns.size()));
        out.append('\n');
        for (Implementation implementation : implementations) {
            out.append("| ").append(implementation.label()).append(" |");
            for (Column column : columns) {
                Spread spread = measurements.spread(column.metric(), implementation);
                out.append(' ').append(figure(spread, column.decimals()));
                if (implementation != Implementation.C && !spread.isEmpty()) {
                    out.append(ratio(measurements.ratioToC(column.metric(), implementation)));
                }
                out.append(" |");
            }
            out.append('\n');
        }
        out.append('\n');
    }

    private void pollCostTable(StringBuilder out) {
        int idle = RunSettings.IDLE_SOCKETS;
        out.append("| implementation |");
        for (PollCostResults.Operation operation : PollCostResults.Operation.values()) {
            out.append(' ').append(operation.label).append(", 0 idle | ").append(operation.label).append(", ")
                    .append(idle).append(" idle | growth |");
        }
        out.append("\n|---|").append("---|---|---|".repeat(PollCostResults.Operation.values().length)).append('\n');
        for (Implementation implementation : implementations) {
            out.append("| ").append(implementation.label()).append(" |");
            for (PollCostResults.Operation operation : PollCostResults.Operation.values()) {
                for (int count : new int[] {0, idle}) {
                    Spread spread = pollCost.get(operation, count, implementation);
                    out.append(' ').append(figure(spread, 1));
                    Spread c = pollCost.get(operation, count, Implementation.C);
                    if (implementation != Implementation.C && !spread.isEmpty() && !c.isEmpty()) {
                        out.append(String.format(Locale.ROOT, " ×%.2f", spread.median() / c.median()));
                    }
                    out.append(" |");
                }
                out.append(' ').append(growth(operation, implementation)).append(" |");
            }
            out.append('\n');
        }
        out.append("\ngrowth: the median with ").append(idle)
                .append(" idle sockets over the median with none (1.00 = does not grow). ")
                .append("Here × is the ratio of medians to C's (JMH iterations and C batches do not pair up as rounds do).\n\n");
    }

    private String growth(PollCostResults.Operation operation, Implementation implementation) {
        Spread none = pollCost.get(operation, 0, implementation);
        Spread many = pollCost.get(operation, RunSettings.IDLE_SOCKETS, implementation);
        if (none.isEmpty() || many.isEmpty()) {
            return "–";
        }
        return String.format(Locale.ROOT, "%.2f", many.median() / none.median());
    }

    String targets() {
        StringBuilder out = new StringBuilder("## mio4j against the targets (measured in this run)\n\n");
        if (!implementations.contains(Implementation.MIO4J) || !implementations.contains(Implementation.C)) {
            return out.append("Not judged: the run did not include both mio4j and C.\n\n").toString();
        }
        target(out, "ping-pong mean within 3% of C", BenchRunner.PING_PONG_MEAN, 1.03, false);
        target(out, "ping-pong p99.9 within 15% of C", BenchRunner.PING_PONG_P999, 1.15, false);
        target(out, "echo round trips/s at least 0.95× C", BenchRunner.ECHO_RATE, 0.95, true);
        target(out, "echo server CPU per round trip at most 1.1× C", BenchRunner.ECHO_CPU, 1.10, false);
        target(out, "wake-up p50 at most 1.1× C", BenchRunner.WAKE_UP_P50, 1.10, false);
        Spread allocated = measurements.spread(BenchRunner.ALLOCATED, Implementation.MIO4J);
        if (allocated.isEmpty()) {
            out.append("* NOT MEASURED: 0 bytes allocated per round trip (mio4j's echo server did not run)\n");
        } else {
            // Judged, like every target, on the median over rounds; below 0.01 B per round trip is
            // nothing per round trip (a few bytes once in a window of 10^5 round trips).
            boolean met = allocated.median() < 0.01;
            out.append(String.format(Locale.ROOT, "* %s: 0 bytes allocated per round trip: %.3f B (rounds %.3f–%.3f)%n",
                    met ? "MET" : "MISSED", allocated.median(), allocated.min(), allocated.max()));
        }
        out.append('\n');
        return out.toString();
    }

    private void target(StringBuilder out, String what, Metric metric, double bound, boolean atLeast) {
        Spread ratio = measurements.ratioToC(metric, Implementation.MIO4J);
        if (ratio.isEmpty()) {
            out.append("* NOT MEASURED: ").append(what).append('\n');
            return;
        }
        boolean met = atLeast ? ratio.median() >= bound : ratio.median() <= bound;
        out.append(String.format(Locale.ROOT, "* %s: %s: ×%.3f of C (rounds ×%.3f–×%.3f; mio4j %s, C %s)%n",
                met ? "MET" : "MISSED", what, ratio.median(), ratio.min(), ratio.max(),
                figure(measurements.spread(metric, Implementation.MIO4J), 2),
                figure(measurements.spread(metric, Implementation.C), 2)));
    }

    private String method() {
        return """
                ## How it is measured

                * **(a)** Both ends are the implementation under test: its echo server on one thread, its client on \
                another, in one process, one 64-byte message in flight. A sample is send-to-whole-echo on \
                `System.nanoTime()` / `CLOCK_MONOTONIC`. Round trips/s is samples over the measured window.
                * **(b)** The server runs in a process of its own with one event-loop thread. One C load generator \
                (`bench/c/load_generator.c`, edge-triggered epoll, one thread) drives every server alike: 256 \
                connections, each with one 64-byte message in flight. Server CPU is `utime+stime` of the whole server \
                process from `/proc/PID/stat` over the measured window (JIT and GC threads included for Java), \
                divided by the round trips in that window.
                * **(c)** `com.sun.management.ThreadMXBean#getThreadAllocatedBytes` of the echo server's event-loop \
                thread over the measured window of (b), divided by the round trips it served in that window. C \
                allocates nothing in its loop, by construction.
                * **(d)** A poller thread blocks in the implementation's poll; another notes the time, then wakes it: \
                eventfd write (C), `Selector.wakeup()`, `EventLoop.execute(task)` (Netty: the task runs right after \
                the loop's epoll_wait returns), `Waker.wake()`. A sample ends when the poll has returned. The waking \
                thread pauses 50 µs between wakes so that the poller is blocked again.
                * **(e)** JMH, average time. Idle sockets are loopback connections with both ends registered for \
                reading. NIO calls epoll_ctl only inside a select (a key cancelled before one never reaches the \
                kernel), so its register + deregister is `register`, `selectNow`, `cancel`, `selectNow`: two empty \
                polls included. Netty has no user-level poll: its row drives the public 4.2 `IoHandler` API \
                every Netty event loop runs on (`EpollIoHandler.run` with a non-blocking context; `register`, \
                `submit(EPOLLIN)`, `cancel`).
                * C and mio4j run the same algorithm (edge-triggered, read until the read would block); NIO and \
                Netty are written the way their users write them (NIO: level-triggered, one read per readiness, \
                `select(Consumer)`; Netty: `channelRead` writes, `channelReadComplete` flushes, defaults left on).

                """;
    }

    private static String figure(Spread spread, int decimals) {
        if (spread.isEmpty()) {
            return "–";
        }
        String format = "%." + decimals + "f";
        if (spread.count() == 1) {
            return String.format(Locale.ROOT, format, spread.median());
        }
        return String.format(Locale.ROOT, format + " (" + format + "–" + format + ")", spread.median(), spread.min(),
                spread.max());
    }

    private static String ratio(Spread ratio) {
        return ratio.isEmpty() ? "" : String.format(Locale.ROOT, " ×%.2f", ratio.median());
    }

    /** The 1-minute load average, as /proc/loadavg gives it. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            // fall through
        }
        return "CPU model unknown";
    }

    private static String gccVersion() {
        try {
            Process gcc = new ProcessBuilder("gcc", "-dumpfullversion").redirectErrorStream(true).start();
            String version = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            gcc.waitFor();
            return "gcc " + version;
        } catch (IOException e) {
            return "gcc";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "gcc";
        }
    }

    private static String mio4jDescription() {
        try {
            return "mio4j " + io.mio4j.Mio4j.version() + " (" + io.mio4j.Mio4j.backend() + ")";
        } catch (Throwable e) {
            return "mio4j (unavailable: " + e + ")";
        }
    }
}
