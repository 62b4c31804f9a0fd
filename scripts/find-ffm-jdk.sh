#!/usr/bin/env bash
# Prints the home of a JDK 22 or later, whose javac compiles the FFM binding
# (java/src/main/java22) and whose java runs it: $MIO4J_FFM_JDK if set, else the newest
# JDK 22+ among $JAVA_HOME and /usr/lib/jvm/*. Exits 1, printing nothing, when none is found.
set -euo pipefail

major() {   # the feature release of a JDK home, from its release file ("25.0.3" -> 25)
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null | head -n 1
}

if [ -n "${MIO4J_FFM_JDK:-}" ]; then
    v="$(major "$MIO4J_FFM_JDK")"
    if [ -x "$MIO4J_FFM_JDK/bin/javac" ] && [ -n "$v" ] && [ "$v" -ge 22 ]; then
        echo "$MIO4J_FFM_JDK"
        exit 0
    fi
    echo "find-ffm-jdk: MIO4J_FFM_JDK=$MIO4J_FFM_JDK is not a JDK 22 or later" >&2
    exit 1
fi
best=""
best_version=0
for home in ${JAVA_HOME:-} /usr/lib/jvm/*; do
    [ -x "$home/bin/javac" ] || continue
    v="$(major "$home")"
    if [ -n "$v" ] && [ "$v" -ge 22 ] && [ "$v" -gt "$best_version" ]; then
        best="$home"
        best_version="$v"
    fi
done
[ -n "$best" ] || exit 1
echo "$best"
