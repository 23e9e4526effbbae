#!/bin/sh
# man_options.sh BIN PAGE [SECTION SUBCOMMAND] - a tool's --help and its man
# page document the same options, so neither can drift from the other (with
# SECTION and SUBCOMMAND: `BIN SUBCOMMAND --help` and that section, e.g.
# "NEW RECOMMENDATIONS" and "new"; the page's .TP tags there are its options):
#   - the options of --help's option column (long and short) are exactly the
#     options tagged (.TP) in the page's OPTIONS section;
#   - every long option --help mentions anywhere is mentioned in OPTIONS, and
#     every long option OPTIONS mentions is one --help mentions;
#   - the version in the page's .TH line is the one `BIN --version` prints.
# The page is read as roff source (font escapes, \- and \c taken out), so
# this needs no man or groff. Prints the differences and exits 1 on any.
set -u
bin=$1
page=$2
section=${3:-OPTIONS}
sub=${4:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
[ -f "$page" ] || { echo "FAIL: no page '$page'"; exit 1; }

# shellcheck disable=SC2086
"$bin" $sub --help > "$tmp/help" || { echo "FAIL: $bin $sub --help exited $?"; exit 1; }

# roff source without inline markup, OPTIONS section only
sed -e 's/\\f[BIRP]//g' -e 's/\\c$//' -e 's/\\-/-/g' -e 's/\\%//g' -e 's/\\~/ /g' -e 's/\\&//g' \
    "$page" > "$tmp/plain"
sed -n "/^\\.SH $section\$/,/^\\.SH /p" "$tmp/plain" | sed '$d' > "$tmp/options"
[ -s "$tmp/options" ] || { echo "FAIL: $page has no $section section"; exit 1; }

longs() { grep -o -- '--[a-z][a-z0-9-]*' | LC_ALL=C sort -u; }
shorts() { grep -oE -- '(^|[^-A-Za-z0-9])-[A-Za-z]([^-A-Za-z0-9]|$)' | grep -oE -- '-[A-Za-z]' | LC_ALL=C sort -u; }

# --help's option column: lines starting with spaces and '-', up to the gap before the description
grep -E '^ {1,8}-' "$tmp/help" | sed -e 's/^ *//' -e 's/  .*//' > "$tmp/help_column"
# the page's tags: the line after each .TP in OPTIONS
awk 'tag { print; tag = 0 } /^\.TP/ { tag = 1 }' "$tmp/options" > "$tmp/page_tags"

longs < "$tmp/help_column" > "$tmp/help_long"
longs < "$tmp/page_tags" > "$tmp/page_long"
shorts < "$tmp/help_column" > "$tmp/help_short"
shorts < "$tmp/page_tags" > "$tmp/page_short"
longs < "$tmp/help" > "$tmp/help_any"
grep -v '^\.\\"' "$tmp/options" | longs > "$tmp/page_any"

compare() { # WHAT A B NAME_A NAME_B
    if ! cmp -s "$2" "$3"; then
        echo "FAIL: $1 differ (- $4, + $5):"
        diff "$2" "$3" | grep '^[<>]' | sed -e 's/^</  -/' -e 's/^>/  +/'
        fail=1
    fi
}
compare "options of --help's option column and the page's OPTIONS tags" \
    "$tmp/help_long" "$tmp/page_long" "--help" "$page"
compare "short options of --help and the page's OPTIONS tags" \
    "$tmp/help_short" "$tmp/page_short" "--help" "$page"
compare "long options mentioned in --help and in the page's OPTIONS" \
    "$tmp/help_any" "$tmp/page_any" "--help" "$page"
n=$(wc -l < "$tmp/help_long")
[ "$n" -gt 0 ] || { echo "FAIL: no option found in --help (format changed?)"; fail=1; }

version=$("$bin" --version | awk '{ print $NF; exit }')
th=$(grep '^\.TH ' "$page" | head -1)
case "$th" in
    *" $version\""*) ;;
    *) echo "FAIL: the .TH line does not give version $version: $th"; fail=1 ;;
esac
[ "$fail" = 0 ] && echo "$page: $n long options, $(wc -l < "$tmp/help_short") short, all documented; version $version"
exit "$fail"
