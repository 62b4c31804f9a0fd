#!/usr/bin/env bash
# Cross-builds libmio4j for a target triple with cmake/<triple>.cmake into
# build/<triple>/, checks it with scripts/check-library.sh against cmake/<triple>.expect,
# and packs the platform-classifier JAR java/target/mio4j-<version>-<classifier>.jar
# holding only META-INF/native/<classifier>/<library> (the classifier is the
# toolchain file's MIO4J_CLASSIFIER). "all" builds every triple that has both files.
# Usage: scripts/cross-build.sh <triple>|all
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ $# -ne 1 ]; then
    echo "usage: scripts/cross-build.sh <triple>|all" >&2
    exit 2
fi
"$root/scripts/install-build-deps.sh" cross   # clang, lld, llvm
if [ "$1" = all ]; then
    for expect in "$root"/cmake/*.expect; do
        triple="$(basename "$expect" .expect)"
        [ -f "$root/cmake/$triple.cmake" ] && "$0" "$triple"
    done
    exit 0
fi
triple=$1
toolchain="$root/cmake/$triple.cmake"
[ -f "$toolchain" ] && [ -f "$root/cmake/$triple.expect" ] ||
    { echo "cross-build: cmake/$triple.cmake and cmake/$triple.expect are both needed" >&2; exit 1; }
classifier="$(sed -n 's/^set(MIO4J_CLASSIFIER \([^ )]*\))/\1/p' "$toolchain")"
[ -n "$classifier" ] || { echo "cross-build: $toolchain sets no MIO4J_CLASSIFIER" >&2; exit 1; }

# Any JDK's jni.h will do: the target's jni_md.h is ours (native/jni/include/unix).
java_home="${JAVA_HOME:-}"
if [ -z "$java_home" ] && command -v javac >/dev/null 2>&1; then
    java_home="$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"
fi
if [ ! -f "$java_home/include/jni.h" ] || [ ! -x "$java_home/bin/jar" ]; then
    echo "cross-build: no JDK (jni.h, jar) under JAVA_HOME='$java_home'; install one or set JAVA_HOME" >&2
    exit 1
fi
# The Maven project version, read from the root pom (its first <version> is the project's).
version="$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$root/pom.xml" | head -n 1)"

build_dir="$root/build/$triple"
out="$build_dir/jar/META-INF/native/$classifier"
rm -rf "$build_dir/jar"
cmake -S "$root" -B "$build_dir" \
      -DCMAKE_TOOLCHAIN_FILE="$toolchain" \
      -DCMAKE_BUILD_TYPE=Release \
      -DJNI_INCLUDE_DIR="$java_home/include" \
      -DMIO4J_OUTPUT_DIR="$out" \
      -DMIO4J_VERSION="$version" >/dev/null
cmake --build "$build_dir" --parallel 2

lib="$(find "$out" -maxdepth 1 -type f -name '*mio4j*')"
[ -n "$lib" ] || { echo "cross-build: the build left no library in $out" >&2; exit 1; }
stubs=""
[ -d "$build_dir/abi-stubs" ] && stubs="$build_dir/abi-stubs"
"$root/scripts/check-library.sh" "$lib" "$triple" $stubs

jar_file="$root/java/target/mio4j-$version-$classifier.jar"
mkdir -p "$root/java/target"
rm -f "$jar_file"
"$java_home/bin/jar" --create --no-manifest --file "$jar_file" -C "$build_dir/jar" META-INF/native
listing="$("$java_home/bin/jar" --list --file "$jar_file" | grep -v '/$' | tr '\n' ' ')"
if [ "$listing" != "META-INF/native/$classifier/$(basename "$lib") " ]; then
    echo "cross-build: $jar_file holds $listing" >&2
    exit 1
fi
echo "cross-build: built $lib and $jar_file"
