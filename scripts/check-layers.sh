#!/bin/sh
# check-layers.sh - the include graph between the source folders, checked
# against the layers of docs/architecture.md.
#
#   scripts/check-layers.sh           exit 1 listing every #include that
#                                     crosses a layer upwards (or sideways)
#   scripts/check-layers.sh --graph   print the folder graph: "from -> to (n)"
#   scripts/check-layers.sh --edges   the same without counts (docs/architecture.md)
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
validator/jsonschema: validator/util
validator/reader: validator/util
validator/advisor: validator/util
validator/report: validator/util
validator/rules: validator/util validator/reader validator/advisor validator/report
validator/config: validator/util validator/reader validator/report validator/rules
validator/lint: validator/util validator/reader validator/advisor validator/report validator/rules validator/config validator/jsonschema
validator/api: validator/util validator/reader validator/advisor validator/report validator/rules validator/config validator/lint validator/jsonschema
validator/lsp: validator/lint validator/rules validator/report validator/util
validator/tool: validator/api validator/lint validator/rules validator/report validator/util validator/lsp
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
    --edges) mode=edges ;;
    "") ;;
    *) echo "usage: scripts/check-layers.sh [--graph|--edges]" >&2; exit 2 ;;
esac

edges=$(mktemp)
trap 'rm -f "$edges"' EXIT

# One line per include: "from-node to-node file:line", in one awk pass over
# every file (the set of existing headers is read first, so resolving an
# include is a lookup, not a process per line).
files=$(find validator codegen include -name '*.[ch]' 2>/dev/null | LC_ALL=C sort)
# shellcheck disable=SC2086
{ printf '%s\n' $files | sed 's/^/F /'; grep -Hn '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' $files; } |
awk -v public="$PUBLIC" '
function norm(p,   n, i, parts, out, k) {
    n = split(p, parts, "/"); k = 0
    for (i = 1; i <= n; i++) {
        if (parts[i] == "" || parts[i] == ".") continue
        if (parts[i] == ".." && k > 0) { k--; continue }
        out[++k] = parts[i]
    }
    p = ""
    for (i = 1; i <= k; i++) p = p (i > 1 ? "/" : "") out[i]
    return p
}
function dir(p) { sub(/\/[^\/]*$/, "", p); return p }
function owner(p,   h) {
    if (p ~ /^include\/advisor\//) {
        h = p; sub(/^include\/advisor\//, "", h)
        return (h in pub) ? pub[h] : "include/advisor"
    }
    return dir(p)
}
BEGIN {
    n = split(public, lines, "\n")
    for (i = 1; i <= n; i++) if (split(lines[i], kv, " ") == 2) pub[kv[1]] = kv[2]
    nb = split("validator include codegen/lib codegen/mustache validator/jsonschema", bases, " ")
}
$1 == "F" && NF == 2 { exists[$2] = 1; next }
{
    split($0, a, ":"); f = a[1]; num = a[2]
    inc = $0; sub(/^[^"]*"/, "", inc); sub(/".*/, "", inc)
    target = norm(dir(f) "/" inc)
    if (!(target in exists)) {
        target = ""
        for (i = 1; i <= nb; i++) { t = norm(bases[i] "/" inc); if (t in exists) { target = t; break } }
    }
    if (target == "") next          # a generated or system header
    from = owner(f); to = owner(target)
    if (from != to) print from, to, f ":" num
}' > "$edges"

if [ "$mode" = edges ]; then
    awk '{ print $1 " -> " $2 }' "$edges" | LC_ALL=C sort -u
    exit 0
fi
if [ "$mode" = graph ]; then
    awk '{ n[$1 " -> " $2]++ } END { for (e in n) printf "%s (%d)\n", e, n[e] }' "$edges" | LC_ALL=C sort
    exit 0
fi

status=0
awk -v allowed="$ALLOWED" '
BEGIN {
    n = split(allowed, lines, "\n")
    for (i = 1; i <= n; i++) {
        if (split(lines[i], w, " ") < 1) continue
        f = w[1]; sub(/:$/, "", f); known[f] = 1
        for (j = 2; j in w; j++) ok[f " " w[j]] = 1
        delete w
    }
}
!($1 in known) { print $3 ": folder " $1 " is not in the layer table (scripts/check-layers.sh)"; bad = 1; next }
!(($1 " " $2) in ok) { print $3 ": " $1 " includes from " $2 ", which is not below it"; bad = 1 }
END { exit bad }' "$edges" || status=1

# The tool uses the library through its public headers only (and the
# language server through its entry, lsp/lsp.h); the language server uses
# the library through the public headers only, besides its own files.
if grep -n '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' validator/tool/*.[ch] |
        grep -v '"advisor/[a-z_]*\.h"' | grep -v '"options\.h"' | grep -v '"lsp/lsp\.h"'; then
    echo "validator/tool includes a private header: use the public ones (include/advisor/)"
    status=1
fi
if grep -n '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' validator/lsp/*.[ch] |
        grep -v '"advisor/[a-z_]*\.h"' | grep -v '"[a-z_]*\.h"'; then
    echo "validator/lsp includes a library header that is not public: use include/advisor/"
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
