#!/bin/sh
# reproducible.sh CODEGEN CORPUS
#
# The same inputs give byte-identical OUT however advisor-codegen is called:
# CORPUS (the real corpus, ../shared/corpus/real) named by an absolute path,
# a relative one, a "./"-prefixed one with a trailing slash, its
# subdirectories in reverse order, and a relative path from another working
# directory; then --check from yet another directory finds OUT current (exit
# 1 for the corpus's invalid files, not 3). Exits 77 when CORPUS is absent
# (../shared is not in user clones).
set -u
codegen=$1
corpus=$2
if [ ! -d "$corpus" ]; then
    echo "skipped: '$corpus' not found (../shared is absent in user clones)"
    exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
corpus=$(cd "$corpus" && pwd -P)
parent=$(dirname "$corpus")
base=$(basename "$corpus")
case "$codegen" in /*) ;; *) codegen=$(pwd)/$codegen ;; esac

# run N DIR ARG...: advisor-codegen -o $tmp/outN from DIR; the corpus has invalid files (exit 1)
run() {
    n=$1
    dir=$2
    shift 2
    (cd "$dir" && "$codegen" -q --skip-invalid -o "$tmp/out$n" "$@") > "$tmp/log$n" 2>&1
    status=$?
    [ "$status" = 1 ] || { cat "$tmp/log$n"; fail "run $n ($*) exited $status, expected 1"; }
    [ -f "$tmp/out$n/advisor_catalog.c" ] || fail "run $n wrote no catalog"
}
same() {
    diff -r "$tmp/out1" "$tmp/out$1" > "$tmp/diff$1" 2>&1 ||
        { head -20 "$tmp/diff$1"; fail "$2 gives another OUT than an absolute path"; }
    echo "identical: $2"
}

run 1 / "$corpus"
run 2 "$parent" "$base"
same 2 "a relative path"
run 3 "$parent" "./$base/"
same 3 "a ./-prefixed path with a trailing slash"
# every subdirectory, in order and reversed
dirs=$(cd "$parent" && find "$base" -mindepth 2 -maxdepth 2 -type d | LC_ALL=C sort)
[ -n "$dirs" ] || fail "no subdirectories in $corpus"
# shellcheck disable=SC2086
run 4 "$parent" $dirs
same 4 "its subdirectories in order"
# shellcheck disable=SC2086
run 5 "$parent" $(echo "$dirs" | LC_ALL=C sort -r)
same 5 "its subdirectories in reverse order"
mkdir -p "$tmp/else/where"
rel=$(realpath --relative-to="$tmp/else/where" "$corpus")
run 6 "$tmp/else/where" "$rel"
same 6 "a relative path from another working directory ($rel)"
# the catalog names files relative to the root, never absolutely
grep -q "$corpus" "$tmp/out1/advisor_catalog.c" && fail "the catalog holds absolute paths"

# --check from elsewhere: current (exit 1 for the invalid inputs, not 3 for stale)
(cd "$tmp/else" && "$codegen" --check --skip-invalid -o "$tmp/out1" "$corpus/") > "$tmp/check" 2>&1
status=$?
[ "$status" = 1 ] || { tail -5 "$tmp/check"; fail "--check from another directory exited $status, expected 1"; }
grep -q " 0 stale, 0 orphaned" "$tmp/check" || { tail -3 "$tmp/check"; fail "--check did not find OUT current"; }
echo "--check from another directory: current ($(grep ' up to date' "$tmp/check"))"
echo "$(find "$tmp/out1" -type f | wc -l) files byte-identical over 6 ways of calling advisor-codegen"
exit 0
