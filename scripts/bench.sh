#!/usr/bin/env bash
# Builds mio4j and its benchmarks, then runs every workload for C, Java NIO, Netty's
# native epoll transport and mio4j, and prints one table per workload; the report goes
# to bench/RESULTS.md with its charts (bench/*.png).
#
#   scripts/bench.sh                  the complete run (about 8 minutes on 2 cores)
#   BENCH_QUICK=1 scripts/bench.sh    a smoke run of a few seconds per workload
#   BENCH_ONLY=http,conn10k,memory    run only these workloads: latency (a, d), echo (b, c),
#                                     pollcost (e), http (f), conn10k (g), memory (h)
#   BENCH_IMPLEMENTATIONS=C,MIO4J     run only these (C, NIO, NETTY, MIO4J)
#   BENCH_SKIP_INSTALL=1              do not build and install the library first
#   BENCH_PIN=0                       pin nothing (by default the measured process and
#                                     the load generator get a CPU each, alike for all)
#
# Only a complete run (every workload and implementation, not quick) replaces
# bench/RESULTS.md; a smoke or partial run reports to bench/target/bench-run/.
set -euo pipefail

BENCH_STARTED_AT=$(date +%s)
export BENCH_STARTED_AT
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench="$root/bench"
command_line="scripts/bench.sh"
for setting in BENCH_IMPLEMENTATIONS BENCH_ONLY BENCH_QUICK; do
    if [ -n "${!setting:-}" ]; then command_line="$setting=${!setting} $command_line"; fi
done

# Workloads (e), (g) and (h) keep 10 000 sockets open (about 10 100 descriptors in each
# process: in (g) and (h) the two ends are separate processes); raise the soft limit,
# staying under the hard one. Every child inherits it.
hard=$(ulimit -Hn)
if [ "$hard" = unlimited ] || [ "$hard" -ge 19000 ]; then ulimit -n 19000; else ulimit -n "$hard"; fi

# Workload (f) drives the HTTP servers with Debian's wrk.
if ! command -v wrk >/dev/null 2>&1; then
    case ",${BENCH_ONLY:-http}," in
        *,http,*)
            echo "== installing wrk (apt-get install -y wrk)"
            apt-get install -y wrk >/dev/null || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
            ;;
    esac
fi

if [ "${BENCH_SKIP_INSTALL:-}" != 1 ]; then
    echo "== building and installing mio4j"
    # As scripts/test.sh: a JDK 22+, where there is one, also builds the FFM binding (its row).
    ffm=()
    if ffm_jdk="$("$root/scripts/find-ffm-jdk.sh")"; then
        ffm=("-Dmio4j.ffm.jdk=$ffm_jdk")
    fi
    (cd "$root" && mvn -q -DskipTests "${ffm[@]}" install)
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
gcc -O2 -Wall -Wextra -o "$cbin/http_server" "$bench/c/http_server.c" -lpthread
gcc -O2 -Wall -Wextra -o "$cbin/conn_holder" "$bench/c/conn_holder.c"

echo "== running (rounds are interleaved across implementations)"
# The runner loads mio4j too (the report names its backend): no native-access warning
# on JDK 24+; JDK 17 accepts the flag as well.
exec java -Xmx1g -Djava.awt.headless=true --enable-native-access=ALL-UNNAMED \
    -cp "$bench/target/classes:$(cat "$bench/target/classpath.txt")" \
    io.mio4j.bench.BenchRunner "$bench" "$cbin" "$command_line"
