package io.mio4j.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The tables, the target verdicts and RESULTS.md, all in Markdown. */
final class Report {
    private final RunSettings settings;
    private final List<Implementation> implementations;
    private final Set<Workload> workloads;
    private final Measurements measurements;
    private final PollCostResults pollCost;
    private final Map<Implementation, List<BenchRunner.MemoryClass>> memoryClasses;
    private final CpuPinning pinning;
    private final String commandLine;

    Report(RunSettings settings, List<Implementation> implementations, Set<Workload> workloads,
            Measurements measurements, PollCostResults pollCost,
            Map<Implementation, List<BenchRunner.MemoryClass>> memoryClasses, CpuPinning pinning, String commandLine) {
        this.settings = settings;
        this.implementations = implementations;
        this.workloads = workloads;
        this.measurements = measurements;
        this.pollCost = pollCost;
        this.memoryClasses = memoryClasses;
        this.pinning = pinning;
        this.commandLine = commandLine;
    }

    String render(double seconds, List<String> charts, String loadAtStart) {
        StringBuilder out = new StringBuilder();
        out.append("# mio4j benchmark results\n\n");
        if (settings.quick()) {
            out.append("**Smoke run (BENCH_QUICK=1): durations too short for the figures to mean much.**\n\n");
        }
        if (workloads.size() < Workload.values().length) {
            out.append("**Partial run: only ").append(String.join(", ", workloads.stream().map(w -> w.label).toList()))
                    .append(".**\n\n");
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
                .append("`");
        if (workloads.contains(Workload.MEMORY)) {
            out.append(", and for (h) also `").append(String.join(" ", BenchRunner.MEMORY_JVM_OPTIONS)).append('`');
        }
        out.append("; C: ").append(gccVersion()).append(" -O2\n");
        out.append("* Libraries: ").append(mio4jDescription()).append("; Netty ")
                .append(io.netty.util.Version.identify().getOrDefault("netty-transport-native-epoll",
                        io.netty.util.Version.identify().values().iterator().next()).artifactVersion())
                .append(" (netty-transport-native-epoll, linux-x86_64)");
        if (workloads.contains(Workload.HTTP)) {
            out.append("; ").append(wrkVersion());
        }
        out.append('\n');
        out.append("* ").append(settings.rounds()).append(" rounds, round-robin (the order rotates every round). ");
        List<String> durations = new ArrayList<>();
        if (workloads.contains(Workload.LATENCY)) {
            durations.add(String.format(Locale.ROOT, "ping-pong %d ms warm-up + %d ms; wake-up %d + %d ms",
                    settings.pingPongWarmupMillis(), settings.pingPongMillis(), settings.wakeUpWarmupMillis(),
                    settings.wakeUpMillis()));
        }
        if (workloads.contains(Workload.ECHO)) {
            durations.add(String.format(Locale.ROOT, "echo %d + %d ms", settings.echoWarmupMillis(), settings.echoMillis()));
        }
        if (workloads.contains(Workload.POLL_COST)) {
            durations.add(String.format(Locale.ROOT, "JMH %d warm-up + %d measured iterations of %d ms, 1 fork",
                    settings.jmhWarmupIterations(), settings.jmhIterations(), settings.jmhIterationMillis()));
        }
        if (workloads.contains(Workload.HTTP)) {
            durations.add(String.format(Locale.ROOT, "HTTP, per connection count, wrk %d s warm-up + %d s measured",
                    settings.httpWarmupSeconds(), settings.httpSeconds()));
        }
        if (workloads.contains(Workload.CONN10K)) {
            durations.add(String.format(Locale.ROOT, "10 000 connections %d + %d ms after the set-up",
                    settings.conn10kWarmupMillis(), settings.conn10kMillis()));
        }
        if (workloads.contains(Workload.MEMORY)) {
            int memoryRounds = Math.min(settings.memoryRounds(), settings.rounds());
            durations.add(memoryRounds == 1 ? "memory in the first round" : "memory in the first " + memoryRounds + " rounds");
        }
        out.append(capitalized(String.join("; ", durations))).append(".\n");
        out.append("* ").append(pinning.describe()).append('\n');
        out.append("* Nagle is off (TCP_NODELAY) on every socket that carries traffic.\n\n");
        out.append("Each cell: the median over rounds, (min–max over rounds), and ×: the median over rounds of the ")
                .append("ratio to C (for memory: to NIO) measured in the same round.\n\n");
        out.append(tables());
        out.append(targets());
        if (!charts.isEmpty()) {
            out.append("## Charts\n\n");
            if (charts.contains("latency-percentiles.png")) {
                out.append("Latency distributions of (a) and (d), all rounds merged; percentile axis log-scaled ")
                        .append("(HdrHistogram style).\n\n")
                        .append("![percentile plot of ping-pong and wake-up latency](latency-percentiles.png)\n\n");
            }
            if (charts.contains("http-latency-percentiles.png")) {
                out.append("Latency under wrk in (f), as wrk measures it (request written to response read), the ")
                        .append("median over rounds at each percentile.\n\n")
                        .append("![percentile plot of HTTP latency under wrk](http-latency-percentiles.png)\n\n");
            }
            if (charts.contains("throughput-memory.png")) {
                out.append("(f), (g) and (h): bars at the median over rounds, whiskers from the lowest to the highest ")
                        .append("round.\n\n")
                        .append("![bars of HTTP requests/s, 10 000-connection round trips and memory per connection]")
                        .append("(throughput-memory.png)\n\n");
            }
        }
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
        if (workloads.contains(Workload.LATENCY)) {
            out.append("## (a) Ping-pong latency: 1 loopback TCP connection, 64-byte messages, the implementation at both ends\n\n");
            table(out, Implementation.C, List.of(
                    new Column("mean µs", BenchRunner.PING_PONG_MEAN, 1),
                    new Column("p50 µs", BenchRunner.PING_PONG_P50, 1),
                    new Column("p99 µs", BenchRunner.PING_PONG_P99, 1),
                    new Column("p99.9 µs", BenchRunner.PING_PONG_P999, 1),
                    new Column("round trips/s", BenchRunner.PING_PONG_RATE, 0)));
        }
        if (workloads.contains(Workload.ECHO)) {
            out.append("## (b) Echo server, ").append(RunSettings.CONNECTIONS)
                    .append(" connections, 64-byte messages, one C load generator for all\n\n");
            table(out, Implementation.C, List.of(
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
        }
        if (workloads.contains(Workload.LATENCY)) {
            out.append("## (d) Wake-up latency: wake from another thread until the blocked poll has returned\n\n");
            table(out, Implementation.C, List.of(
                    new Column("p50 µs", BenchRunner.WAKE_UP_P50, 1),
                    new Column("p99 µs", BenchRunner.WAKE_UP_P99, 1)));
        }
        if (workloads.contains(Workload.POLL_COST)) {
            out.append("## (e) Poll cost with 0 and ").append(RunSettings.IDLE_SOCKETS)
                    .append(" idle registered sockets (ns per operation; JMH, C: clock_gettime over batches)\n\n");
            pollCostTable(out);
        }
        if (workloads.contains(Workload.HTTP)) {
            for (int c : RunSettings.HTTP_CONNECTIONS) {
                BenchRunner.HttpMetrics metrics = BenchRunner.HTTP.get(c);
                out.append("## (f) HTTP/1.1 keep-alive hello world under `wrk -t1 -c").append(c)
                        .append("`: the same request parsing in every server\n\n");
                table(out, Implementation.C, List.of(
                        new Column("requests/s", metrics.rate(), 0),
                        new Column("p50 µs", metrics.p50(), 0),
                        new Column("p99 µs", metrics.p99(), 0),
                        new Column("server CPU µs / request", metrics.cpu(), 2),
                        new Column("bytes allocated / request", metrics.allocated(), 2)));
            }
        }
        if (workloads.contains(Workload.CONN10K)) {
            out.append("## (g) ").append(RunSettings.MANY_CONNECTIONS).append(" open connections, ")
                    .append(RunSettings.MANY_ACTIVE).append(" of them sending (64-byte echo), one C load generator for all\n\n");
            table(out, Implementation.C, List.of(
                    new Column("round trips/s", BenchRunner.MANY_RATE, 0),
                    new Column("server CPU µs / round trip", BenchRunner.MANY_CPU, 2)));
        }
        if (workloads.contains(Workload.MEMORY)) {
            out.append("## (h) Memory per registered idle TCP connection (").append(RunSettings.MEMORY_CONNECTIONS)
                    .append(" connections, after full GC, divided; × is the ratio to NIO)\n\n");
            table(out, Implementation.NIO, List.of(
                    new Column("heap B / connection", BenchRunner.MEMORY_HEAP, 0),
                    new Column("live objects B / connection (class histogram)", BenchRunner.MEMORY_LIVE, 0),
                    new Column("objects / connection", BenchRunner.MEMORY_OBJECTS, 1),
                    new Column("RSS growth B / connection (native)", BenchRunner.MEMORY_NATIVE, 0),
                    new Column("direct buffers B / connection", BenchRunner.MEMORY_DIRECT, 0)));
            memoryClassList(out);
        }
        return out.toString();
    }

    /** What the heap grew by, class by class, per connection (the last round measured). */
    private void memoryClassList(StringBuilder out) {
        if (memoryClasses.isEmpty()) {
            return;
        }
        out.append("Where the heap goes, per connection (class histogram growth over the ")
                .append(RunSettings.MEMORY_CONNECTIONS).append(" connections, the last round measured; ")
                .append("classes of at least 2 B per connection):\n\n");
        double n = RunSettings.MEMORY_CONNECTIONS;
        for (Implementation implementation : implementations) {
            List<BenchRunner.MemoryClass> classes = memoryClasses.get(implementation);
            if (classes == null) {
                continue;
            }
            List<String> parts = new ArrayList<>();
            for (BenchRunner.MemoryClass c : classes) {
                if (c.bytes() / n >= 2) {
                    parts.add(String.format(Locale.ROOT, "%s %.0f B (%.2f×)", c.name(), c.bytes() / n, c.instances() / n));
                }
            }
            out.append("* ").append(implementation.label()).append(": ").append(String.join(", ", parts)).append('\n');
        }
        out.append('\n');
    }

    private record Column(String title, Metric metric, int decimals) {
    }

    /** One row per implementation; × is the ratio to {@code base} within each round. */
    private void table(StringBuilder out, Implementation base, List<Column> columns) {
        out.append("| implementation |");
        for (Column column : columns) {
            out.append(' ').append(column.title()).append(" |");
        }
        out.append("\n|---|");
        out.append("---|".repeat(columns.size()));
        out.append('\n');
        for (Implementation implementation : implementations) {
            boolean any = false;
            StringBuilder row = new StringBuilder("| ").append(implementation.label()).append(" |");
            for (Column column : columns) {
                Spread spread = measurements.spread(column.metric(), implementation);
                any |= !spread.isEmpty();
                row.append(' ').append(figure(spread, column.decimals()));
                if (implementation != base && !spread.isEmpty()) {
                    row.append(ratio(measurements.ratioTo(column.metric(), implementation, base)));
                }
                row.append(" |");
            }
            if (any || base == Implementation.C) {
                out.append(row).append('\n');
            }
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

    /** How mio4j's figure, divided by another's within each round, must compare to a bound. */
    private enum Bound {
        AT_LEAST(">="), AT_MOST("<="), ABOVE(">"), BELOW("<");

        final String symbol;

        Bound(String symbol) {
            this.symbol = symbol;
        }

        boolean met(double ratio, double bound) {
            return switch (this) {
                case AT_LEAST -> ratio >= bound;
                case AT_MOST -> ratio <= bound;
                case ABOVE -> ratio > bound;
                case BELOW -> ratio < bound;
            };
        }
    }

    String targets() {
        StringBuilder out = new StringBuilder("## mio4j against the targets (measured in this run)\n\n");
        out.append("Each verdict is on the median over rounds of mio4j's figure divided by the other's in the same round.\n\n");
        int before = out.length();
        Implementation c = Implementation.C;
        if (workloads.contains(Workload.LATENCY)) {
            target(out, "ping-pong mean within 3% of C", BenchRunner.PING_PONG_MEAN, c, Bound.AT_MOST, 1.03);
            target(out, "ping-pong p99.9 within 15% of C", BenchRunner.PING_PONG_P999, c, Bound.AT_MOST, 1.15);
        }
        if (workloads.contains(Workload.ECHO)) {
            target(out, "echo round trips/s at least 0.95× C", BenchRunner.ECHO_RATE, c, Bound.AT_LEAST, 0.95);
            target(out, "echo server CPU per round trip at most 1.1× C", BenchRunner.ECHO_CPU, c, Bound.AT_MOST, 1.10);
        }
        if (workloads.contains(Workload.LATENCY)) {
            target(out, "wake-up p50 at most 1.1× C", BenchRunner.WAKE_UP_P50, c, Bound.AT_MOST, 1.10);
        }
        if (workloads.contains(Workload.ECHO) && implementations.contains(Implementation.MIO4J)) {
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
        }
        if (workloads.contains(Workload.HTTP)) {
            for (int connections : RunSettings.HTTP_CONNECTIONS) {
                BenchRunner.HttpMetrics m = BenchRunner.HTTP.get(connections);
                String at = "HTTP -c" + connections + " ";
                target(out, at + "requests/s ahead of NIO", m.rate(), Implementation.NIO, Bound.ABOVE, 1.0);
                target(out, at + "requests/s ahead of Netty", m.rate(), Implementation.NETTY, Bound.ABOVE, 1.0);
                target(out, at + "p99 below NIO's", m.p99(), Implementation.NIO, Bound.BELOW, 1.0);
                target(out, at + "p99 below Netty's", m.p99(), Implementation.NETTY, Bound.BELOW, 1.0);
                target(out, at + "requests/s at least 0.95× C", m.rate(), c, Bound.AT_LEAST, 0.95);
            }
        }
        if (workloads.contains(Workload.MEMORY)) {
            target(out, "heap per idle connection at most a quarter of NIO's", BenchRunner.MEMORY_HEAP,
                    Implementation.NIO, Bound.AT_MOST, 0.25);
        }
        if (out.length() == before) {
            out.append("No target belongs to the workloads of this run.\n");
        }
        out.append('\n');
        return out.toString();
    }

    private void target(StringBuilder out, String what, Metric metric, Implementation base, Bound bound, double value) {
        Spread ratio = measurements.ratioTo(metric, Implementation.MIO4J, base);
        if (ratio.isEmpty()) {
            out.append("* NOT MEASURED: ").append(what).append(" (needs mio4j and ").append(base.label())
                    .append(" in the same rounds)\n");
            return;
        }
        String unit = metric.unit().isEmpty() ? "" : " " + metric.unit();
        out.append(String.format(Locale.ROOT, "* %s: %s: ×%.3f of %s, needs %s %.2f (rounds ×%.3f–×%.3f; mio4j %s%s, %s %s%s)%n",
                bound.met(ratio.median(), value) ? "MET" : "MISSED", what, ratio.median(), base.label(), bound.symbol,
                value, ratio.min(), ratio.max(), figure(measurements.spread(metric, Implementation.MIO4J), 2), unit,
                base.label(), figure(measurements.spread(metric, base), 2), unit));
    }

    private String method() {
        StringBuilder out = new StringBuilder("## How it is measured\n\n");
        if (workloads.contains(Workload.LATENCY)) {
            out.append("""
                    * **(a)** Both ends are the implementation under test: its echo server on one thread, its client on \
                    another, in one process, one 64-byte message in flight. A sample is send-to-whole-echo on \
                    `System.nanoTime()` / `CLOCK_MONOTONIC`. Round trips/s is samples over the measured window.
                    """);
        }
        if (workloads.contains(Workload.ECHO)) {
            out.append("""
                    * **(b)** The server runs in a process of its own with one event-loop thread. One C load generator \
                    (`bench/c/load_generator.c`, edge-triggered epoll, one thread) drives every server alike: 256 \
                    connections, each with one 64-byte message in flight. Server CPU is `utime+stime` of the whole server \
                    process from `/proc/PID/stat` over the measured window (JIT and GC threads included for Java), \
                    divided by the round trips in that window.
                    * **(c)** `com.sun.management.ThreadMXBean#getThreadAllocatedBytes` of the echo server's event-loop \
                    thread over the measured window of (b), divided by the round trips it served in that window. C \
                    allocates nothing in its loop, by construction.
                    """);
        }
        if (workloads.contains(Workload.LATENCY)) {
            out.append("""
                    * **(d)** A poller thread blocks in the implementation's poll; another notes the time, then wakes it: \
                    eventfd write (C), `Selector.wakeup()`, `EventLoop.execute(task)` (Netty: the task runs right after \
                    the loop's epoll_wait returns), `Waker.wake()`. A sample ends when the poll has returned. The waking \
                    thread pauses 50 µs between wakes so that the poller is blocked again.
                    """);
        }
        if (workloads.contains(Workload.POLL_COST)) {
            out.append("""
                    * **(e)** JMH, average time. Idle sockets are loopback connections with both ends registered for \
                    reading. NIO calls epoll_ctl only inside a select (a key cancelled before one never reaches the \
                    kernel), so its register + deregister is `register`, `selectNow`, `cancel`, `selectNow`: two empty \
                    polls included. Netty has no user-level poll: its row drives the public 4.2 `IoHandler` API \
                    every Netty event loop runs on (`EpollIoHandler.run` with a non-blocking context; `register`, \
                    `submit(EPOLLIN)`, `cancel`).
                    """);
        }
        if (workloads.contains(Workload.LATENCY) || workloads.contains(Workload.ECHO)) {
            out.append("""
                    * C and mio4j run the same algorithm (edge-triggered, read until the read would block); NIO and \
                    Netty are written the way their users write them (NIO: level-triggered, one read per readiness, \
                    `select(Consumer)`; Netty: `channelRead` writes, `channelReadComplete` flushes, defaults left on).
                    """);
        }
        if (workloads.contains(Workload.HTTP)) {
            out.append("""
                    * **(f)** A hello-world HTTP/1.1 server in a process of its own, one event-loop thread, driven by \
                    `wrk -t1` (Debian's package, `bench/wrk/report.lua` prints its figures) with 64 and then 256 \
                    keep-alive connections: a warm-up run of wrk whose figures are dropped, then the measured run. \
                    Every server does the same work: parse the request line and the headers up to the blank line \
                    (Content-Length, Connection, Transfer-Encoding), answer the same RESPONSE_LENGTH-byte `200 OK`, keep the \
                    connection, answer pipelined requests in order, keep an incomplete head for the next read, stop \
                    reading while responses are left unsent. mio4j's server is the public example \
                    `examples/.../HttpServer.java` unchanged; NIO's runs the example's own `HttpConnection` class on \
                    a `Selector` (OP_WRITE alone while output is left); Netty's is a raw `ByteBuf` handler with the \
                    same parsing (no `HttpServerCodec`), responses of a read burst flushed at `channelReadComplete`; \
                    C's (`bench/c/http_server.c`) is the same algorithm on raw edge-triggered epoll. Before the rounds, \
                    each server is checked (`HttpConformance`: pipelined requests with a body to skip, a request in \
                    pieces, `Connection: close` and HTTP/1.0, a malformed head, 200 000 pipelined requests while the \
                    client does not read); one that fails is not measured. Requests/s, p50 and p99 are wrk's (latency \
                    from writing a request to reading its response; wrk is closed-loop, so this is not a \
                    coordinated-omission-corrected latency); any wrk error or non-2xx status voids the run. Server CPU \
                    is the server process's `utime+stime` over the measured wrk run, divided by its requests; bytes \
                    allocated as in (c), over the measured wrk run, which opens its connections inside that window: \
                    what a server allocates per connection (buffers, connection objects) is included.
                    """.replace("RESPONSE_LENGTH", String.valueOf(NettyHttpServer.OK.length)));
        }
        if (workloads.contains(Workload.CONN10K)) {
            out.append("""
                    * **(g)** The echo servers of (b), in a process of their own. The C load generator opens 10 000 \
                    connections in batches of 500, each connection sending one 64-byte message and each batch waiting \
                    for all its echoes (proof that the server accepted and registered them; the listen queue never \
                    overflows) before the next; then only 100 of them, every hundredth, keep a message in flight, and \
                    the other 9 900 stay open, registered and idle, through the warm-up and the measured window. Round \
                    trips/s and server CPU per round trip as in (b). Server and load generator are separate processes \
                    (about 10 000 descriptors each, under the 19 000 soft limit `scripts/bench.sh` sets).
                    """);
        }
        if (workloads.contains(Workload.MEMORY)) {
            out.append("""
                    * **(h)** One JVM per implementation (`MemoryMain`, with `-XX:+UseSerialGC -XX:+AlwaysPreTouch \
                    -Xint`) accepts connections from `bench/c/conn_holder.c` (another process, which only holds them) \
                    and registers each for reading: mio4j a `TcpStream` under a `Token` with a `Poll`; NIO a \
                    `SocketChannel` with a `Selector` (its `SelectionKey`, after the select that applies it); Netty an \
                    accepted epoll channel whose pipeline is empty (a `ChannelInitializer` that adds nothing), \
                    registered with its one event loop. 100 connections first (classes loaded, tables started), a \
                    measurement, 10 000 more (opened and accepted 500 at a time), a measurement; the difference \
                    divided by 10 000. Heap: \
                    `MemoryMXBean` heap used after `System.gc()` four times (Serial GC: full, compacting). Live \
                    objects: the `GC.class_histogram` total (after its own full GC); the class list below the table \
                    comes from it. Native: the growth of the process's VmRSS (`/proc/self/status`): the heap is \
                    resident from the start (AlwaysPreTouch) and nothing is compiled (-Xint), so RSS grows by native \
                    memory only; it is coarse (pages, glibc arenas), a few bytes per connection either way are noise. \
                    Direct buffers: the JDK's `direct` buffer pool. The kernel's own memory per socket and per epoll \
                    registration is not in any of these and is the same for every implementation. What mio4j holds \
                    natively per connection, by its code: nothing; a registration is one `epoll_ctl` call and the \
                    C shims keep no per-descriptor state; per-connection state is on the heap (the `TcpStream`, its \
                    socket and descriptor handle, a `Cleaner` registration, the `Token`, and four slots, 16 bytes, \
                    in the poller's descriptor-indexed token table, which grows by doubling). The off-heap event \
                    array belongs to each `Events` (its capacity, not the connections), and direct scratch buffers \
                    for heap-buffer I/O are per thread.
                    """);
        }
        out.append('\n');
        return out.toString();
    }

    /**
     * The README's benchmark paragraph, from this run's figures: mio4j's ratios within
     * each round, median over rounds, with NIO's and Netty's beside them.
     */
    String headline(String loadAtStart, boolean complete) {
        StringBuilder out = new StringBuilder();
        out.append(complete ? "In the latest complete run (" : settings.quick() ? "In this smoke run (" : "In this partial run (")
                .append(ZonedDateTime.now().toLocalDate()).append(", load average ")
                .append(loadAtStart).append(" at the start; ratios within each round, median of ")
                .append(settings.rounds()).append(" rounds):");
        List<String> parts = new ArrayList<>();
        if (workloads.contains(Workload.LATENCY)) {
            parts.add("mio4j's ping-pong mean was " + ratios(BenchRunner.PING_PONG_MEAN, Implementation.C) + ", its wake-up p50 "
                    + ratios(BenchRunner.WAKE_UP_P50, Implementation.C));
        }
        if (workloads.contains(Workload.ECHO)) {
            parts.add("it allocated " + values(BenchRunner.ALLOCATED, 1, " bytes") + " per echo round trip");
        }
        if (workloads.contains(Workload.HTTP)) {
            List<String> http = new ArrayList<>();
            for (int c : RunSettings.HTTP_CONNECTIONS) {
                BenchRunner.HttpMetrics m = BenchRunner.HTTP.get(c);
                http.add("with -c" + c + " its requests/s were " + ratios(m.rate(), Implementation.C) + " and its p99 "
                        + values(m.p99(), 0, " µs"));
            }
            parts.add("under wrk (HTTP/1.1 keep-alive hello world) " + String.join("; ", http));
        }
        if (workloads.contains(Workload.CONN10K)) {
            parts.add("with 10 000 connections open and 100 of them active its echo round trips/s were "
                    + ratios(BenchRunner.MANY_RATE, Implementation.C));
        }
        if (workloads.contains(Workload.MEMORY)) {
            parts.add("an idle registered connection held " + values(BenchRunner.MEMORY_HEAP, 0, " B") + " of heap");
        }
        for (int i = 0; i < parts.size(); i++) {
            out.append(i == 0 ? " " : i == parts.size() - 1 ? "; and " : "; ").append(parts.get(i));
        }
        return out.append(".").toString();
    }

    /** "1.04× C's (NIO 1.05×, Netty 1.22×)": mio4j's ratio to base, then the others'. */
    private String ratios(Metric metric, Implementation base) {
        StringBuilder out = new StringBuilder(ratioText(metric, Implementation.MIO4J, base)).append(' ')
                .append(base == Implementation.C ? "C's" : base.label() + "'s").append(" (");
        List<String> others = new ArrayList<>();
        for (Implementation other : List.of(Implementation.NIO, Implementation.NETTY)) {
            if (other != base) {
                others.add(shortName(other) + " " + ratioText(metric, other, base));
            }
        }
        return out.append(String.join(", ", others)).append(')').toString();
    }

    private String ratioText(Metric metric, Implementation implementation, Implementation base) {
        Spread ratio = measurements.ratioTo(metric, implementation, base);
        return ratio.isEmpty() ? "–" : String.format(Locale.ROOT, "%.2f×", ratio.median());
    }

    /** "292 B (NIO 696, Netty 1058)": mio4j's median, then the others'. */
    private String values(Metric metric, int decimals, String unit) {
        String format = "%." + decimals + "f";
        Spread mine = measurements.spread(metric, Implementation.MIO4J);
        StringBuilder out = new StringBuilder(mine.isEmpty() ? "–" : String.format(Locale.ROOT, format, mine.median()))
                .append(unit).append(" (");
        List<String> others = new ArrayList<>();
        for (Implementation other : List.of(Implementation.NIO, Implementation.NETTY)) {
            Spread theirs = measurements.spread(metric, other);
            others.add(shortName(other) + " " + (theirs.isEmpty() ? "–" : String.format(Locale.ROOT, format, theirs.median())));
        }
        return out.append(String.join(", ", others)).append(')').toString();
    }

    private static String shortName(Implementation implementation) {
        return switch (implementation) {
            case C -> "C";
            case NIO -> "NIO";
            case NETTY -> "Netty";
            case MIO4J -> "mio4j";
            case MIO4J_FFM -> "mio4j FFM";
            case MIO4J_JNA -> "mio4j JNA";
        };
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String wrkVersion() {
        try {
            Process wrk = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
            String text = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            wrk.waitFor();
            String first = text.lines().findFirst().orElse("wrk").trim();
            int copyright = first.indexOf(" Copyright");
            return copyright > 0 ? first.substring(0, copyright) : first;
        } catch (IOException e) {
            return "wrk";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "wrk";
        }
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
