#!/usr/bin/env bash
# Runs mio4j on 64-bit ARM Linux under emulation (slow; not part of CI):
#  1. builds the Java side (mvn package, tests not run) and the aarch64 library and
#     classifier JAR (scripts/build-linux-aarch64.sh);
#  2. makes, once, an arm64 Debian bookworm root with OpenJDK 17 in
#     build/linux-aarch_64-root (debootstrap's first stage downloads the packages and
#     their dependencies; they are unpacked on this machine, since configuring them would
#     need aarch64 maintainer scripts run through binfmt; a JVM needs none of that);
#  3. runs io.mio4j.examples.PlatformCheck there under qemu-aarch64-static, in a chroot,
#     from the main JAR + the linux-aarch_64 JAR + slf4j-api: the library must load, report
#     the aarch64 struct epoll_event layout (16 bytes, data at offset 8), echo over
#     loopback and stop its server with a Waker;
#  4. with --junit, also runs the whole JUnit suite (target/test-classes) in the root with
#     JUnit's console launcher. Tests that start a child JVM exec an aarch64 binary, so
#     this registers qemu-aarch64 with binfmt_misc (as installing qemu-user-static does
#     on a machine that mounts it).
# Needs root (debootstrap, chroot, mounts); installs what is missing with apt-get.
# Exits non-zero if anything fails. Set MIO4J_DEBIAN_MIRROR to use another mirror.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rootfs="$root/build/linux-aarch_64-root"
junit=0
case "${1:-}" in
    "") ;;
    --junit) junit=1 ;;
    *) echo "usage: test-linux-aarch64.sh [--junit]" >&2; exit 2 ;;
esac
if [ "$(id -u)" -ne 0 ]; then
    echo "test-linux-aarch64: run as root (debootstrap, chroot and mount need it)" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive

missing=()
command -v aarch64-linux-gnu-gcc >/dev/null 2>&1 || missing+=(gcc-aarch64-linux-gnu libc6-dev-arm64-cross)
command -v aarch64-linux-gnu-objdump >/dev/null 2>&1 || missing+=(binutils-aarch64-linux-gnu)
command -v qemu-aarch64-static >/dev/null 2>&1 || missing+=(qemu-user-static)
command -v debootstrap >/dev/null 2>&1 || missing+=(debootstrap)
command -v unshare >/dev/null 2>&1 || missing+=(util-linux)
if [ "$junit" -eq 1 ] && ! command -v update-binfmts >/dev/null 2>&1; then
    missing+=(binfmt-support)
fi
if [ ${#missing[@]} -gt 0 ]; then
    echo "test-linux-aarch64: installing ${missing[*]}"
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
"$root/scripts/install-build-deps.sh"

# 1. The Java side, then the aarch64 library (mvn would delete a JAR made before it).
echo "== build"
(cd "$root" && mvn -B -ntp -q package -DskipTests -Dmaven.javadoc.skip=true)
"$root/scripts/build-linux-aarch64.sh" "$root/build/linux-aarch_64"
version="$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$root/pom.xml" | head -n 1)"
main_jar="$root/java/target/mio4j-$version.jar"
native_jar="$root/java/target/mio4j-$version-linux-aarch_64.jar"
examples_jar="$root/examples/target/mio4j-examples-$version.jar"
slf4j_api="$(tr ':' '\n' <"$root/examples/target/classpath.txt" | grep '/slf4j-api-[^/]*\.jar$')"
slf4j_simple="$(tr ':' '\n' <"$root/examples/target/classpath.txt" | grep '/slf4j-simple-[^/]*\.jar$')"

# 2. The arm64 root, made once; .ready marks a finished one.
java_bin=/usr/lib/jvm/java-17-openjdk-arm64/bin/java
if [ ! -f "$rootfs/.ready" ]; then
    echo "== arm64 root in $rootfs (once)"
    rm -rf "$rootfs"
    mkdir -p "$rootfs"
    debootstrap --arch=arm64 --foreign --variant=minbase --include=openjdk-17-jre-headless \
        bookworm "$rootfs" ${MIO4J_DEBIAN_MIRROR:-} >"$root/build/linux-aarch_64-debootstrap.log" 2>&1 ||
        { tail -n 20 "$root/build/linux-aarch_64-debootstrap.log" >&2; exit 1; }
    for deb in "$rootfs"/var/cache/apt/archives/*.deb; do
        dpkg-deb -x "$deb" "$rootfs"
    done
    # What base-passwd's configuration would write: without it root has no user name.
    cp "$rootfs/usr/share/base-passwd/passwd.master" "$rootfs/etc/passwd"
    cp "$rootfs/usr/share/base-passwd/group.master" "$rootfs/etc/group"
    cp "$(command -v qemu-aarch64-static)" "$rootfs/usr/bin/qemu-aarch64-static"
    [ -x "$rootfs$java_bin" ] || { echo "test-linux-aarch64: no $java_bin in the root" >&2; exit 1; }
    touch "$rootfs/.ready"
fi

# What runs in the root is copied in afresh each time.
stage="$rootfs/opt/mio4j"
rm -rf "$stage"
mkdir -p "$stage"
cp "$main_jar" "$native_jar" "$examples_jar" "$slf4j_api" "$slf4j_simple" "$stage/"
jars() { for f in "$@"; do printf '/opt/mio4j/%s:' "$(basename "$f")"; done; }

# Runs a command in the root under qemu, in folder $1 there. A private mount namespace
# holds /proc, so nothing stays mounted in build/ whatever happens to this script.
in_root() {
    local wd=$1
    shift
    unshare --mount --pid --fork --mount-proc=/proc --root="$rootfs" --wd="$wd" \
        /usr/bin/qemu-aarch64-static "$@"
}

# 3. The platform check.
echo "== PlatformCheck on aarch64 under $(qemu-aarch64-static --version | head -n 1)"
log="$root/build/linux-aarch_64-check.log"
set +e
in_root /opt/mio4j "$java_bin" -cp "$(jars "$main_jar" "$native_jar" "$slf4j_api" "$examples_jar")" \
    io.mio4j.examples.PlatformCheck </dev/null 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
failed=0
[ "$status" -eq 0 ] || { echo "test-linux-aarch64: PlatformCheck exited $status" >&2; failed=1; }
for expected in '^arch: *aarch64$' '^epoll_event: *16 bytes, events at 0, data at 8$' \
                'META-INF/native/linux-aarch_64/libmio4j.so' '^platform check passed$'; do
    grep -qE "$expected" "$log" || { echo "test-linux-aarch64: no line matching '$expected'" >&2; failed=1; }
done
[ "$failed" -eq 0 ] || exit 1

# 4. Optionally the JUnit suite, with the test classes and the library as surefire has them.
if [ "$junit" -eq 1 ]; then
    echo "== JUnit suite on aarch64"
    junit_version="$(sed -n 's:.*<junit.version>5\.\(.*\)</junit.version>.*:1.\1:p' "$root/pom.xml")"
    (cd "$root" && mvn -B -ntp -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
        -Dartifact="org.junit.platform:junit-platform-console-standalone:$junit_version" \
        -DoutputDirectory="$root/build/junit")
    if ! grep -q enabled /proc/sys/fs/binfmt_misc/qemu-aarch64 2>/dev/null; then
        [ -f /proc/sys/fs/binfmt_misc/register ] ||
            mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc
        update-binfmts --enable qemu-aarch64
    fi
    cp -r "$root/java/target/classes" "$stage/classes"
    cp -r "$root/java/target/test-classes" "$stage/test-classes"
    cp -r "$root/build/linux-aarch_64/jar" "$stage/native"
    cp "$root/build/junit/junit-platform-console-standalone-$junit_version.jar" "$stage/"
    # Some tests read the sources (C tables, imports): they look above the working folder,
    # which is java/ as under surefire.
    mkdir -p "$stage/src/java"
    cp -r "$root/native" "$stage/src/native"
    cp -r "$root/java/src" "$stage/src/java/src"
    junit_log="$root/build/linux-aarch_64-junit.log"
    set +e
    in_root /opt/mio4j/src/java "$java_bin" \
        -Dmio4j.test.nativeRoot=/opt/mio4j/native -Dmio4j.test.classes=/opt/mio4j/classes \
        -Dmio4j.test.classifier=linux-aarch_64 \
        -jar "/opt/mio4j/junit-platform-console-standalone-$junit_version.jar" execute \
        --class-path "/opt/mio4j/test-classes:/opt/mio4j/classes:/opt/mio4j/native:$(jars "$slf4j_api" "$slf4j_simple")" \
        --scan-class-path /opt/mio4j/test-classes --disable-banner --details=summary \
        --details-theme=ascii </dev/null 2>&1 | tee "$junit_log"
    status=${PIPESTATUS[0]}
    set -e
    # Failures that come from qemu-user, not from mio4j (each checked apart from the
    # suite): qemu 7.2 implements no getsockopt(IP_MULTICAST_IF) and answers ENOPROTOOPT;
    # it maps a guest library's code itself, so a noexec mount does not stop loading it.
    # They are reported below, never dropped from the run.
    qemu_limits='UdpSocketTest:socketOptionsRoundTripAndOthersAreUnsupported()
NativeLoaderTest:aNoexecExtractionFolderIsNamedInTheError()'
    failures="$(sed -n 's/^  JUnit Jupiter:\(.*\)$/\1/p' "$junit_log" | sort -u)"
    unexpected="$(comm -23 <(echo "$failures" | sed '/^$/d') <(echo "$qemu_limits" | sort))"
    tests="$(sed -n 's/^\[ *\([0-9]*\) tests started.*/\1/p' "$junit_log")"
    echo "JUnit on aarch64: ${tests:-?} tests started, $(echo "$failures" | sed '/^$/d' | wc -l) failed"
    if [ -n "$failures" ]; then
        echo "$failures" | sed 's/^/  failed: /'
    fi
    if [ -n "$unexpected" ] || { [ "$status" -ne 0 ] && [ -z "$failures" ]; } || [ -z "$tests" ]; then
        echo "test-linux-aarch64: the JUnit suite failed on aarch64 (exit $status)" >&2
        exit 1
    fi
    [ -z "$failures" ] || echo "  (all of them known qemu-user limitations, see this script)"
fi
echo "test-linux-aarch64: passed"
