#!/usr/bin/env bash
# README's test command: builds the Java and C, packages the JARs and runs every test
# against the built native library.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-build-deps.sh
exec mvn -B -ntp verify "$@"
