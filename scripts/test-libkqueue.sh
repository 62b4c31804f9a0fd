#!/usr/bin/env bash
# Runs the whole Java suite with the kqueue backend on Linux, over libkqueue (which
# emulates FreeBSD's kqueue on top of epoll): the by-hand test of the kqueue logic on a
# machine without macOS or a BSD. libkqueue must ALREADY be installed under the prefix
# given; this script never fetches or builds it.
#
# Runs `mvn test` with -Dcmake.poller=kqueue -Dcmake.libkqueue=<prefix> (the Maven build
# then makes libmio4j with -DMIO4J_POLLER=kqueue -DMIO4J_LIBKQUEUE=<prefix>, the
# classpath resource the tests load) and -Dmio4j.poller=kqueue (Platform then uses the
# kqueue backend on Linux). Where libkqueue differs from a kernel kqueue, the affected
# tests say so and are reported as skipped (io.mio4j.TestPoller; native/kqueue/ABI.md
# lists the differences). The next scripts/test.sh builds the epoll library again.
#
# Usage: scripts/test-libkqueue.sh <libkqueue prefix> [more mvn arguments, e.g. -Dmio4j.kqueue.waker=pipe]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
prefix="${1:?usage: scripts/test-libkqueue.sh <prefix of an installed libkqueue> [mvn arguments]}"
shift
if [ ! -f "$prefix/include/kqueue/sys/event.h" ]; then
    echo "test-libkqueue: no libkqueue installed under $prefix (include/kqueue/sys/event.h)" >&2
    exit 1
fi
cd "$root"
exec mvn -B -ntp test -Dcmake.poller=kqueue -Dcmake.libkqueue="$(cd "$prefix" && pwd)" -Dmio4j.poller=kqueue "$@"
