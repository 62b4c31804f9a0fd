package io.mio4j.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Runs Debian's wrk against a server on loopback, with bench/wrk/report.lua printing
 * what is read here. A run with any error (connect, read, write, timeout, or a status
 * other than 2xx/3xx) is refused: its figures would not be comparable.
 */
final class Wrk {
    /** The percentile curve's step on the "nines" axis, as report.lua prints it. */
    static final double NINES_STEP = 0.05;

    /** One run: requests and seconds, latency percentiles in µs. */
    record Result(long requests, double seconds, double p50Micros, double p99Micros, double[] curveMicros) {
        double requestsPerSecond() {
            return requests / seconds;
        }
    }

    private final Path script;
    private final CpuPinning pinning;

    Wrk(Path script, CpuPinning pinning) {
        this.script = script;
        this.pinning = pinning;
    }

    Result run(int port, int connections, int seconds, Path errorLog) throws IOException, InterruptedException {
        List<String> command = List.of("wrk", "-t1", "-c" + connections, "-d" + seconds + "s", "--timeout", "5s",
                "-s", script.toString(), "http://127.0.0.1:" + port + "/");
        Map<String, String> summary = null;
        Map<String, String> percentiles = null;
        Map<String, String> latency = null;
        try (ChildProcess wrk = ChildProcess.start(pinning.onLoadGeneratorCpu(command), errorLog,
                Duration.ofSeconds(seconds + 30))) {
            String line;
            while ((line = wrk.readLine()) != null) {
                if (line.startsWith("wrk_summary ")) {
                    summary = BenchRunner.parseFields(line);
                } else if (line.startsWith("wrk_percentiles_us ")) {
                    percentiles = BenchRunner.parseFields(line);
                } else if (line.startsWith("wrk_latency_us ")) {
                    latency = BenchRunner.parseFields(line);
                }
            }
            wrk.awaitSuccess();
        }
        if (summary == null || percentiles == null || latency == null) {
            throw new IOException("wrk printed no summary (is bench/wrk/report.lua loaded?)");
        }
        long errors = 0;
        for (String field : List.of("connect_errors", "read_errors", "write_errors", "status_errors", "timeouts")) {
            errors += Long.parseLong(summary.get(field));
        }
        long requests = Long.parseLong(summary.get("requests"));
        if (errors > 0 || requests == 0) {
            throw new IOException("wrk -c" + connections + " saw errors or no requests: " + summary);
        }
        String[] values = latency.get("values").split(",");
        double[] curve = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            curve[i] = Double.parseDouble(values[i]);
        }
        return new Result(requests, Double.parseDouble(summary.get("duration_us")) / 1e6,
                Double.parseDouble(percentiles.get("p50")), Double.parseDouble(percentiles.get("p99")), curve);
    }
}
