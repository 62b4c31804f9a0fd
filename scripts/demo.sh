#!/usr/bin/env bash
# README's demo command: builds the library and the examples (tests skipped), then runs
# an example on the JDK of JAVA_HOME (else the java on PATH).
#
#   scripts/demo.sh [ARGS]          the echo demo; ARGS go to it, e.g. --messages 20000,
#                                   or --serve 7000 (then: nc 127.0.0.1 7000)
#   scripts/demo.sh http [PORT]     the HTTP/1.1 hello-world server (default port 8080;
#                                   then: curl http://127.0.0.1:8080/ or wrk)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-build-deps.sh
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# Maven 3.8's own Guava warns about sun.misc.Unsafe on JDK 24+ (not our code); the option
# that silences it exists from JDK 23 on.
feature=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
if [ "${feature:-17}" -ge 23 ] 2>/dev/null; then
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
fi
# As scripts/test.sh: a JDK 22+, where there is one, also builds the FFM binding.
ffm=()
if ffm_jdk="$(scripts/find-ffm-jdk.sh)"; then
    ffm=("-Dmio4j.ffm.jdk=$ffm_jdk")
fi
mvn -B -q -ntp -DskipTests -Dmaven.javadoc.skip=true "${ffm[@]}" package
main=io.mio4j.examples.EchoDemo
if [ "${1:-}" = http ]; then
  main=io.mio4j.examples.HttpServer
  shift
fi
# JDK 24+ warns when a class-path library loads a native library unless native access is
# enabled for it; JDK 17 accepts the flag too.
exec "$java" --enable-native-access=ALL-UNNAMED \
  -cp "examples/target/classes:$(cat examples/target/classpath.txt)" "$main" "$@"
