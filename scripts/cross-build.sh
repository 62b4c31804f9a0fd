#!/usr/bin/env bash
# Cross-builds libmio4j without any sysroot, with Debian's clang and lld, for one target
# or for all of them, and checks each result (scripts/check-library.sh).
#
# A target is a triple with two files: cmake/<triple>.cmake (the toolchain; it turns on
# MIO4J_OWN_ABI, which compiles against our own declarations of the OS's C library,
# native/abi/<os>, and links against stubs made from them) and cmake/<triple>.expect
# (what the library must be: format, machine, needed libraries, exports, undefined
# symbols). A "jar <classifier>" line in the expect file also packs the platform JAR
# java/target/mio4j-<version>-<classifier>.jar holding only
# META-INF/native/<classifier>/<library>. Each target builds into build/<triple>/.
#
# Usage: scripts/cross-build.sh <triple>|all
# What this proves: the library compiles and links for the target and looks as
# expected. It does not run it: that needs the OS (.github/workflows/kqueue.yml).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
which="${1:?usage: scripts/cross-build.sh <triple>|all}"
"$root/scripts/install-cross-deps.sh"

java_home="${JAVA_HOME:-}"
if [ -z "$java_home" ] && command -v javac >/dev/null 2>&1; then
    java_home="$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"
fi
if [ ! -f "$java_home/include/jni.h" ] || [ ! -x "$java_home/bin/jar" ]; then
    echo "cross-build: no JDK (jni.h, jar) under JAVA_HOME='$java_home'" >&2
    exit 1
fi
version="$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$root/pom.xml" | head -n 1)"

targets=()
if [ "$which" = all ]; then
    for expect in "$root"/cmake/*.expect; do
        triple="$(basename "$expect" .expect)"
        [ -f "$root/cmake/$triple.cmake" ] && targets+=("$triple")
    done
else
    targets=("$which")
fi

build_one() {
    local triple=$1 build="$root/build/$1"
    local expect="$root/cmake/$triple.expect"
    [ -f "$root/cmake/$triple.cmake" ] && [ -f "$expect" ] \
        || { echo "cross-build: no cmake/$triple.cmake and cmake/$triple.expect" >&2; return 1; }
    local classifier out
    classifier="$(sed -n 's/^jar[[:space:]]\+\([^[:space:]#]*\).*/\1/p' "$expect")"
    out="$build/out"
    [ -z "$classifier" ] || out="$build/jar/META-INF/native/$classifier"
    rm -rf "$build/jar" "$build/out"
    cmake -S "$root" -B "$build" --log-level=WARNING \
          -DCMAKE_TOOLCHAIN_FILE="$root/cmake/$triple.cmake" -DCMAKE_BUILD_TYPE=Release \
          -DJNI_INCLUDE_DIR="$java_home/include" -DMIO4J_OUTPUT_DIR="$out" \
          -DMIO4J_VERSION="$version" >"$build.log" 2>&1 \
        && cmake --build "$build" --parallel 2 >>"$build.log" 2>&1 \
        || { cat "$build.log" >&2; echo "cross-build: $triple failed to build" >&2; return 1; }
    local lib
    lib="$(find "$out" -maxdepth 1 -name 'libmio4j.*' -type f | head -n 1)"
    "$root/scripts/check-library.sh" "$lib" "$expect" || return 1
    if [ -n "$classifier" ]; then
        local jar_file="$root/java/target/mio4j-$version-$classifier.jar" listing
        mkdir -p "$root/java/target"
        rm -f "$jar_file"
        "$java_home/bin/jar" --create --no-manifest --file "$jar_file" -C "$build/jar" META-INF/native
        listing="$("$java_home/bin/jar" --list --file "$jar_file" | grep -v '/$' | tr '\n' ' ')"
        if [ "$listing" != "META-INF/native/$classifier/$(basename "$lib") " ]; then
            echo "cross-build: $jar_file holds $listing" >&2
            return 1
        fi
        echo "cross-build: $triple -> $(basename "$jar_file")"
    fi
}

failed=()
for triple in "${targets[@]}"; do
    build_one "$triple" || failed+=("$triple")
done
if [ ${#failed[@]} -gt 0 ]; then
    echo "cross-build: FAILED: ${failed[*]}" >&2
    exit 1
fi
echo "cross-build: ${#targets[@]} target(s) built and checked: ${targets[*]}"
