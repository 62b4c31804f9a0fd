package io.mio4j.bench;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * Workload (e): nanoseconds per operation by operation, idle-socket count and
 * implementation, as the median and range over measurement iterations (JMH) or
 * batches (C).
 */
final class PollCostResults {
    enum Operation {
        POLL_NOTHING_READY("pollNothingReady", "one poll, nothing ready"),
        REGISTER_DEREGISTER("registerDeregister", "register + deregister");

        final String benchmarkMethod;
        final String label;

        Operation(String benchmarkMethod, String label) {
            this.benchmarkMethod = benchmarkMethod;
            this.label = label;
        }

        static Operation ofBenchmarkMethod(String method) {
            for (Operation operation : values()) {
                if (operation.benchmarkMethod.equals(method)) {
                    return operation;
                }
            }
            throw new IllegalArgumentException(method);
        }
    }

    private final Map<Operation, Map<Integer, Map<Implementation, Spread>>> results = new EnumMap<>(Operation.class);

    void put(Operation operation, int idleSockets, Implementation implementation, Spread nanos) {
        results.computeIfAbsent(operation, o -> new HashMap<>())
                .computeIfAbsent(idleSockets, i -> new EnumMap<>(Implementation.class))
                .put(implementation, nanos);
    }

    Spread get(Operation operation, int idleSockets, Implementation implementation) {
        Spread spread = results.getOrDefault(operation, Map.of())
                .getOrDefault(idleSockets, Map.of())
                .get(implementation);
        return spread == null ? Spread.of(java.util.List.of()) : spread;
    }
}
