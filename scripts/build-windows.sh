#!/usr/bin/env bash
# Cross-compiles the Windows (AFD) backend with mingw-w64 into build/windows-x86_64 (or
# $1): mio4j.dll (selector + Winsock calls + JNI glue), the static libraries and the
# two C test programs (afd_test.exe, jni_glue_test.exe). Checks that mio4j.dll imports
# no MinGW runtime DLL and exports only JNI_OnLoad/JNI_OnUnload, then packs the
# platform-classifier JAR java/target/mio4j-<version>-windows-x86_64.jar holding only
# META-INF/native/windows-x86_64/mio4j.dll.
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

# Any JDK's jni.h will do (native/jni/include/win32/jni_md.h supplies the Windows part).
java_home="${JAVA_HOME:-}"
if [ -z "$java_home" ] && command -v javac >/dev/null 2>&1; then
    java_home="$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"
fi
if [ ! -f "$java_home/include/jni.h" ]; then
    echo "build-windows: no jni.h under JAVA_HOME='$java_home'; install a JDK or set JAVA_HOME" >&2
    exit 1
fi
jar_tool="$java_home/bin/jar"

# The Maven project version, read from the root pom (its first <version> is the project's).
version="$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$root/pom.xml" | head -n 1)"

cmake -S "$root/native/afd" -B "$build_dir" \
      -DCMAKE_TOOLCHAIN_FILE="$root/cmake/mingw-w64-x86_64.cmake" \
      -DCMAKE_BUILD_TYPE=Release \
      -DJNI_INCLUDE_DIR="$java_home/include" \
      -DMIO4J_VERSION="$version" >/dev/null
cmake --build "$build_dir" --parallel

dll="$build_dir/mio4j.dll"
dump="$("$triple-objdump" -p "$dll")"
imports="$(echo "$dump" | sed -n 's/^[[:space:]]*DLL Name:[[:space:]]*//p')"
echo "mio4j.dll imports: $(echo $imports)"
# MinGW runtime DLLs (libgcc_s_seh-1, libwinpthread-1, libstdc++-6, libssp-0...) are
# not on a Windows machine; they must be linked statically.
runtime="$(echo "$imports" | grep -iE '^(lib|mingw)' || true)"
if [ -n "$runtime" ]; then
    echo "build-windows: mio4j.dll depends on MinGW runtime DLLs: $(echo $runtime)" >&2
    exit 1
fi
# The export table's name list: "[ordinal] name" lines after "[Ordinal/Name Pointer] Table".
exports="$(echo "$dump" | sed -n '/\[Ordinal\/Name Pointer\] Table/,/^$/p' |
           sed -n 's/^[[:space:]]*\[[[:space:]]*[0-9]*\][[:space:]]*//p' | sort | tr '\n' ' ')"
echo "mio4j.dll exports: $exports"
if [ "$exports" != "JNI_OnLoad JNI_OnUnload " ]; then
    echo "build-windows: mio4j.dll must export only JNI_OnLoad and JNI_OnUnload" >&2
    exit 1
fi

# The classifier JAR: the resource path NativeLoader looks for, nothing else.
stage="$build_dir/jar"
rm -rf "$stage"
mkdir -p "$stage/META-INF/native/windows-x86_64"
cp "$dll" "$stage/META-INF/native/windows-x86_64/mio4j.dll"
jar_file="$root/java/target/mio4j-$version-windows-x86_64.jar"
mkdir -p "$root/java/target"
rm -f "$jar_file"
if [ -x "$jar_tool" ]; then
    "$jar_tool" --create --no-manifest --file "$jar_file" -C "$stage" META-INF/native
else
    (cd "$stage" && zip -qr "$jar_file" META-INF/native)
fi
echo "build-windows: built $dll, $build_dir/afd_test.exe, $build_dir/jni_glue_test.exe and $jar_file"
