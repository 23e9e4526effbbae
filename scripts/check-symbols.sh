#!/bin/sh
# check-symbols.sh - every defined global symbol of a static library carries its prefix.
#
#   scripts/check-symbols.sh ARCHIVE PREFIXES [ARCHIVE PREFIXES]...
#     ARCHIVE   a static library (.a)
#     PREFIXES  the allowed prefixes of its defined global symbols, comma-separated
#               (e.g. "jsch_" or "al_,adv_")
#   scripts/check-symbols.sh build/validator/jsonschema/libjsonschema.a jsch_
#
# Why: our libraries are static archives that other programs link. A global
# `buf_add` or `index_free` in one of them collides with the same name in the
# program or in another library (a duplicate-symbol error at best, the wrong
# function silently at worst). So each library's functions and data are either
# `static` or named with the library's prefix (public API `jsch_`, internals shared
# between its files `jsch__`).
#
# How: `nm -g --defined-only -P` lists each member's defined global symbols
# (text, data, bss, read-only data, common, weak, ...); each one whose name starts
# with none of the prefixes is printed as "ARCHIVE(MEMBER): TYPE NAME". Undefined
# references (what the library calls in libc, jansson...) are not its own symbols
# and are not listed, nor are the ODR indicators AddressSanitizer adds beside each
# global variable (the variable itself is checked). An archive with no defined
# global symbol at all is an error: that is a broken or unreadable archive (e.g.
# LTO objects without the nm plugin), not a clean one.
#
# $NM overrides the nm program (CMake passes CMAKE_NM).
# Exit: 0 every symbol prefixed, 1 unprefixed symbols listed, 2 usage or I/O trouble.
set -u

usage() {
    echo "usage: check-symbols.sh ARCHIVE PREFIX[,PREFIX...] [ARCHIVE PREFIXES]..." >&2
    exit 2
}

case "${1:-}" in
    -h | --help)
        sed -n '2,/^set -u/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'
        exit 0
        ;;
esac
[ $# -ge 2 ] || usage
[ $(($# % 2)) -eq 0 ] || usage

nm_prog=${NM:-nm}
status=0
while [ $# -gt 0 ]; do
    archive=$1
    prefixes=$2
    shift 2
    case "$prefixes" in
        "" | ,* | *, | *,,*)
            echo "check-symbols.sh: $archive: empty prefix in '$prefixes'" >&2
            exit 2
            ;;
    esac
    if [ ! -f "$archive" ] || [ ! -r "$archive" ]; then
        echo "check-symbols.sh: $archive: not a readable file" >&2
        exit 2
    fi
    # Keep nm's output and status apart: a failing nm must not pass as "no symbols".
    if ! listing=$("$nm_prog" -g --defined-only -P "$archive" 2>&1); then
        echo "check-symbols.sh: $archive: $nm_prog failed: $listing" >&2
        exit 2
    fi
    # -P prints "archive[member]:" before each member, then "NAME TYPE VALUE [SIZE]".
    printf '%s\n' "$listing" | awk -v archive="$archive" -v prefixes="$prefixes" '
        BEGIN { np = split(prefixes, pre, ","); member = "?" }
        /\]:$/ {
            member = $0
            sub(/^.*\[/, "", member)
            sub(/\]:$/, "", member)
            next
        }
        # AddressSanitizer adds an ODR indicator beside each global variable
        # (gcc __odr_asan.NAME, clang __odr_asan_gen_NAME); NAME itself is listed too.
        $1 ~ /^__odr_asan[._]/ { next }
        NF >= 2 {
            total++
            for (i = 1; i <= np; i++)
                if (index($1, pre[i]) == 1) next
            bad++
            printf "%s(%s): %s %s\n", archive, member, $2, $1
        }
        END {
            if (total == 0) {
                printf "check-symbols.sh: %s: no defined global symbols (broken archive?)\n", archive > "/dev/stderr"
                exit 2
            }
            printf "%s: %d defined global symbols, %d without prefix %s\n", archive, total, bad, prefixes
            exit bad > 0 ? 1 : 0
        }'
    rc=$?
    [ "$rc" -eq 2 ] && exit 2
    [ "$rc" -ne 0 ] && status=1
done
exit "$status"
