package io.mio4j.bench;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The workloads a run can be limited to with BENCH_ONLY=name,name,... */
enum Workload {
    LATENCY("latency", "(a) ping-pong and (d) wake-up latency"),
    ECHO("echo", "(b) echo under 256 connections and (c) allocation"),
    POLL_COST("pollcost", "(e) poll and register cost"),
    HTTP("http", "(f) HTTP/1.1 keep-alive under wrk"),
    CONN10K("conn10k", "(g) 10 000 connections, 1 % active"),
    MEMORY("memory", "(h) memory per idle connection");

    final String key;
    final String label;

    Workload(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** All of them for null or blank; else the named ones, in this enum's order. */
    static Set<Workload> parse(String only) {
        if (only == null || only.isBlank()) {
            return EnumSet.allOf(Workload.class);
        }
        Set<Workload> chosen = EnumSet.noneOf(Workload.class);
        for (String name : only.split(",")) {
            String key = name.trim().toLowerCase(Locale.ROOT);
            Workload found = null;
            for (Workload workload : values()) {
                if (workload.key.equals(key)) {
                    found = workload;
                }
            }
            if (found == null) {
                List<String> keys = new ArrayList<>();
                for (Workload workload : values()) {
                    keys.add(workload.key);
                }
                throw new IllegalArgumentException("BENCH_ONLY: no workload '" + name.trim() + "'; the workloads are "
                        + String.join(",", keys));
            }
            chosen.add(found);
        }
        return chosen;
    }
}
