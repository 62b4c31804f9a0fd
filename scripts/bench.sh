#!/usr/bin/env bash
# Builds mio4j and its benchmarks, then runs every workload for C, Java NIO, Netty's
# native epoll transport and mio4j, and prints one table per workload; the report goes
# to bench/RESULTS.md with the chart bench/latency-percentiles.png.
#
#   scripts/bench.sh                  the full run (under five minutes on 2 cores)
#   BENCH_QUICK=1 scripts/bench.sh    a smoke run of a few seconds per workload; its
#                                     report goes to bench/target/bench-run/
#   BENCH_IMPLEMENTATIONS=C,MIO4J     run only these (C, NIO, NETTY, MIO4J)
#   BENCH_SKIP_INSTALL=1              do not build and install the library first
#   BENCH_PIN=0                       pin nothing (by default the measured process and
#                                     the load generator get a CPU each, alike for all)
set -euo pipefail

BENCH_STARTED_AT=$(date +%s)
export BENCH_STARTED_AT
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench="$root/bench"
command_line="scripts/bench.sh"
if [ "${BENCH_QUICK:-}" = 1 ]; then command_line="BENCH_QUICK=1 scripts/bench.sh"; fi

# Workload (e) keeps 10 000 idle sockets open (about 10 100 descriptors in one JVM);
# raise the soft limit, staying under the hard one.
hard=$(ulimit -Hn)
if [ "$hard" = unlimited ] || [ "$hard" -ge 19000 ]; then ulimit -n 19000; else ulimit -n "$hard"; fi

if [ "${BENCH_SKIP_INSTALL:-}" != 1 ]; then
    echo "== building and installing mio4j"
    (cd "$root" && mvn -q -DskipTests install)
fi

echo "== building the benchmarks"
(cd "$bench" && mvn -q -DskipTests package)

echo "== compiling the C programs (gcc -O2)"
cbin="$bench/target/c"
mkdir -p "$cbin"
gcc -O2 -Wall -Wextra -o "$cbin/latency" "$bench/c/latency.c" "$bench/c/echo_loop.c" -lpthread
gcc -O2 -Wall -Wextra -o "$cbin/echo_server" "$bench/c/echo_server.c" "$bench/c/echo_loop.c" -lpthread
gcc -O2 -Wall -Wextra -o "$cbin/load_generator" "$bench/c/load_generator.c"
gcc -O2 -Wall -Wextra -o "$cbin/poll_cost" "$bench/c/poll_cost.c"

echo "== running (rounds are interleaved across implementations)"
exec java -Xmx1g -Djava.awt.headless=true \
    -cp "$bench/target/classes:$(cat "$bench/target/classpath.txt")" \
    io.mio4j.bench.BenchRunner "$bench" "$cbin" "$command_line"
