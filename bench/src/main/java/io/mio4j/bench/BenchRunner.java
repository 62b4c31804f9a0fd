package io.mio4j.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every workload for every implementation, round after round, and writes the
 * report. Within a round each workload runs once per implementation, in an order that
 * rotates from round to round (round-robin), so that drift on a shared machine lands on
 * every implementation alike.
 *
 * <pre>BenchRunner BENCH_DIR C_BINARIES_DIR COMMAND_LINE</pre>
 *
 * Environment: BENCH_QUICK=1 for a smoke run; BENCH_IMPLEMENTATIONS=C,NIO,... to run
 * only some implementations, BENCH_ONLY=http,conn10k,... only some workloads (see
 * {@link Workload}); BENCH_STARTED_AT (epoch seconds) when the script started, to report
 * the end-to-end time. Only a complete run (every workload and implementation, not
 * quick) writes bench/RESULTS.md; any other goes to bench/target/bench-run/.
 */
public final class BenchRunner {
    static final Metric PING_PONG_MEAN = Metric.lowerIsBetter("ping-pong", "mean", "µs");
    static final Metric PING_PONG_P50 = Metric.lowerIsBetter("ping-pong", "p50", "µs");
    static final Metric PING_PONG_P99 = Metric.lowerIsBetter("ping-pong", "p99", "µs");
    static final Metric PING_PONG_P999 = Metric.lowerIsBetter("ping-pong", "p99.9", "µs");
    static final Metric PING_PONG_RATE = Metric.higherIsBetter("ping-pong", "round trips/s", "1/s");
    static final Metric ECHO_RATE = Metric.higherIsBetter("echo", "round trips/s", "1/s");
    static final Metric ECHO_CPU = Metric.lowerIsBetter("echo", "server CPU per round trip", "µs");
    static final Metric ALLOCATED = Metric.lowerIsBetter("echo", "bytes allocated per round trip", "B");
    static final Metric WAKE_UP_P50 = Metric.lowerIsBetter("wake-up", "p50", "µs");
    static final Metric WAKE_UP_P99 = Metric.lowerIsBetter("wake-up", "p99", "µs");
    /** Workload (f), one set per wrk connection count. */
    static final Map<Integer, HttpMetrics> HTTP = HttpMetrics.forEach(RunSettings.HTTP_CONNECTIONS);
    static final Metric MANY_RATE = Metric.higherIsBetter("conn10k", "round trips/s", "1/s");
    static final Metric MANY_CPU = Metric.lowerIsBetter("conn10k", "server CPU per round trip", "µs");
    static final Metric MEMORY_HEAP = Metric.lowerIsBetter("memory", "heap per connection", "B");
    static final Metric MEMORY_LIVE = Metric.lowerIsBetter("memory", "live objects per connection", "B");
    static final Metric MEMORY_OBJECTS = Metric.lowerIsBetter("memory", "objects per connection", "");
    static final Metric MEMORY_NATIVE = Metric.lowerIsBetter("memory", "RSS growth per connection", "B");
    static final Metric MEMORY_DIRECT = Metric.lowerIsBetter("memory", "direct buffers per connection", "B");

    /** The metrics of workload (f) at one wrk connection count. */
    record HttpMetrics(Metric rate, Metric p50, Metric p99, Metric cpu, Metric allocated) {
        static Map<Integer, HttpMetrics> forEach(List<Integer> connectionCounts) {
            Map<Integer, HttpMetrics> all = new java.util.LinkedHashMap<>();
            for (int c : connectionCounts) {
                String workload = "http -c" + c;
                all.put(c, new HttpMetrics(Metric.higherIsBetter(workload, "requests/s", "1/s"),
                        Metric.lowerIsBetter(workload, "p50", "µs"), Metric.lowerIsBetter(workload, "p99", "µs"),
                        Metric.lowerIsBetter(workload, "server CPU per request", "µs"),
                        Metric.lowerIsBetter(workload, "bytes allocated per request", "B")));
            }
            return all;
        }
    }

    /**
     * The same for every Java process, servers, latency runs and JMH forks alike. The
     * native-access flag keeps JDK 24+ from warning when a class-path library (mio4j,
     * Netty) loads its native library; JDK 17 accepts it too.
     */
    static final List<String> JVM_OPTIONS = List.of("-Xms512m", "-Xmx512m", "--enable-native-access=ALL-UNNAMED");
    /**
     * Added for workload (h)'s JVMs: a compacting full GC for System.gc(), the whole heap
     * resident from the start (so RSS grows only by native memory), and no JIT (no code
     * or compiler memory growing RSS while connections are accepted).
     */
    static final List<String> MEMORY_JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:+AlwaysPreTouch", "-Xint");

    private static final long HIGHEST_NANOS = 3_600_000_000_000L;

    private final Path benchDir;
    private final Path cBinaries;
    private final Path runDir;
    private final RunSettings settings;
    private final List<Implementation> implementations;
    private final java.util.Set<Workload> workloads;
    private final Measurements measurements = new Measurements();
    private final Map<Implementation, Histogram> pingPongLatency = new EnumMap<>(Implementation.class);
    private final Map<Implementation, Histogram> wakeUpLatency = new EnumMap<>(Implementation.class);
    private final PollCostResults pollCost = new PollCostResults();
    private final CpuPinning pinning = CpuPinning.detect();
    private final Wrk wrk;
    /** Workload (f): wrk's percentile curve of every round, by connection count and implementation. */
    private final Map<Integer, Map<Implementation, List<double[]>>> httpCurves = new HashMap<>();
    /** Implementations whose HTTP server failed HttpConformance: not measured. */
    private final java.util.Set<Implementation> httpRejected = java.util.EnumSet.noneOf(Implementation.class);
    /** Workload (h): the per-class growth of the last round, by implementation. */
    private final Map<Implementation, List<MemoryClass>> memoryClasses = new EnumMap<>(Implementation.class);

    /** One class's share of the heap growth over the measured connections. */
    record MemoryClass(String name, long bytes, long instances) {
    }

    private BenchRunner(Path benchDir, Path cBinaries, RunSettings settings, List<Implementation> implementations,
            java.util.Set<Workload> workloads) {
        this.benchDir = benchDir;
        this.cBinaries = cBinaries;
        this.runDir = benchDir.resolve("target").resolve("bench-run");
        this.settings = settings;
        this.implementations = implementations;
        this.workloads = workloads;
        this.wrk = new Wrk(benchDir.resolve("wrk").resolve("report.lua"), pinning);
        for (int c : RunSettings.HTTP_CONNECTIONS) {
            httpCurves.put(c, new EnumMap<>(Implementation.class));
        }
        for (Implementation implementation : implementations) {
            pingPongLatency.put(implementation, newHistogram());
            wakeUpLatency.put(implementation, newHistogram());
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: BenchRunner BENCH_DIR C_BINARIES_DIR COMMAND_LINE");
            System.exit(2);
        }
        RunSettings settings = "1".equals(System.getenv("BENCH_QUICK")) ? RunSettings.quickSmoke() : RunSettings.standard();
        List<Implementation> implementations = new ArrayList<>(List.of(Implementation.values()));
        if (Runtime.version().feature() < 22) {
            implementations.remove(Implementation.MIO4J_FFM);   // FFM needs JDK 22+: run with a newer java
            System.out.println("mio4j FFM left out: this JVM is " + Runtime.version() + ", FFM needs 22+");
        }
        String only = System.getenv("BENCH_IMPLEMENTATIONS");
        if (only != null && !only.isBlank()) {
            implementations.clear();
            for (String name : only.split(",")) {
                implementations.add(Implementation.valueOf(name.trim().toUpperCase()));
            }
        }
        long startedAt = System.currentTimeMillis();
        String scriptStart = System.getenv("BENCH_STARTED_AT");
        if (scriptStart != null && !scriptStart.isBlank()) {
            startedAt = Long.parseLong(scriptStart.trim()) * 1000;
        }
        java.util.Set<Workload> workloads = Workload.parse(System.getenv("BENCH_ONLY"));
        String loadAtStart = Report.loadAverage();
        BenchRunner runner = new BenchRunner(Path.of(args[0]).toAbsolutePath(), Path.of(args[1]).toAbsolutePath(),
                settings, implementations, workloads);
        System.out.println("workloads: " + workloads.stream().map(w -> w.label).toList());
        runner.runAll();

        Report report = new Report(settings, implementations, workloads, runner.measurements, runner.pollCost,
                runner.memoryClasses, runner.pinning, args[2]);
        boolean complete = !settings.quick() && workloads.size() == Workload.values().length
                && implementations.size() == Implementation.values().length;
        Files.createDirectories(runner.runDir);
        Path results = complete ? runner.benchDir.resolve("RESULTS.md") : runner.runDir.resolve("RESULTS.md");
        List<String> charts = runner.writeCharts(results.getParent());
        double seconds = (System.currentTimeMillis() - startedAt) / 1000.0;
        String text = report.render(seconds, charts, loadAtStart);
        Files.writeString(results, text);
        String headline = report.headline(loadAtStart, complete);
        if (complete) {
            updateReadmeHeadline(runner.benchDir.getParent().resolve("README.md"), headline);
        } else {
            Files.writeString(runner.runDir.resolve("HEADLINE.md"), headline + "\n");
        }
        System.out.println(report.tables());
        System.out.println(report.targets());
        System.out.println("Headline" + (complete ? " (written to README.md)" : "") + ":\n" + headline + "\n");
        System.out.printf("Report: %s%s%nCharts: %s%nTook %.0f s in all.%n", results,
                complete ? "" : " (not a complete run: bench/RESULTS.md is left as it was)", charts, seconds);
        System.exit(0);
    }

    static final String HEADLINE_BEGIN = "<!-- bench headline: written by scripts/bench.sh after a complete run -->";
    static final String HEADLINE_END = "<!-- end of bench headline -->";

    /** Replaces the README's paragraph between the headline markers, if it has them. */
    private static void updateReadmeHeadline(Path readme, String headline) throws IOException {
        if (!Files.isRegularFile(readme)) {
            return;
        }
        String text = Files.readString(readme);
        int begin = text.indexOf(HEADLINE_BEGIN);
        int end = text.indexOf(HEADLINE_END);
        if (begin < 0 || end < begin) {
            System.out.println("README.md has no bench headline markers: headline not written");
            return;
        }
        String wrapped = wrap(headline, 90);
        Files.writeString(readme, text.substring(0, begin + HEADLINE_BEGIN.length()) + "\n" + wrapped + "\n"
                + text.substring(end));
        System.out.println("README.md: benchmark headline updated");
    }

    /** Breaks text into lines of at most width characters, at spaces. */
    private static String wrap(String text, int width) {
        StringBuilder out = new StringBuilder();
        int lineLength = 0;
        for (String word : text.split(" ")) {
            if (lineLength > 0 && lineLength + 1 + word.length() > width) {
                out.append('\n');
                lineLength = 0;
            } else if (lineLength > 0) {
                out.append(' ');
                lineLength++;
            }
            out.append(word);
            lineLength += word.length();
        }
        return out.toString();
    }

    /** The charts of the workloads that ran, written next to the report; returns their file names. */
    private List<String> writeCharts(Path dir) throws IOException {
        List<String> files = new ArrayList<>();
        if (workloads.contains(Workload.LATENCY)) {
            PercentileChart.write(List.of(
                    PercentileChart.Panel.of("(a) ping-pong round trip, 64 B, 1 connection", pingPongLatency),
                    PercentileChart.Panel.of("(d) wake-up to poll returning", wakeUpLatency)),
                    dir.resolve("latency-percentiles.png"));
            files.add("latency-percentiles.png");
        }
        if (workloads.contains(Workload.HTTP)) {
            List<PercentileChart.Panel> panels = new ArrayList<>();
            for (int c : RunSettings.HTTP_CONNECTIONS) {
                panels.add(PercentileChart.Panel.ofCurves("(f) HTTP under wrk -t1 -c" + c
                        + ", median per percentile over rounds", medianCurves(httpCurves.get(c)), Wrk.NINES_STEP));
            }
            PercentileChart.write(panels, dir.resolve("http-latency-percentiles.png"));
            files.add("http-latency-percentiles.png");
        }
        List<BarChart.Panel> bars = new ArrayList<>();
        if (workloads.contains(Workload.HTTP)) {
            for (int c : RunSettings.HTTP_CONNECTIONS) {
                bars.add(new BarChart.Panel("(f) HTTP -c" + c + ": requests/s", HTTP.get(c).rate(), 0));
            }
        }
        if (workloads.contains(Workload.CONN10K)) {
            bars.add(new BarChart.Panel("(g) 10 000 conn., 100 active: round trips/s", MANY_RATE, 0));
            bars.add(new BarChart.Panel("(g) server CPU µs / round trip", MANY_CPU, 2));
        }
        if (workloads.contains(Workload.MEMORY)) {
            bars.add(new BarChart.Panel("(h) heap bytes / idle connection", MEMORY_HEAP, 0));
        }
        if (!bars.isEmpty()) {
            BarChart.write(bars, implementations, measurements, dir.resolve("throughput-memory.png"));
            files.add("throughput-memory.png");
        }
        return files;
    }

    /** Per implementation, the median over rounds at every point of the curve. */
    private static Map<Implementation, double[]> medianCurves(Map<Implementation, List<double[]>> rounds) {
        Map<Implementation, double[]> medians = new EnumMap<>(Implementation.class);
        for (Map.Entry<Implementation, List<double[]>> entry : rounds.entrySet()) {
            List<double[]> curves = entry.getValue();
            if (curves.isEmpty()) {
                continue;
            }
            int points = curves.stream().mapToInt(curve -> curve.length).min().orElse(0);
            double[] median = new double[points];
            for (int i = 0; i < points; i++) {
                List<Double> values = new ArrayList<>();
                for (double[] curve : curves) {
                    values.add(curve[i]);
                }
                median[i] = Spread.of(values).median();
            }
            medians.put(entry.getKey(), median);
        }
        return medians;
    }

    private void runAll() throws IOException, InterruptedException {
        Files.createDirectories(runDir);
        if (workloads.contains(Workload.HTTP)) {
            System.out.println("HTTP servers: checking that each answers pipelined, split, closing, malformed and"
                    + " back-pressured requests correctly");
            for (Implementation implementation : implementations) {
                if (!attempt(implementation, "HTTP check", 0, this::checkHttpServer)) {
                    httpRejected.add(implementation);
                }
            }
        }
        for (int round = 0; round < settings.rounds(); round++) {
            List<Implementation> order = rotated(round);
            System.out.printf("round %d/%d, order %s%n", round + 1, settings.rounds(), order);
            if (workloads.contains(Workload.LATENCY)) {
                for (Implementation implementation : order) {
                    attempt(implementation, "latency round " + (round + 1), round, this::runLatency);
                }
            }
            if (workloads.contains(Workload.ECHO)) {
                for (Implementation implementation : order) {
                    attempt(implementation, "echo round " + (round + 1), round, this::runEcho);
                }
            }
            if (workloads.contains(Workload.HTTP)) {
                for (Implementation implementation : order) {
                    if (!httpRejected.contains(implementation)) {
                        attempt(implementation, "HTTP round " + (round + 1), round, this::runHttp);
                    }
                }
            }
            if (workloads.contains(Workload.CONN10K)) {
                for (Implementation implementation : order) {
                    attempt(implementation, "conn10k round " + (round + 1), round, this::runManyConnections);
                }
            }
            if (workloads.contains(Workload.MEMORY) && round < settings.memoryRounds()) {
                for (Implementation implementation : order) {
                    if (implementation.isJava()) {
                        attempt(implementation, "memory round " + (round + 1), round, this::runMemory);
                    }
                }
            }
        }
        if (workloads.contains(Workload.POLL_COST)) {
            System.out.println("poll cost (e)");
            if (implementations.contains(Implementation.C)) {
                attempt(Implementation.C, "poll cost", 0, (implementation, round) -> runCPollCost());
            }
            runJmhPollCost();
        }
    }

    private List<Implementation> rotated(int round) {
        List<Implementation> order = new ArrayList<>(implementations);
        java.util.Collections.rotate(order, -round);
        return order;
    }

    private interface Step {
        void run(Implementation implementation, int round) throws Exception;
    }

    /** A failing implementation is reported and the run goes on with the others; false when it failed. */
    private boolean attempt(Implementation implementation, String what, int round, Step step) {
        try {
            step.run(implementation, round);
            return true;
        } catch (Exception e) {
            String message = what + ": " + e;
            System.out.println("  FAILED " + implementation + " " + message);
            measurements.fail(implementation, message);
            return false;
        }
    }

    // ---- (a) ping-pong and (d) wake-up --------------------------------------------

    private void runLatency(Implementation implementation, int round) throws Exception {
        Path dir = roundDir(round, implementation);
        List<String> arguments = List.of(dir.toString(),
                String.valueOf(settings.pingPongWarmupMillis()), String.valueOf(settings.pingPongMillis()),
                String.valueOf(settings.wakeUpWarmupMillis()), String.valueOf(settings.wakeUpMillis()));
        List<String> command = implementation.isJava()
                ? javaCommand(implementation, "io.mio4j.bench.LatencyMain", prepend(implementation.name(), arguments))
                : prepend(cBinaries.resolve("latency").toString(), arguments);
        Duration timeout = Duration.ofMillis(settings.pingPongWarmupMillis() + settings.pingPongMillis()
                + settings.wakeUpWarmupMillis() + settings.wakeUpMillis()).plusSeconds(30);
        Map<String, String> fields = new HashMap<>();
        try (ChildProcess child = ChildProcess.start(pinning.onMeasuredCpu(command), dir.resolve("latency.stderr"), timeout)) {
            String line;
            while ((line = child.readLine()) != null) {
                fields.putAll(parseFields(line));
            }
            child.awaitSuccess();
        }
        Histogram pingPong = histogramOf(LatencySamples.read(dir.resolve("ping-pong.bin")));
        if (pingPong.getTotalCount() == 0) {
            throw new IOException("no ping-pong samples");
        }
        pingPongLatency.get(implementation).add(pingPong);
        measurements.add(PING_PONG_MEAN, implementation, round, pingPong.getMean() / 1000);
        measurements.add(PING_PONG_P50, implementation, round, pingPong.getValueAtPercentile(50) / 1000.0);
        measurements.add(PING_PONG_P99, implementation, round, pingPong.getValueAtPercentile(99) / 1000.0);
        measurements.add(PING_PONG_P999, implementation, round, pingPong.getValueAtPercentile(99.9) / 1000.0);
        measurements.add(PING_PONG_RATE, implementation, round,
                Double.parseDouble(fields.get("ping_pong_round_trips")) / Double.parseDouble(fields.get("ping_pong_seconds")));

        Histogram wakeUp = histogramOf(LatencySamples.read(dir.resolve("wake-up.bin")));
        if (wakeUp.getTotalCount() == 0) {
            throw new IOException("no wake-up samples");
        }
        wakeUpLatency.get(implementation).add(wakeUp);
        measurements.add(WAKE_UP_P50, implementation, round, wakeUp.getValueAtPercentile(50) / 1000.0);
        measurements.add(WAKE_UP_P99, implementation, round, wakeUp.getValueAtPercentile(99) / 1000.0);
        System.out.printf("  %-6s ping-pong mean %.1f µs p99.9 %.1f µs; wake-up p50 %.1f µs%n", implementation,
                pingPong.getMean() / 1000, pingPong.getValueAtPercentile(99.9) / 1000.0,
                wakeUp.getValueAtPercentile(50) / 1000.0);
    }

    // ---- (b) echo under 256 connections and (c) allocation ------------------------

    private void runEcho(Implementation implementation, int round) throws Exception {
        EchoLoad load = runEchoLoad(implementation, round, "echo", RunSettings.CONNECTIONS, RunSettings.CONNECTIONS,
                settings.echoWarmupMillis(), settings.echoMillis());
        measurements.add(ECHO_RATE, implementation, round, load.roundTripsPerSecond());
        measurements.add(ECHO_CPU, implementation, round, load.cpuMicrosPerRoundTrip());
        measurements.add(ALLOCATED, implementation, round, load.allocatedPerRoundTrip());
        System.out.printf("  %-6s echo %.0f round trips/s, %.2f µs server CPU per round trip, %.2f B per round trip%n",
                implementation, load.roundTripsPerSecond(), load.cpuMicrosPerRoundTrip(), load.allocatedPerRoundTrip());
    }

    // ---- (g) 10 000 connections, 100 of them active ---------------------------------

    private void runManyConnections(Implementation implementation, int round) throws Exception {
        EchoLoad load = runEchoLoad(implementation, round, "conn10k", RunSettings.MANY_CONNECTIONS,
                RunSettings.MANY_ACTIVE, settings.conn10kWarmupMillis(), settings.conn10kMillis());
        if (load.firstEchoes() != RunSettings.MANY_CONNECTIONS) {
            throw new IOException("only " + load.firstEchoes() + " of " + RunSettings.MANY_CONNECTIONS
                    + " connections had their first echo back during the set-up");
        }
        measurements.add(MANY_RATE, implementation, round, load.roundTripsPerSecond());
        measurements.add(MANY_CPU, implementation, round, load.cpuMicrosPerRoundTrip());
        System.out.printf("  %-6s conn10k %.0f round trips/s, %.2f µs server CPU per round trip (set-up %.2f s)%n",
                implementation, load.roundTripsPerSecond(), load.cpuMicrosPerRoundTrip(), load.setupSeconds());
    }

    /** What the load generator and the server's marks gave over the measured window. */
    private record EchoLoad(double roundTrips, double seconds, double cpuSeconds, double allocated,
            double echoedRoundTrips, long firstEchoes, double setupSeconds) {
        double roundTripsPerSecond() {
            return roundTrips / seconds;
        }

        double cpuMicrosPerRoundTrip() {
            return cpuSeconds * 1e6 / roundTrips;
        }

        double allocatedPerRoundTrip() {
            return allocated / echoedRoundTrips;
        }
    }

    /** The echo server of the implementation under the C load generator: (b), or (g) with few active. */
    private EchoLoad runEchoLoad(Implementation implementation, int round, String name, int connections, int active,
            long warmupMillis, long measureMillis) throws Exception {
        Path dir = roundDir(round, implementation);
        List<String> serverCommand = implementation.isJava()
                ? javaCommand(implementation, "io.mio4j.bench.EchoServerMain", List.of(implementation.name()))
                : List.of(cBinaries.resolve("echo_server").toString());
        // (g) opens 10 000 connections before its warm-up starts (the generator bounds that at 120 s).
        Duration timeout = Duration.ofMillis(warmupMillis + measureMillis).plusSeconds(connections > 1000 ? 150 : 30);
        Map<String, String> atStart = null;
        Map<String, String> atEnd = null;
        Map<String, String> result = null;
        try (ChildProcess server = ChildProcess.start(pinning.onMeasuredCpu(serverCommand),
                dir.resolve(name + "-server.stderr"), timeout)) {
            String port = readPort(server);
            List<String> generatorCommand = new ArrayList<>(List.of(cBinaries.resolve("load_generator").toString(), port,
                    String.valueOf(connections), String.valueOf(warmupMillis), String.valueOf(measureMillis),
                    String.valueOf(server.pid())));
            if (active != connections) {
                generatorCommand.add(String.valueOf(active));
            }
            try (ChildProcess generator = ChildProcess.start(pinning.onLoadGeneratorCpu(generatorCommand),
                    dir.resolve(name + "-load-generator.stderr"), timeout)) {
                String line;
                while ((line = generator.readLine()) != null) {
                    if (line.equals("measure-start")) {
                        atStart = mark(server);
                    } else if (line.equals("measure-end")) {
                        atEnd = mark(server);
                    } else if (line.startsWith("round_trips=")) {
                        result = parseFields(line);
                    }
                }
                generator.awaitSuccess();
            }
            server.writeLine("quit");
            server.awaitSuccess();
        }
        if (atStart == null || atEnd == null || result == null) {
            throw new IOException("the load generator ended early");
        }
        double echoedRoundTrips = (Double.parseDouble(atEnd.get("echoed")) - Double.parseDouble(atStart.get("echoed")))
                / RunSettings.MESSAGE_SIZE;
        double allocated = Double.parseDouble(atEnd.get("allocated")) - Double.parseDouble(atStart.get("allocated"));
        return new EchoLoad(Double.parseDouble(result.get("round_trips")), Double.parseDouble(result.get("seconds")),
                Double.parseDouble(result.get("server_cpu_seconds")), allocated, echoedRoundTrips,
                Long.parseLong(result.get("first_echoes")), Double.parseDouble(result.get("setup_seconds")));
    }

    /** The "port=N" line every server prints first. */
    private static String readPort(ChildProcess server) throws IOException {
        String first = server.readLine();
        if (first == null || !first.startsWith("port=")) {
            throw new IOException("the server did not start" + server.stderrTail());
        }
        return parseFields(first).get("port");
    }

    // ---- (f) HTTP/1.1 keep-alive under wrk -------------------------------------------

    private List<String> httpServerCommand(Implementation implementation) {
        return implementation.isJava()
                ? javaCommand(implementation, "io.mio4j.bench.HttpServerMain", List.of(implementation.name()))
                : List.of(cBinaries.resolve("http_server").toString());
    }

    /** Before any round: a server of its own, checked by HttpConformance, then stopped. */
    private void checkHttpServer(Implementation implementation, int round) throws Exception {
        Path dir = runDir.resolve("http-check").resolve(implementation.name().toLowerCase());
        try (ChildProcess server = ChildProcess.start(pinning.onMeasuredCpu(httpServerCommand(implementation)),
                dir.resolve("http-server.stderr"), Duration.ofSeconds(120))) {
            HttpConformance.check(Integer.parseInt(readPort(server)));
            server.writeLine("quit");
            server.awaitSuccess();
        }
        System.out.printf("  %-6s answers correctly%n", implementation);
    }

    private void runHttp(Implementation implementation, int round) throws Exception {
        Path dir = roundDir(round, implementation);
        int wrkSeconds = RunSettings.HTTP_CONNECTIONS.size() * (settings.httpWarmupSeconds() + settings.httpSeconds());
        try (ChildProcess server = ChildProcess.start(pinning.onMeasuredCpu(httpServerCommand(implementation)),
                dir.resolve("http-server.stderr"), Duration.ofSeconds(wrkSeconds + 60))) {
            int port = Integer.parseInt(readPort(server));
            StringBuilder line = new StringBuilder(String.format("  %-6s HTTP", implementation));
            for (int connections : RunSettings.HTTP_CONNECTIONS) {
                HttpMetrics metrics = HTTP.get(connections);
                wrk.run(port, connections, settings.httpWarmupSeconds(), dir.resolve("wrk-warmup-c" + connections + ".log"));
                double allocatedBefore = Double.parseDouble(mark(server).get("allocated"));
                double cpuBefore = ProcStat.cpuSeconds(server.pid());
                Wrk.Result result = wrk.run(port, connections, settings.httpSeconds(),
                        dir.resolve("wrk-c" + connections + ".log"));
                double cpu = ProcStat.cpuSeconds(server.pid()) - cpuBefore;
                double allocated = Double.parseDouble(mark(server).get("allocated")) - allocatedBefore;
                measurements.add(metrics.rate(), implementation, round, result.requestsPerSecond());
                measurements.add(metrics.p50(), implementation, round, result.p50Micros());
                measurements.add(metrics.p99(), implementation, round, result.p99Micros());
                measurements.add(metrics.cpu(), implementation, round, cpu * 1e6 / result.requests());
                measurements.add(metrics.allocated(), implementation, round, allocated / result.requests());
                httpCurves.get(connections).computeIfAbsent(implementation, i -> new ArrayList<>())
                        .add(result.curveMicros());
                line.append(String.format(" | -c%d %.0f req/s, p50 %.0f µs, p99 %.0f µs, %.2f µs CPU/req", connections,
                        result.requestsPerSecond(), result.p50Micros(), result.p99Micros(),
                        cpu * 1e6 / result.requests()));
            }
            server.writeLine("quit");
            server.awaitSuccess();
            System.out.println(line);
        }
    }

    // ---- (h) memory per idle connection ----------------------------------------------

    private void runMemory(Implementation implementation, int round) throws Exception {
        Path dir = roundDir(round, implementation);
        List<String> command = javaCommand(implementation, "io.mio4j.bench.MemoryMain", List.of(implementation.name()),
                MEMORY_JVM_OPTIONS);
        Duration timeout = Duration.ofSeconds(300);
        Map<String, String> before;
        Map<String, String> after;
        List<MemoryClass> classesBefore = new ArrayList<>();
        List<MemoryClass> classesAfter = new ArrayList<>();
        try (ChildProcess jvm = ChildProcess.start(pinning.onMeasuredCpu(command), dir.resolve("memory.stderr"), timeout)) {
            String port = readPort(jvm);
            try (ChildProcess holder = ChildProcess.start(
                    pinning.onLoadGeneratorCpu(List.of(cBinaries.resolve("conn_holder").toString(), port)),
                    dir.resolve("conn-holder.stderr"), timeout)) {
                open(jvm, holder, RunSettings.MEMORY_WARMUP_CONNECTIONS);
                before = measureMemory(jvm, classesBefore);
                open(jvm, holder, RunSettings.MEMORY_CONNECTIONS);
                after = measureMemory(jvm, classesAfter);
                holder.writeLine("quit");
                holder.awaitSuccess();
            }
            jvm.writeLine("quit");
            jvm.awaitSuccess();
        }
        double n = RunSettings.MEMORY_CONNECTIONS;
        double heap = (Double.parseDouble(after.get("heap")) - Double.parseDouble(before.get("heap"))) / n;
        double live = (Double.parseDouble(after.get("histogram")) - Double.parseDouble(before.get("histogram"))) / n;
        double objects = (Double.parseDouble(after.get("instances")) - Double.parseDouble(before.get("instances"))) / n;
        double rss = (Double.parseDouble(after.get("rss")) - Double.parseDouble(before.get("rss"))) / n;
        double direct = (Double.parseDouble(after.get("direct")) - Double.parseDouble(before.get("direct"))) / n;
        measurements.add(MEMORY_HEAP, implementation, round, heap);
        measurements.add(MEMORY_LIVE, implementation, round, live);
        measurements.add(MEMORY_OBJECTS, implementation, round, objects);
        measurements.add(MEMORY_NATIVE, implementation, round, rss);
        measurements.add(MEMORY_DIRECT, implementation, round, direct);
        Map<String, MemoryClass> baseline = new HashMap<>();
        for (MemoryClass c : classesBefore) {
            baseline.put(c.name(), c);
        }
        List<MemoryClass> growth = new ArrayList<>();
        for (MemoryClass c : classesAfter) {
            MemoryClass b = baseline.getOrDefault(c.name(), new MemoryClass(c.name(), 0, 0));
            if (c.bytes() != b.bytes()) {
                growth.add(new MemoryClass(c.name(), c.bytes() - b.bytes(), c.instances() - b.instances()));
            }
        }
        growth.sort((a, b) -> Long.compare(b.bytes(), a.bytes()));
        memoryClasses.put(implementation, growth);
        System.out.printf("  %-6s memory: heap %.0f B, live objects %.0f B (%.1f objects), RSS %.0f B, direct %.0f B"
                + " per connection%n", implementation, heap, live, objects, rss, direct);
    }

    /**
     * Has the holder open k more connections while the JVM accepts and registers them, a
     * batch at a time, so that the listen queue (1024) never overflows: a dropped SYN
     * costs the holder a one-second retransmission.
     */
    private static void open(ChildProcess jvm, ChildProcess holder, int k) throws IOException {
        for (int done = 0; done < k; ) {
            int batch = Math.min(500, k - done);
            jvm.writeLine("accept " + batch);
            holder.writeLine("open " + batch);
            String opened = holder.readLine();
            if (opened == null || !opened.startsWith("opened=")) {
                throw new IOException("conn_holder failed" + holder.stderrTail());
            }
            String accepted = jvm.readLine();
            if (accepted == null || !accepted.startsWith("accepted=")) {
                throw new IOException("the JVM did not accept the connections" + jvm.stderrTail());
            }
            done += batch;
        }
    }

    /** One "measure" of MemoryMain: its totals; the per-class lines go to {@code classes}. */
    private static Map<String, String> measureMemory(ChildProcess jvm, List<MemoryClass> classes) throws IOException {
        jvm.writeLine("measure");
        Map<String, String> totals = null;
        String line;
        while ((line = jvm.readLine()) != null && !line.equals("end")) {
            Map<String, String> fields = parseFields(line);
            if (line.startsWith("heap=")) {
                totals = fields;
            } else if (line.startsWith("class=")) {
                classes.add(new MemoryClass(fields.get("class"), Long.parseLong(fields.get("bytes")),
                        Long.parseLong(fields.get("instances"))));
            }
        }
        if (totals == null) {
            throw new IOException("the JVM gave no measurement" + jvm.stderrTail());
        }
        return totals;
    }

    private static Map<String, String> mark(ChildProcess server) throws IOException {
        server.writeLine("mark");
        String reply = server.readLine();
        if (reply == null) {
            throw new IOException("the server died" + server.stderrTail());
        }
        return parseFields(reply);
    }

    // ---- (e) poll cost --------------------------------------------------------------

    private void runCPollCost() throws Exception {
        for (int idle : new int[] {0, RunSettings.IDLE_SOCKETS}) {
            List<Double> poll = new ArrayList<>();
            List<Double> register = new ArrayList<>();
            List<String> command = List.of(cBinaries.resolve("poll_cost").toString(), String.valueOf(idle),
                    String.valueOf(settings.cPollBatches()));
            try (ChildProcess child = ChildProcess.start(command, runDir.resolve("poll-cost-c.stderr"), Duration.ofSeconds(60))) {
                String line;
                while ((line = child.readLine()) != null) {
                    Map<String, String> fields = parseFields(line);
                    poll.add(Double.parseDouble(fields.get("poll_ns")));
                    register.add(Double.parseDouble(fields.get("register_deregister_ns")));
                }
                child.awaitSuccess();
            }
            pollCost.put(PollCostResults.Operation.POLL_NOTHING_READY, idle, Implementation.C, Spread.of(poll));
            pollCost.put(PollCostResults.Operation.REGISTER_DEREGISTER, idle, Implementation.C, Spread.of(register));
        }
    }

    private void runJmhPollCost() {
        Map<String, Implementation> benchmarkClasses = new HashMap<>();
        for (Implementation implementation : implementations) {
            switch (implementation) {
                case NIO -> benchmarkClasses.put(NioPollCost.class.getName(), implementation);
                case NETTY -> benchmarkClasses.put(NettyPollCost.class.getName(), implementation);
                case MIO4J -> benchmarkClasses.put(Mio4jPollCost.class.getName(), implementation);
                case C -> { }
            }
        }
        if (benchmarkClasses.isEmpty()) {
            return;
        }
        ChainedOptionsBuilder options = new OptionsBuilder()
                .forks(1)
                .warmupIterations(settings.jmhWarmupIterations())
                .warmupTime(TimeValue.milliseconds(settings.jmhIterationMillis()))
                .measurementIterations(settings.jmhIterations())
                .measurementTime(TimeValue.milliseconds(settings.jmhIterationMillis()))
                .param("idleSockets", "0", String.valueOf(RunSettings.IDLE_SOCKETS))
                .jvmArgs(JVM_OPTIONS.toArray(new String[0]))
                .shouldFailOnError(false)
                .output(runDir.resolve("jmh.log").toString());
        for (String className : benchmarkClasses.keySet()) {
            options.include("^" + className.replace(".", "\\.") + "\\.");
        }
        try {
            for (RunResult result : new Runner(options.build()).run()) {
                String benchmark = result.getParams().getBenchmark();
                int dot = benchmark.lastIndexOf('.');
                Implementation implementation = benchmarkClasses.get(benchmark.substring(0, dot));
                PollCostResults.Operation operation =
                        PollCostResults.Operation.ofBenchmarkMethod(benchmark.substring(dot + 1));
                int idle = Integer.parseInt(result.getParams().getParam("idleSockets"));
                List<Double> scores = new ArrayList<>();
                for (BenchmarkResult fork : result.getBenchmarkResults()) {
                    for (IterationResult iteration : fork.getIterationResults()) {
                        scores.add(iteration.getPrimaryResult().getScore());
                    }
                }
                pollCost.put(operation, idle, implementation, Spread.of(scores));
            }
        } catch (RunnerException e) {
            for (Implementation implementation : benchmarkClasses.values()) {
                measurements.fail(implementation, "poll cost (JMH): " + e);
            }
        }
        for (Implementation implementation : benchmarkClasses.values()) {
            for (PollCostResults.Operation operation : PollCostResults.Operation.values()) {
                for (int idle : new int[] {0, RunSettings.IDLE_SOCKETS}) {
                    if (pollCost.get(operation, idle, implementation).isEmpty()) {
                        measurements.fail(implementation, "poll cost (JMH) " + operation.benchmarkMethod + " idle="
                                + idle + ": no result, see bench/target/bench-run/jmh.log");
                    }
                }
            }
        }
    }

    // ---- helpers --------------------------------------------------------------------

    private Path roundDir(int round, Implementation implementation) throws IOException {
        Path dir = runDir.resolve("round-" + (round + 1)).resolve(implementation.name().toLowerCase());
        Files.createDirectories(dir);
        return dir;
    }

    /** The child JVM's command: the implementation's own JVM options (a binding), then {@code extraOptions}. */
    private static List<String> javaCommand(Implementation implementation, String mainClass, List<String> arguments) {
        return javaCommand(implementation, mainClass, arguments, List.of());
    }

    private static List<String> javaCommand(Implementation implementation, String mainClass, List<String> arguments,
                                            List<String> extraOptions) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.addAll(implementation.jvmOptions());
        command.addAll(extraOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(arguments);
        return command;
    }

    private static List<String> prepend(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    /** "a=1 b=2" to {a=1, b=2}. */
    static Map<String, String> parseFields(String line) {
        Map<String, String> fields = new HashMap<>();
        for (String token : line.trim().split("\\s+")) {
            int equals = token.indexOf('=');
            if (equals > 0) {
                fields.put(token.substring(0, equals), token.substring(equals + 1));
            }
        }
        return fields;
    }

    private static Histogram newHistogram() {
        return new Histogram(HIGHEST_NANOS, 3);
    }

    private static Histogram histogramOf(long[] nanos) {
        Histogram histogram = newHistogram();
        Arrays.stream(nanos).forEach(value -> histogram.recordValue(Math.min(Math.max(value, 0), HIGHEST_NANOS)));
        return histogram;
    }
}
