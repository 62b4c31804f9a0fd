#!/usr/bin/env bash
# Builds and runs native/test's harness, unix_shim_test: every native of native/unix and
# of this OS's poller folder called through a fake JNIEnv with valid and hostile
# arguments, under AddressSanitizer and UBSan (any report fails the run). Installs what
# it needs through scripts/install-build-deps.sh. Exits non-zero unless the program
# ends with "N passed, 0 failed".
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${1:-$root/build/native-test}"

"$root/scripts/install-build-deps.sh" --sanitizers

# Any JDK's include folder will do (the harness needs jni.h only).
java_home="${JAVA_HOME:-}"
if [ -z "$java_home" ] || [ ! -f "$java_home/include/jni.h" ]; then
    java_home="$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"
fi

cmake -S "$root" -B "$build_dir" --log-level=WARNING -DCMAKE_BUILD_TYPE=Debug \
      -DMIO4J_NATIVE_TESTS=ON -DJNI_INCLUDE_DIR="$java_home/include" >/dev/null
cmake --build "$build_dir" --target unix_shim_test --parallel 2 >/dev/null

log="$build_dir/unix_shim_test.log"
set +e
# detect_leaks: a native that leaks memory fails too. abort_on_error: the sanitizers'
# reports end the program with a signal, never with a 0 exit status.
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
    timeout 120 "$build_dir/unix_shim_test" </dev/null 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
summary="$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log" | tail -n 1 || true)"
if [ "$status" -ne 0 ] || [ -z "$summary" ] || [ "${summary#* passed, }" != "0 failed" ]; then
    echo "test-native: unix_shim_test FAILED (exit status $status)" >&2
    exit 1
fi
echo "test-native: OK"
