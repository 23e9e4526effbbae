#!/bin/sh
# check-exports.sh - libadvisor-lint.so exports exactly the functions the
# public headers declare AL_API, they all carry the al_ prefix, and each
# public header compiles on its own.
#
#   scripts/check-exports.sh LIB.so [CC]      exit 0, 1 listing the mismatches,
#                                             77 when nm is missing
#
# The declared list comes from the headers themselves, not from a list kept
# by hand: a file including every include/advisor/*.h is run through the C
# preprocessor (CC, default cc), so comments and macros are handled as a
# compiler handles them and AL_API has become its visibility attribute;
# only text coming from include/advisor/ counts (the line markers say where
# each line came from). Each declaration carrying visibility("default")
# gives the name before its first parenthesis. The exported list is
# `nm -D --defined-only` of the library. Both must be equal, non-empty and
# all al_: an internal function left visible (a layer built without hidden
# visibility) or an AL_API declaration the library lacks fails.
set -eu
if [ $# -lt 1 ] || [ $# -gt 2 ]; then
    echo "usage: scripts/check-exports.sh LIB.so [CC]" >&2
    exit 2
fi
lib=$1
cc=${2:-cc}
cd "$(dirname "$0")/.."
if ! command -v nm >/dev/null 2>&1; then
    echo "check-exports: skipped: nm (binutils) is not installed" >&2
    exit 77
fi
[ -f "$lib" ] || { echo "check-exports: no library '$lib'" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Each public header compiles on its own, as the first include of a program
# (C11, warnings as errors), and all of them together.
status=0
for h in include/advisor/*.h; do
    printf '#include <advisor/%s>\n' "${h##*/}" >"$tmp/one.c"
    "$cc" -std=c11 -Wall -Wextra -Werror -fsyntax-only -I include "$tmp/one.c" ||
        { echo "check-exports: $h does not compile on its own" >&2; status=1; }
    cat "$tmp/one.c" >>"$tmp/all.c"
done
"$cc" -std=c11 -Wall -Wextra -Werror -fsyntax-only -I include "$tmp/all.c" ||
    { echo "check-exports: the public headers do not compile together" >&2; status=1; }
"$cc" -E -I include "$tmp/all.c" >"$tmp/all.i"

# Text from the public headers only, one declaration per line (split at ';').
awk '
    /^# [0-9]+ "/ { f = $3; gsub(/"/, "", f); keep = (f ~ /include\/advisor\/[^\/]*\.h$/); next }
    /^#/ { next }
    keep { print }
' "$tmp/all.i" | tr '\n' ' ' | tr ';' '\n' |
    grep 'visibility *( *"default" *)' |
    sed -e 's/__attribute__ *( *( *visibility *( *"default" *) *) *)//' \
        -e 's/(.*//' -e 's/\[.*//' -e 's/[[:space:]]*$//' \
        -e 's/.*[^A-Za-z0-9_]\([A-Za-z_][A-Za-z0-9_]*\)$/\1/' |
    LC_ALL=C sort -u >"$tmp/declared"

# Defined dynamic symbols; the linker's own (_init, _edata...), which older
# binutils export from every shared library, are not the API's.
nm -D --defined-only -P "$lib" | awk '{ sub(/@.*/, "", $1); print $1 }' |
    grep -v -x -e _init -e _fini -e _edata -e _end -e __bss_start |
    LC_ALL=C sort -u >"$tmp/exported"

ndecl=$(wc -l <"$tmp/declared")
nexp=$(wc -l <"$tmp/exported")
if [ "$ndecl" -eq 0 ]; then
    echo "check-exports: no AL_API declaration found in include/advisor/*.h" >&2
    status=1
fi
extra=$(LC_ALL=C comm -13 "$tmp/declared" "$tmp/exported")
missing=$(LC_ALL=C comm -23 "$tmp/declared" "$tmp/exported")
unprefixed=$(grep -v '^al_' "$tmp/declared" || true)
if [ -n "$extra" ]; then
    echo "check-exports: exported by $lib but not declared AL_API in include/advisor/:" >&2
    printf '  %s\n' $extra >&2
    status=1
fi
if [ -n "$missing" ]; then
    echo "check-exports: declared AL_API but not exported by $lib:" >&2
    printf '  %s\n' $missing >&2
    status=1
fi
if [ -n "$unprefixed" ]; then
    echo "check-exports: public functions without the al_ prefix:" >&2
    printf '  %s\n' $unprefixed >&2
    status=1
fi
[ "$status" = 0 ] && echo "check-exports: $(ls include/advisor/*.h | wc -l) headers compile alone; $nexp symbols exported, the $ndecl declared AL_API"
exit $status
