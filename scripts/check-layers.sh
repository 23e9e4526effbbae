#!/bin/sh
# check-layers.sh - the include graph between the source folders, checked
# against the layers of docs/architecture.md.
#
#   scripts/check-layers.sh           exit 1 listing every #include that
#                                     crosses a layer upwards (or sideways)
#   scripts/check-layers.sh --graph   print the folder graph: "from -> to (n)"
#
# Every quoted #include of a .c/.h file under validator/, codegen/ and
# include/ is resolved (relative to the including file, else against the
# include directories the build gives: validator/, include/, codegen/lib,
# codegen/mustache, validator/jsonschema) to the folder that holds it. An
# edge between two folders is allowed only when the ALLOWED table below
# says so; the same table is what each folder's CMake library links, so a
# new dependency is a decision made here, in one place. A public header
# (include/advisor/X.h) counts as part of the layer that implements it
# (PUBLIC below), so including it is a dependency on that layer. The graph must also
# have no cycle (checked with tsort), which the table alone would not show
# if someone allowed both directions.
set -eu
cd "$(dirname "$0")/.."

# folder: the folders it may include from (its layers below)
ALLOWED='
validator/util:
validator/jsonschema:
validator/reader: validator/util
validator/advisor: validator/util
validator/report: validator/util
validator/rules: validator/util validator/reader validator/advisor validator/report
validator/config: validator/util validator/reader validator/report validator/rules
validator/lint: validator/util validator/reader validator/advisor validator/report validator/rules validator/config validator/jsonschema
validator/api: validator/util validator/reader validator/advisor validator/report validator/rules validator/config validator/lint validator/jsonschema
validator/tool: validator/api validator/lint validator/rules validator/report validator/util
codegen/mustache:
codegen/lib: codegen/mustache validator/api validator/lint validator/report validator/util validator/reader validator/advisor
codegen/tool: codegen/lib
'

# public header: the layer folder it belongs to
PUBLIC='
export.h validator/util
error.h validator/util
finding.h validator/report
report.h validator/report
rules.h validator/rules
baseline.h validator/lint
fix.h validator/lint
lint.h validator/lint
'

# The node a file belongs to: its folder, or for a public header its layer.
owner() {
    case "$1" in
        include/advisor/*)
            layer=$(printf '%s\n' "$PUBLIC" | awk -v h="${1#include/advisor/}" '$1 == h { print $2 }')
            if [ -n "$layer" ]; then echo "$layer"; else echo "include/advisor"; fi ;;
        *) dirname "$1" ;;
    esac
}

mode=check
case "${1:-}" in
    --graph) mode=graph ;;
    "") ;;
    *) echo "usage: scripts/check-layers.sh [--graph]" >&2; exit 2 ;;
esac

edges=$(mktemp)
trap 'rm -f "$edges"' EXIT

# One line per include: "from-folder to-folder file:line"
find validator codegen include -name '*.[ch]' 2>/dev/null | LC_ALL=C sort | while read -r f; do
    dir=$(dirname "$f")
    from=$(owner "$f")
    grep -n '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' "$f" | while IFS= read -r line; do
        num=${line%%:*}
        inc=$(printf '%s\n' "$line" | sed 's/^[^"]*"\([^"]*\)".*/\1/')
        target=""
        for base in "$dir" validator include codegen/lib codegen/mustache validator/jsonschema; do
            if [ -f "$base/$inc" ]; then
                target=$(realpath -m --relative-to=. "$base/$inc")
                break
            fi
        done
        [ -n "$target" ] || continue           # a generated or system header
        to=$(owner "$target")
        [ "$to" = "$from" ] && continue
        echo "$from $to $f:$num"
    done
done > "$edges"

if [ "$mode" = graph ]; then
    awk '{ n[$1 " -> " $2]++ } END { for (e in n) printf "%s (%d)\n", e, n[e] }' "$edges" | LC_ALL=C sort
    exit 0
fi

status=0
while read -r from to where; do
    allowed=$(printf '%s\n' "$ALLOWED" | awk -v f="$from:" '$1 == f { $1 = ""; print }')
    if ! printf '%s\n' "$ALLOWED" | awk -v f="$from:" '$1 == f { found = 1 } END { exit !found }'; then
        echo "$where: folder $from is not in the layer table (scripts/check-layers.sh)"
        status=1
        continue
    fi
    case " $allowed " in
        *" $to "*) ;;
        *) echo "$where: $from includes from $to, which is not below it"; status=1 ;;
    esac
done < "$edges"

# The tool uses the library through its public headers only.
if grep -n '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' validator/tool/*.[ch] |
        grep -v '"advisor/[a-z_]*\.h"' | grep -v '"options\.h"'; then
    echo "validator/tool includes a private header: use the public ones (include/advisor/)"
    status=1
fi

# No cycle between folders, whatever the table says.
if ! awk '{ print $1, $2 }' "$edges" | sort -u | tsort >/dev/null 2>&1; then
    echo "the include graph between folders has a cycle:"
    awk '{ print $1, $2 }' "$edges" | sort -u | tsort 2>&1 >/dev/null | sed 's/^/  /'
    status=1
fi
[ "$status" = 0 ] && echo "layers: $(awk '{print $1, $2}' "$edges" | sort -u | wc -l) folder edges, all downwards, no cycle"
exit "$status"
