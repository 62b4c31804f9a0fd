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
 * only some; BENCH_STARTED_AT (epoch seconds) when the script started, to report the
 * end-to-end time.
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

    /** The same for every Java process, servers, latency runs and JMH forks alike. */
    static final List<String> JVM_OPTIONS = List.of("-Xms512m", "-Xmx512m");

    private static final long HIGHEST_NANOS = 3_600_000_000_000L;

    private final Path benchDir;
    private final Path cBinaries;
    private final Path runDir;
    private final RunSettings settings;
    private final List<Implementation> implementations;
    private final Measurements measurements = new Measurements();
    private final Map<Implementation, Histogram> pingPongLatency = new EnumMap<>(Implementation.class);
    private final Map<Implementation, Histogram> wakeUpLatency = new EnumMap<>(Implementation.class);
    private final PollCostResults pollCost = new PollCostResults();
    private final CpuPinning pinning = CpuPinning.detect();

    private BenchRunner(Path benchDir, Path cBinaries, RunSettings settings, List<Implementation> implementations) {
        this.benchDir = benchDir;
        this.cBinaries = cBinaries;
        this.runDir = benchDir.resolve("target").resolve("bench-run");
        this.settings = settings;
        this.implementations = implementations;
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
        String loadAtStart = Report.loadAverage();
        BenchRunner runner = new BenchRunner(Path.of(args[0]).toAbsolutePath(), Path.of(args[1]).toAbsolutePath(),
                settings, implementations);
        runner.runAll();

        Report report = new Report(settings, implementations, runner.measurements, runner.pollCost,
                runner.pinning, args[2]);
        Path results = settings.quick()
                ? runner.runDir.resolve("RESULTS.md")
                : runner.benchDir.resolve("RESULTS.md");
        Path chart = results.resolveSibling("latency-percentiles.png");
        PercentileChart.write(List.of(
                new PercentileChart.Panel("(a) ping-pong round trip, 64 B, 1 connection", runner.pingPongLatency),
                new PercentileChart.Panel("(d) wake-up to poll returning", runner.wakeUpLatency)), chart);
        double seconds = (System.currentTimeMillis() - startedAt) / 1000.0;
        String text = report.render(seconds, chart.getFileName().toString(), loadAtStart);
        Files.writeString(results, text);
        System.out.println(report.tables());
        System.out.println(report.targets());
        System.out.printf("Report: %s%nChart:  %s%nTook %.0f s in all.%n", results, chart, seconds);
        System.exit(0);
    }

    private void runAll() throws IOException, InterruptedException {
        Files.createDirectories(runDir);
        for (int round = 0; round < settings.rounds(); round++) {
            List<Implementation> order = rotated(round);
            System.out.printf("round %d/%d, order %s%n", round + 1, settings.rounds(), order);
            for (Implementation implementation : order) {
                attempt(implementation, "latency round " + (round + 1), round, this::runLatency);
            }
            for (Implementation implementation : order) {
                attempt(implementation, "echo round " + (round + 1), round, this::runEcho);
            }
        }
        System.out.println("poll cost (e)");
        if (implementations.contains(Implementation.C)) {
            attempt(Implementation.C, "poll cost", 0, (implementation, round) -> runCPollCost());
        }
        runJmhPollCost();
    }

    private List<Implementation> rotated(int round) {
        List<Implementation> order = new ArrayList<>(implementations);
        java.util.Collections.rotate(order, -round);
        return order;
    }

    private interface Step {
        void run(Implementation implementation, int round) throws Exception;
    }

    /** A failing implementation is reported and the run goes on with the others. */
    private void attempt(Implementation implementation, String what, int round, Step step) {
        try {
            step.run(implementation, round);
        } catch (Exception e) {
            String message = what + ": " + e;
            System.out.println("  FAILED " + implementation + " " + message);
            measurements.fail(implementation, message);
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
        Path dir = roundDir(round, implementation);
        List<String> serverCommand = implementation.isJava()
                ? javaCommand(implementation, "io.mio4j.bench.EchoServerMain", List.of(implementation.name()))
                : List.of(cBinaries.resolve("echo_server").toString());
        Duration timeout = Duration.ofMillis(settings.echoWarmupMillis() + settings.echoMillis()).plusSeconds(30);
        Map<String, String> atStart = null;
        Map<String, String> atEnd = null;
        Map<String, String> result = null;
        try (ChildProcess server = ChildProcess.start(pinning.onMeasuredCpu(serverCommand),
                dir.resolve("echo-server.stderr"), timeout)) {
            String first = server.readLine();
            if (first == null || !first.startsWith("port=")) {
                throw new IOException("the server did not start" + server.stderrTail());
            }
            String port = parseFields(first).get("port");
            List<String> generatorCommand = List.of(cBinaries.resolve("load_generator").toString(), port,
                    String.valueOf(RunSettings.CONNECTIONS), String.valueOf(settings.echoWarmupMillis()),
                    String.valueOf(settings.echoMillis()), String.valueOf(server.pid()));
            try (ChildProcess generator = ChildProcess.start(pinning.onLoadGeneratorCpu(generatorCommand),
                    dir.resolve("load-generator.stderr"), timeout)) {
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
        double roundTrips = Double.parseDouble(result.get("round_trips"));
        double seconds = Double.parseDouble(result.get("seconds"));
        double cpuSeconds = Double.parseDouble(result.get("server_cpu_seconds"));
        double echoedRoundTrips = (Double.parseDouble(atEnd.get("echoed")) - Double.parseDouble(atStart.get("echoed")))
                / RunSettings.MESSAGE_SIZE;
        double allocated = Double.parseDouble(atEnd.get("allocated")) - Double.parseDouble(atStart.get("allocated"));
        measurements.add(ECHO_RATE, implementation, round, roundTrips / seconds);
        measurements.add(ECHO_CPU, implementation, round, cpuSeconds * 1e6 / roundTrips);
        measurements.add(ALLOCATED, implementation, round, allocated / echoedRoundTrips);
        System.out.printf("  %-6s echo %.0f round trips/s, %.2f µs server CPU per round trip, %.2f B per round trip%n",
                implementation, roundTrips / seconds, cpuSeconds * 1e6 / roundTrips, allocated / echoedRoundTrips);
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

    private static List<String> javaCommand(Implementation implementation, String mainClass, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.addAll(implementation.jvmOptions());
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
