#!/usr/bin/env bash
# Builds the Windows backend and runs its C test programs (the selector and sockets;
# the JNI glue through a fake JNIEnv) under Wine, in a fresh
# throw-away WINEPREFIX. Installs the cross compiler, CMake and Wine when missing
# (Debian/Ubuntu, as root or through sudo). Exits non-zero if any case fails.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="$root/build/windows-x86_64"
export DEBIAN_FRONTEND=noninteractive

find_wine() {
    command -v wine 2>/dev/null || command -v wine64 2>/dev/null ||
        { [ -x /usr/lib/wine/wine64 ] && echo /usr/lib/wine/wine64; } || true
}

missing=()
command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1 || missing+=(gcc-mingw-w64-x86-64)
command -v cmake >/dev/null 2>&1 || missing+=(cmake)
command -v make >/dev/null 2>&1 || command -v ninja >/dev/null 2>&1 || missing+=(make)
if [ -z "$(find_wine)" ] || { [ ! -x /usr/lib/wine/wine64 ] && ! command -v wine64 >/dev/null 2>&1; }; then
    missing+=(wine wine64)
fi
if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null 2>&1 || { echo "test-windows: need root to install ${missing[*]}" >&2; exit 1; }
        sudo="sudo -n"
    fi
    echo "test-windows: installing ${missing[*]}"
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
wine="$(find_wine)"
[ -n "$wine" ] || { echo "test-windows: wine not found after install" >&2; exit 1; }

"$root/scripts/build-windows.sh" "$build_dir"

prefix="$(mktemp -d "${TMPDIR:-/tmp}/mio4j-wine.XXXXXX")"
cleanup() {
    WINEPREFIX="$prefix" wineserver -k >/dev/null 2>&1 || true
    rm -rf "$prefix"
}
trap cleanup EXIT
export WINEPREFIX="$prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
export WINEARCH=win64

# Creating the prefix takes a few seconds; do it apart so the test's time is its own.
timeout 180 "$wine" wineboot -i </dev/null >/dev/null 2>&1 || true

# Each program prints "N passed, M failed" last; every case of both must pass.
failed=0
for program in afd_test jni_glue_test; do
    log="$prefix/$program.log"
    echo "== $program"
    set +e
    timeout 300 "$wine" "$build_dir/$program.exe" </dev/null 2>&1 | tr -d '\r' | tee "$log"
    status=${PIPESTATUS[0]}
    set -e
    summary="$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log" | tail -n 1 || true)"
    if [ "$status" -ne 0 ] || [ -z "$summary" ] || [ "${summary#* passed, }" != "0 failed" ]; then
        echo "test-windows: $program FAILED (exit status $status)" >&2
        failed=1
    fi
done
[ "$failed" -eq 0 ] || exit 1
echo "test-windows: OK"
