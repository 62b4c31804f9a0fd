#!/usr/bin/env bash
# Cross-compiles the Windows (AFD) backend with mingw-w64: the static library, the
# test program and mio4j.dll, into build/windows-x86_64 (or $1). Then checks that
# mio4j.dll imports no MinGW runtime DLL, so it loads on a bare Windows.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${1:-$root/build/windows-x86_64}"
triple=x86_64-w64-mingw32

for tool in "$triple-gcc" "$triple-objdump" cmake; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "build-windows: $tool not found (Debian: apt-get install gcc-mingw-w64-x86-64 cmake;" \
             "scripts/test-windows.sh installs it)" >&2
        exit 1
    fi
done

cmake -S "$root/native/afd" -B "$build_dir" \
      -DCMAKE_TOOLCHAIN_FILE="$root/cmake/mingw-w64-x86_64.cmake" \
      -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build_dir" --parallel

dll="$build_dir/mio4j.dll"
imports="$("$triple-objdump" -p "$dll" | sed -n 's/^[[:space:]]*DLL Name:[[:space:]]*//p')"
echo "mio4j.dll imports: $(echo $imports)"
# MinGW runtime DLLs (libgcc_s_seh-1, libwinpthread-1, libstdc++-6, libssp-0...) are
# not on a Windows machine; they must be linked statically.
runtime="$(echo "$imports" | grep -iE '^(lib|mingw)' || true)"
if [ -n "$runtime" ]; then
    echo "build-windows: mio4j.dll depends on MinGW runtime DLLs: $(echo $runtime)" >&2
    exit 1
fi
echo "build-windows: built $dll and $build_dir/afd_test.exe"
