package io.mio4j.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A program the runner starts: line-wise stdin and stdout, stderr to a log file, and a
 * deadline after which it is killed, so that one hung implementation cannot hang the run.
 */
final class ChildProcess implements AutoCloseable {
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "child-process-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private final Process process;
    private final BufferedReader out;
    private final PrintStream in;
    private final Path errorLog;
    private final ScheduledFuture<?> deadline;

    private ChildProcess(Process process, Path errorLog, Duration timeout) {
        this.process = process;
        this.errorLog = errorLog;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        this.deadline = WATCHDOG.schedule(this::kill, timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    static ChildProcess start(List<String> command, Path errorLog, Duration timeout) throws IOException {
        Files.createDirectories(errorLog.getParent());
        Process process = new ProcessBuilder(command)
                .redirectError(errorLog.toFile())
                .start();
        return new ChildProcess(process, errorLog, timeout);
    }

    long pid() {
        return process.pid();
    }

    /** The next line of its stdout, or null at its end. */
    String readLine() throws IOException {
        return out.readLine();
    }

    void writeLine(String line) {
        in.println(line);
    }

    /** Waits for the exit; a non-zero status is an IOException naming the end of stderr. */
    void awaitSuccess() throws IOException, InterruptedException {
        int status = process.waitFor();
        deadline.cancel(false);
        if (status != 0) {
            throw new IOException("exited with status " + status + stderrTail());
        }
    }

    /** The last lines of its stderr, for error messages. */
    String stderrTail() {
        try {
            List<String> lines = Files.readAllLines(errorLog, StandardCharsets.UTF_8);
            List<String> tail = lines.subList(Math.max(0, lines.size() - 5), lines.size());
            return tail.isEmpty() ? "" : ": " + String.join(" | ", tail);
        } catch (IOException e) {
            return "";
        }
    }

    private void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    @Override
    public void close() {
        deadline.cancel(false);
        if (process.isAlive()) {
            kill();
        }
    }
}
