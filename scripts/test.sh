#!/usr/bin/env bash
# README's test command: builds the Java and C, packages the JARs and runs every test
# against the built native library (JNI), on the JDK Maven runs on. Where a JDK 22+ is
# found (scripts/find-ffm-jdk.sh), its javac also compiles the FFM binding into the JAR's
# META-INF/versions/22; without one the build says it left FFM out.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-build-deps.sh
args=()
if ffm_jdk="$(scripts/find-ffm-jdk.sh)"; then
    args+=("-Dmio4j.ffm.jdk=$ffm_jdk")
fi
exec mvn -B -ntp verify "${args[@]}" "$@"
