#!/usr/bin/env bash
# README's demo command: builds the library and the examples (tests skipped), then runs
# the echo demo. Arguments go to the demo, e.g. --messages 20000, or --serve 7000.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-build-deps.sh
mvn -B -q -ntp -DskipTests -Dmaven.javadoc.skip=true package
exec java -cp "examples/target/classes:$(cat examples/target/classpath.txt)" \
  io.mio4j.examples.EchoDemo "$@"
