#!/usr/bin/env bash
# Checks a built library against what cmake/<triple>.expect says it must be: object
# format and machine (and ELF OS/ABI), the libraries it needs, its exports (only
# JNI_OnLoad/JNI_OnUnload), its undefined symbols, exactly (on ELF with their versions:
# FreeBSD's kevent@FBSD_1.5), that Mach-O binds each of them to a library (two-level
# namespace), and program headers it must have. Reads the binary with LLVM's tools only,
# so one host checks every target.
#
# Usage: scripts/check-library.sh <library> <triple>   (cmake/<triple>.expect)
#    or: scripts/check-library.sh <library> <file.expect>
# Expect file lines ("#" starts a comment):
#   format <llvm-readobj Format>    arch <llvm-readobj Arch>    osabi <ELF OS/ABI name>
#   needs <library>     exports <symbol>     undefined <symbol>[@VERSION]     phdr <type>
set -euo pipefail
lib="${1:?usage: check-library.sh <library> <triple|file.expect>}"
spec="${2:?usage: check-library.sh <library> <triple|file.expect>}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
case "$spec" in
    *.expect) expect="$spec" ;;
    *) expect="$root/cmake/$spec.expect" ;;
esac
[ -f "$lib" ] || { echo "check-library: no library $lib" >&2; exit 1; }
[ -f "$expect" ] || { echo "check-library: no expectations $expect" >&2; exit 1; }

tool() {   # the first of llvm-<name>, llvm-<name>-<version> found
    local name=$1 found
    found="$(command -v "llvm-$name" || ls /usr/bin/llvm-"$name"-* 2>/dev/null | head -n 1 || true)"
    [ -n "$found" ] || { echo "check-library: llvm-$name not found (Debian: apt-get install llvm)" >&2; exit 1; }
    echo "$found"
}
readobj="$(tool readobj)"; readelf="$(tool readelf)"; nm="$(tool nm)"; objdump="$(tool objdump)"

expected() {   # the values of one kind of line, sorted
    sed -e 's/#.*//' "$expect" | awk -v k="$1" '$1 == k { $1 = ""; sub(/^ /, ""); print }' | sort -u
}
failures=0
fail() { echo "check-library: $(basename "$lib"): $*" >&2; failures=$((failures + 1)); }
same() {   # kind, actual (sorted lines)
    local want; want="$(expected "$1")"
    if [ "$want" != "$2" ]; then
        fail "$1 differs from $(basename "$expect") (< expected, > found):"
        diff <(printf '%s\n' "$want") <(printf '%s\n' "$2") | grep '^[<>]' | sed 's/^/    /' >&2 || true
    fi
}

headers="$("$readobj" --file-headers "$lib")"
format="$(sed -n 's/^Format: //p' <<<"$headers")"
same format "$format"
same arch "$(sed -n 's/^Arch: //p' <<<"$headers")"

case "$format" in
Mach-O*)
    symbols="$("$nm" -m "$lib")"
    same exports "$(awk '$1 != "(undefined)" && / external / { print $NF }' <<<"$symbols" | sort -u)"
    same undefined "$(awk '$1 == "(undefined)" { print $3 }' <<<"$symbols" | sort -u)"
    # Each undefined symbol names its library ("(from libSystem)"), none is flat.
    flat="$(awk '$1 == "(undefined)" && !/\(from / { print $3 }' <<<"$symbols")"
    [ -z "$flat" ] || fail "undefined symbols not bound to a library: $flat"
    same needs "$("$objdump" --macho --private-headers "$lib" \
        | awk '/cmd LC_(LOAD|LOAD_WEAK|REEXPORT)_DYLIB$/ { load = 1 } load && $1 == "name" { print $2; load = 0 }' | sort -u)"
    ;;
elf*)
    same osabi "$(sed -n 's/^ *OS\/ABI: \([^ ]*\).*/\1/p' <<<"$headers")"
    dynsyms="$("$readelf" --wide --dyn-syms "$lib" | awk 'NR > 3 && $8 != "" { print $7, $8 }')"
    same exports "$(awk '$1 != "UND" { print $2 }' <<<"$dynsyms" | sort -u)"
    # llvm-readelf prints a versioned reference as name@VERSION (and a default one @@).
    same undefined "$(awk '$1 == "UND" { print $2 }' <<<"$dynsyms" | sort -u)"
    same needs "$("$readelf" --dynamic "$lib" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | sort -u)"
    phdrs="$("$readelf" --program-headers "$lib" | awk '/^  [A-Z_]+ / { print $1 }')"
    for type in $(expected phdr); do
        grep -qx "$type" <<<"$phdrs" || fail "no $type program header"
    done
    ;;
*)
    fail "unknown object format '$format'"
    ;;
esac

if [ "$failures" -ne 0 ]; then
    exit 1
fi
echo "check-library: $(basename "$lib") is $format ($(sed -n 's/^Arch: //p' <<<"$headers")) as $(basename "$expect") expects"
