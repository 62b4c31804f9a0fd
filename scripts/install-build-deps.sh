#!/usr/bin/env bash
# Installs what the build needs and a fresh Debian machine may lack. Fast when all is there.
# "--sanitizers" also installs the AddressSanitizer and UBSan runtimes of the installed gcc
# (scripts/test-native.sh). The cross tools are scripts/install-cross-deps.sh's.
set -euo pipefail
missing=()
command -v cmake >/dev/null || missing+=(cmake)
command -v gcc >/dev/null || missing+=(gcc)
command -v make >/dev/null || missing+=(make)
command -v objdump >/dev/null || missing+=(binutils)
command -v mvn >/dev/null || missing+=(maven)
command -v javac >/dev/null || missing+=(openjdk-17-jdk-headless)
for set in "$@"; do
  case "$set" in
    --sanitizers)
      # gcc links -fsanitize=address,undefined only with its libgcc-N-dev (libasan, libubsan).
      if command -v gcc >/dev/null; then
        probe="$(mktemp -d)"
        echo 'int main(void) { return 0; }' > "$probe/probe.c"
        if ! gcc -fsanitize=address,undefined "$probe/probe.c" -o "$probe/probe" 2>/dev/null; then
          missing+=("libgcc-$(gcc -dumpversion | cut -d. -f1)-dev")
        fi
        rm -rf "$probe"
      fi
      ;;
    *)
      echo "install-build-deps: unknown tool set '$set' (known: --sanitizers)" >&2
      exit 2
      ;;
  esac
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
