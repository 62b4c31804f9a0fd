#!/usr/bin/env bash
# Cross-compiles libmio4j.so for 64-bit ARM Linux with Debian's cross compiler into
# build/linux-aarch_64 (or $1), with the root CMakeLists.txt and
# cmake/aarch64-linux-gnu.cmake (the post-build check reads it with
# aarch64-linux-gnu-objdump: no glibc symbol newer than 2.17, only JNI_OnLoad/OnUnload
# exported), then packs the platform-classifier JAR
# java/target/mio4j-<version>-linux-aarch_64.jar holding only
# META-INF/native/linux-aarch_64/libmio4j.so.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${1:-$root/build/linux-aarch_64}"
triple=aarch64-linux-gnu
classifier=linux-aarch_64

for tool in "$triple-gcc" "$triple-objdump" cmake; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "build-linux-aarch64: $tool not found (Debian: apt-get install gcc-aarch64-linux-gnu cmake;" \
             "scripts/test-linux-aarch64.sh installs it)" >&2
        exit 1
    fi
done

# The host JDK's jni.h and include/linux/jni_md.h serve every Linux architecture.
java_home="${JAVA_HOME:-}"
if [ -z "$java_home" ] && command -v javac >/dev/null 2>&1; then
    java_home="$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"
fi
if [ ! -f "$java_home/include/jni.h" ] || [ ! -x "$java_home/bin/jar" ]; then
    echo "build-linux-aarch64: no JDK (jni.h, jar) under JAVA_HOME='$java_home'; install one or set JAVA_HOME" >&2
    exit 1
fi

# The Maven project version, read from the root pom (its first <version> is the project's).
version="$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$root/pom.xml" | head -n 1)"

out="$build_dir/jar/META-INF/native/$classifier"
rm -rf "$build_dir/jar"
cmake -S "$root" -B "$build_dir" \
      -DCMAKE_TOOLCHAIN_FILE="$root/cmake/aarch64-linux-gnu.cmake" \
      -DCMAKE_BUILD_TYPE=Release \
      -DJNI_INCLUDE_DIR="$java_home/include" \
      -DMIO4J_OUTPUT_DIR="$out" \
      -DMIO4J_VERSION="$version" >/dev/null
# The build runs scripts/check-native-symbols.sh after linking and fails with it.
cmake --build "$build_dir" --parallel

lib="$out/libmio4j.so"
machine="$("$triple-objdump" -f "$lib" | sed -n 's/.*architecture: \([^,]*\),.*/\1/p')"
if [ "$machine" != "aarch64" ]; then
    echo "build-linux-aarch64: $lib is for '$machine', not aarch64" >&2
    exit 1
fi

jar_file="$root/java/target/mio4j-$version-$classifier.jar"
mkdir -p "$root/java/target"
rm -f "$jar_file"
"$java_home/bin/jar" --create --no-manifest --file "$jar_file" -C "$build_dir/jar" META-INF/native
listing="$("$java_home/bin/jar" --list --file "$jar_file" | grep -v '/$' | tr '\n' ' ')"
if [ "$listing" != "META-INF/native/$classifier/libmio4j.so " ]; then
    echo "build-linux-aarch64: $jar_file holds $listing" >&2
    exit 1
fi
echo "build-linux-aarch64: built $lib and $jar_file"
