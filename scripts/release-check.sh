#!/usr/bin/env bash
# What a Maven Central upload of mio4j would hold, built and checked here without
# publishing anything (CI runs it; a few minutes):
#  1. copies the work tree (tracked and unignored files: no target/, no build/) into two
#     folders, A and B, and sets the copies' version to the release version (no
#     -SNAPSHOT), as a release build would;
#  2. in each copy, builds every cross-built platform java/pom.xml lists (one line per
#     platform, ending in "<!-- built by: COMMAND -->"), then runs the release profile
#     without tests, `mvn -Prelease -DskipTests verify deploy:deploy`, deploying to a
#     file repository in the copy (the Central plugin of that profile is loaded, but the
#     deploy phase it takes over is never reached). A signs with a throwaway GPG key made
#     for the run; B names no key, so signing must be skipped cleanly;
#  3. checks A's repository with scripts/ReleaseCheck.java (POM metadata Central
#     requires, main/sources/javadoc/classifier JARs, checksums, each classifier JAR
#     exactly its library, the main JAR none), verifies every signature in A, checks B
#     has none, and compares every JAR and POM of A and B byte for byte (reproducible
#     builds: two folders, two times, the same bytes, native libraries included).
#
#   scripts/release-check.sh [WORK_DIR]     (default build/release-check, emptied first)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${1:-$root/build/release-check}"
export DEBIAN_FRONTEND=noninteractive

# The cross compilers the POM's platform lines need, and gpg for the signatures.
missing=()
command -v aarch64-linux-gnu-gcc >/dev/null 2>&1 || missing+=(gcc-aarch64-linux-gnu libc6-dev-arm64-cross)
command -v aarch64-linux-gnu-objdump >/dev/null 2>&1 || missing+=(binutils-aarch64-linux-gnu)
command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1 || missing+=(gcc-mingw-w64-x86-64)
command -v gpg >/dev/null 2>&1 || missing+=(gnupg)
if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null 2>&1 || { echo "release-check: need root to install ${missing[*]}" >&2; exit 1; }
        sudo="sudo -n"
    fi
    echo "release-check: installing ${missing[*]}"
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
"$root/scripts/install-build-deps.sh"

snapshot="$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$root/pom.xml" | head -n 1)"
version="${snapshot%-SNAPSHOT}"

# The cross-built platforms: "classifier command" per line of java/pom.xml.
platforms="$(sed -n 's:.*<classifier>\([^<$]*\)</classifier>.*<!-- built by\: \(.*\) -->.*:\1 \2:p' "$root/java/pom.xml")"
if [ -z "$platforms" ]; then
    echo "release-check: java/pom.xml lists no cross-built platform (lines ending in <!-- built by: ... -->)" >&2
    exit 1
fi

rm -rf "$work"
mkdir -p "$work"
started=$(date +%s)

# A copy of the work tree as a fresh clone would have it, at the release version.
copy_tree() {
    local dest=$1
    mkdir -p "$dest"
    (cd "$root" && git ls-files -z -co --exclude-standard |
        while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done |
        tar --null -T - -cf -) | tar -xf - -C "$dest"
    find "$dest" -name pom.xml -exec sed -i "s:<version>$snapshot</version>:<version>$version</version>:" {} +
}

# Builds one copy: the cross-built platforms, then the release profile into $1/repo.
build() {
    local src=$1
    shift
    local log="$src/build.log"
    echo "== build in $src"
    while read -r classifier command; do
        echo "   $classifier: $command"
        (cd "$src" && $command) >>"$log" 2>&1 || { tail -n 30 "$log" >&2; echo "release-check: $command failed" >&2; exit 1; }
    done <<<"$platforms"
    echo "   mvn -Prelease -DskipTests verify deploy:deploy $*"
    (cd "$src" && mvn -B -ntp -Prelease -DskipTests "$@" verify deploy:deploy \
        -DaltDeploymentRepository="release-check::file://$src/repo") >>"$log" 2>&1 ||
        { tail -n 40 "$log" >&2; echo "release-check: the release build failed (log: $log)" >&2; exit 1; }
}

# A throwaway signing key, in a GnuPG home of this run only.
export GNUPGHOME="$work/gnupg"
mkdir -m 700 "$GNUPGHOME"
gpg --batch --quiet --passphrase '' --quick-gen-key 'mio4j release check <release-check@mio4j.invalid>' \
    ed25519 sign 1d 2>/dev/null
key="$(gpg --batch --with-colons --list-secret-keys 2>/dev/null | awk -F: '$1 == "fpr" {print $10; exit}')"
stop_agent() { gpgconf --kill gpg-agent >/dev/null 2>&1 || true; }
trap stop_agent EXIT

copy_tree "$work/a/src"
copy_tree "$work/b/src"
build "$work/a/src" -Dgpg.keyname="$key"
# B: no key named (and none in the environment), so the release profile must not sign.
(unset MAVEN_GPG_KEY; build "$work/b/src")

host="$(ls "$work/a/src/java/target/native/META-INF/native")"
classifiers="$host $(echo "$platforms" | awk '{print $1}' | tr '\n' ' ')"
echo "== checking $work/a/src/repo (version $version; classifiers: $classifiers)"

failed=0
java "$root/scripts/ReleaseCheck.java" "$work/a/src/repo" "$work/b/src/repo" "$version" $classifiers || failed=1

# Signatures: one per published file in A, each valid for its file and our key; none in B.
signed=0
bad=0
while IFS= read -r file; do
    if [ ! -f "$file.asc" ]; then
        echo "FAIL no signature for ${file#$work/a/src/repo/}"; bad=$((bad + 1))
    elif ! gpg --batch --quiet --status-fd 1 --verify "$file.asc" "$file" 2>/dev/null | grep -q "VALIDSIG $key"; then
        echo "FAIL bad signature for ${file#$work/a/src/repo/}"; bad=$((bad + 1))
    else
        signed=$((signed + 1))
    fi
done < <(find "$work/a/src/repo/io/mio4j" -type f \( -name '*.jar' -o -name '*.pom' \) | sort)
unsigned_b="$(find "$work/b/src/repo" -name '*.asc' | wc -l)"
[ "$unsigned_b" -eq 0 ] || { echo "FAIL the build without a key signed $unsigned_b files"; bad=$((bad + 1)); }
echo "signatures: $signed valid in A, $unsigned_b in B (built without a key)"
[ "$bad" -eq 0 ] || failed=1

echo "release-check: $(( $(date +%s) - started )) s"
if [ "$failed" -ne 0 ]; then
    echo "release-check: FAILED" >&2
    exit 1
fi
echo "release-check: passed"
