#!/usr/bin/env bash
# Installs what scripts/cross-build.sh needs and a fresh Debian machine may lack: clang
# (every target), lld (ld.lld, ld64.lld), llvm (llvm-readobj/readelf/nm/objdump for
# scripts/check-library.sh), cmake and make. Fast when all is there.
set -euo pipefail
missing=()
command -v clang >/dev/null || missing+=(clang)
command -v ld.lld >/dev/null || missing+=(lld)
{ command -v llvm-readobj >/dev/null || ls /usr/bin/llvm-readobj-* >/dev/null 2>&1; } || missing+=(llvm)
command -v cmake >/dev/null || missing+=(cmake)
command -v make >/dev/null || missing+=(make)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
