#!/bin/sh
# Checks a built libmio4j: it must need no glibc symbol newer than $2 (so it loads on
# old distributions) and export nothing but JNI_OnLoad/JNI_OnUnload.
# Usage: check-native-symbols.sh LIBRARY MAX_GLIBC [OBJDUMP]
set -eu
lib=$1 max=$2 objdump=${3:-objdump}
[ -n "$objdump" ] || objdump=objdump

newest=$("$objdump" -T "$lib" | grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/GLIBC_//' | sort -u -V | tail -n 1)
if [ -n "$newest" ] && [ "$(printf '%s\n%s\n' "$newest" "$max" | sort -V | tail -n 1)" != "$max" ]; then
  echo "error: $lib needs GLIBC_$newest, newer than GLIBC_$max:" >&2
  "$objdump" -T "$lib" | grep "GLIBC_$newest" >&2
  exit 1
fi

exported=$("$objdump" -T "$lib" | awk '$2 == "g" && $4 != "*UND*" {print $NF}' | grep -v -E '^(JNI_OnLoad|JNI_OnUnload)$' || true)
if [ -n "$exported" ]; then
  echo "error: $lib exports more than JNI_OnLoad/JNI_OnUnload: $exported" >&2
  exit 1
fi
echo "native symbols ok: newest glibc ${newest:-none} (max $max), exports JNI_OnLoad/JNI_OnUnload only"
