#!/bin/sh
# check-banned.sh [PATH]... - fail when C code calls a banned libc function.
#
# Banned: strcpy, strcat, sprintf, vsprintf, gets, atoi, atol, atof, strtok.
# They cannot know the size of their destination (strcpy, strcat, sprintf,
# vsprintf, gets), cannot report a malformed number (atoi, atol, atof), or
# keep hidden state between calls (strtok). Use instead: strdup/strndup,
# memcpy with a known length, snprintf/vsnprintf, fgets, strtol/strtoul/strtod
# with an end pointer, strtok_r or strcspn.
#
# PATH... are files or directories (default: validator/, codegen/, tests/,
# fuzz/, bench/ and examples/ of this repository); directories are searched for *.c and
# *.h. Comments, string literals and character literals are blanked out
# before matching (line numbers kept), so a comment that names a function is
# not a call. Prints FILE:LINE: FUNCTION(...) for each call and exits 1 when
# there is one, 0 when there is none, 2 when a PATH does not exist or no C
# file was found (a check of nothing must not pass).
set -u

if [ $# -eq 0 ]; then
    cd "$(dirname "$0")/.." || exit 2
    for d in validator codegen tests fuzz bench examples; do
        [ -d "$d" ] && set -- "$@" "$d"
    done
fi
for p in "$@"; do
    [ -e "$p" ] || { echo "check-banned: '$p' does not exist" >&2; exit 2; }
done

list=$(mktemp)
trap 'rm -f "$list"' EXIT
find "$@" -type f \( -name '*.c' -o -name '*.h' \) | LC_ALL=C sort > "$list"
count=$(wc -l < "$list")
if [ "$count" -eq 0 ]; then
    echo "check-banned: no C files under $*" >&2
    exit 2
fi

tr '\n' '\0' < "$list" | xargs -0 -r awk '
# Blank comments and literals of one line, carrying /* */ across lines in
# "incomment"; then report each banned name followed by "(".
FNR == 1 { incomment = 0 }
{
    line = $0
    out = ""
    i = 1
    n = length(line)
    while (i <= n) {
        c = substr(line, i, 1)
        two = substr(line, i, 2)
        if (incomment) {
            if (two == "*/") { incomment = 0; out = out "  "; i += 2 } else { out = out " "; i++ }
            continue
        }
        if (two == "/*") { incomment = 1; out = out "  "; i += 2; continue }
        if (two == "//") break
        if (c == "\"" || c == "\047") {
            q = c
            out = out " "
            i++
            while (i <= n && substr(line, i, 1) != q) {
                if (substr(line, i, 1) == "\\") { out = out " "; i++ }
                out = out " "
                i++
            }
            out = out " "
            i++
            continue
        }
        out = out c
        i++
    }
    rest = out
    while (match(rest, /(^|[^A-Za-z0-9_])(strcpy|strcat|sprintf|vsprintf|gets|atoi|atol|atof|strtok)[ \t]*\(/)) {
        hit = substr(rest, RSTART, RLENGTH)
        sub(/^[^A-Za-z]/, "", hit)
        sub(/[ \t]*\($/, "", hit)
        printf "%s:%d: %s() is banned\n", FILENAME, FNR, hit
        found++
        rest = substr(rest, RSTART + RLENGTH)
    }
}
END { exit found ? 1 : 0 }
'
status=$?
[ "$status" -eq 123 ] && status=1   # xargs: an awk run found something
if [ "$status" -eq 0 ]; then
    echo "check-banned: no banned calls in $count C files"
elif [ "$status" -eq 1 ]; then
    echo "check-banned: banned calls found (see the top of scripts/check-banned.sh for replacements)"
fi
exit "$status"
