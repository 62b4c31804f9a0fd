package io.mio4j.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where child processes run, the same for every implementation. On this 2-vCPU virtual
 * machine an unpinned run is a lottery: whether two threads that wake each other share a
 * CPU (a context switch) or not (an inter-processor interrupt to a halted vCPU, tens of
 * microseconds) is the scheduler's choice and changed a C ping-pong from 17 to 68 µs
 * between identical runs. So:
 * <ul>
 * <li>(a) and (d), client and server threads in one process: the whole process on one CPU;
 * <li>(b), (f), (g), (h): the server process on that CPU, the load generator (wrk, the
 * connection holder) on another.
 * </ul>
 * JMH (e) is single-threaded and left unpinned, for every implementation alike.
 * BENCH_PIN=0 pins nothing.
 */
final class CpuPinning {
    private final boolean enabled;
    private final int measuredCpu;
    private final int loadGeneratorCpu;

    private CpuPinning(boolean enabled, int measuredCpu, int loadGeneratorCpu) {
        this.enabled = enabled;
        this.measuredCpu = measuredCpu;
        this.loadGeneratorCpu = loadGeneratorCpu;
    }

    static CpuPinning detect() {
        int cpus = Runtime.getRuntime().availableProcessors();
        boolean taskset = Files.isExecutable(Path.of("/usr/bin/taskset")) || Files.isExecutable(Path.of("/bin/taskset"));
        if (cpus < 2 || !taskset || "0".equals(System.getenv("BENCH_PIN"))) {
            return new CpuPinning(false, 0, 0);
        }
        return new CpuPinning(true, cpus - 1, 0);
    }

    /** A process measured alone: the ping-pong and wake-up runs, the echo servers. */
    List<String> onMeasuredCpu(List<String> command) {
        return pinned(measuredCpu, command);
    }

    List<String> onLoadGeneratorCpu(List<String> command) {
        return pinned(loadGeneratorCpu, command);
    }

    String describe() {
        if (!enabled) {
            return "Nothing is pinned (BENCH_PIN=0, fewer than 2 CPUs, or no taskset).";
        }
        return "Pinned alike for every implementation with taskset: (a) and (d), client and server threads in one"
                + " process, run on CPU " + measuredCpu + "; in (b), (f), (g) and (h) the server process runs on CPU "
                + measuredCpu + " and the load generator (wrk -t1 in (f), the connection holder in (h)) on CPU "
                + loadGeneratorCpu + " (a JVM so pinned sees 1 CPU and sizes"
                + " itself for it). JMH (e) is unpinned.";
    }

    private List<String> pinned(int cpu, List<String> command) {
        if (!enabled) {
            return command;
        }
        List<String> all = new ArrayList<>(List.of("taskset", "-c", String.valueOf(cpu)));
        all.addAll(command);
        return all;
    }
}
