#!/usr/bin/env bash
# Checks a cross-built libmio4j against cmake/<triple>.expect: ELF class and machine,
# the NEEDED libraries, the exported symbols (exactly), the imported ones (only those
# listed, per library, and the required ones present), and no symbol version named in
# forbidden-versions (GLIBC: a Linux C library leaking into another OS's build). With
# a third argument, the folder of the build's link-time stand-in libraries, it also
# checks that each import was resolved in the library .expect names for it.
# Needs llvm-readelf and llvm-nm (apt-get install llvm). ELF only.
# Usage: scripts/check-library.sh <library> <triple> [<stand-ins folder>]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
lib=$1 triple=$2 stubs=${3:-}
expect="$root/cmake/$triple.expect"
[ -f "$lib" ] || { echo "check-library: no library $lib" >&2; exit 1; }
[ -f "$expect" ] || { echo "check-library: no $expect" >&2; exit 1; }

value() {   # the values of "key:" in the .expect file
    sed -n "s/^$1:[[:space:]]*//p" "$expect" | tr -s ' \t' '\n' | sed '/^$/d'
}
sorted() { tr -s ' \t' '\n' | sed '/^$/d' | sort -u | tr '\n' ' '; }
failures=0
fail() { echo "check-library: $lib: $*" >&2; failures=$((failures + 1)); }

header="$(llvm-readelf -h "$lib")"
format="$(value format)"
case "$format" in
    ELF64|ELF32) echo "$header" | grep -q "Class:[[:space:]]*$format\$" || fail "not $format" ;;
    *) echo "check-library: format '$format' is not ELF: this script reads ELF only" >&2; exit 1 ;;
esac
machine="$(value machine)"
echo "$header" | grep -q "Machine:.*$machine" || fail "machine is not $machine: $(echo "$header" | grep Machine:)"

needed="$(llvm-readelf -d "$lib" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | tr '\n' ' ')"
[ "$needed" = "$(value needed | tr '\n' ' ')" ] || fail "NEEDED is '$needed', expected '$(value needed | tr '\n' ' ')'"

exported="$(llvm-nm -D --defined-only "$lib" | awk '{print $NF}' | sorted)"
[ "$exported" = "$(value exports | sorted)" ] || fail "exports '$exported', expected '$(value exports | sorted)'"

imported="$(llvm-nm -D --undefined-only "$lib" | awk '{print $NF}' | sed 's/@.*//' | sorted)"
allowed="$(sed -n 's/^from [^:]*:[[:space:]]*//p' "$expect" | sorted)"
for symbol in $imported; do
    case " $allowed " in *" $symbol "*) ;; *) fail "imports $symbol, which no 'from' line allows" ;; esac
done
for symbol in $(value required); do
    case " $imported " in *" $symbol "*) ;; *) fail "does not import $symbol" ;; esac
done

for version in $(value forbidden-versions); do
    if llvm-readelf -V "$lib" | grep -q "$version" || llvm-nm -D "$lib" | grep -q "@$version"; then
        fail "refers to a $version symbol version"
    fi
done

if [ -n "$stubs" ]; then
    while read -r soname symbols; do
        defined="$(llvm-nm -D --defined-only "$stubs/$soname" | awk '{print $NF}' | sorted)"
        for symbol in $symbols; do
            case " $imported " in *" $symbol "*) ;; *) continue ;; esac
            case " $defined " in *" $symbol "*) ;; *) fail "imports $symbol, which the link found outside $soname" ;; esac
        done
    done < <(sed -n 's/^from \([^:]*\):/\1/p' "$expect")
fi

if [ "$failures" -gt 0 ]; then
    exit 1
fi
echo "check-library: $lib: $format $machine; NEEDED $needed; exports $exported"
echo "check-library: imports $imported"
