#!/bin/sh
# run_case.sh BIN SOURCE_DIR CASE_DIR
#
# Runs one CLI test case, jansson-style: CASE_DIR holds
#   args             the command-line arguments, one per line (run from SOURCE_DIR)
#   status           the expected exit status
#   stdout           (optional) the exact expected standard output
#   stdout.contains  (optional) lines that must each appear in standard output
#   stderr.contains  (optional) lines that must each appear in standard error
#   env              (optional) VAR=value lines to set
# Prints a diff on failure and exits non-zero.
set -u
bin=$1
src=$2
case_dir=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cd "$src" || exit 2
set --
while IFS= read -r line || [ -n "$line" ]; do
    set -- "$@" "$line"
done < "$case_dir/args"

unset NO_COLOR
export XDG_CACHE_HOME="$tmp/cache"   # the context cache stays in the scratch directory
if [ -f "$case_dir/env" ]; then
    while IFS= read -r kv || [ -n "$kv" ]; do
        [ -n "$kv" ] && export "${kv?}"
    done < "$case_dir/env"
fi

"$bin" "$@" > "$tmp/out" 2> "$tmp/err"
got=$?
want=$(cat "$case_dir/status")
fail=0
if [ "$got" != "$want" ]; then
    echo "exit status: expected $want, got $got"
    fail=1
fi
if [ -f "$case_dir/stdout" ] && ! diff -u "$case_dir/stdout" "$tmp/out"; then
    echo "stdout differs (above: expected, got)"
    fail=1
fi
for stream in stdout stderr; do
    [ -f "$case_dir/$stream.contains" ] || continue
    file=$tmp/out
    [ "$stream" = stderr ] && file=$tmp/err
    while IFS= read -r want_line || [ -n "$want_line" ]; do
        if ! grep -qF -- "$want_line" "$file"; then
            echo "$stream lacks: $want_line"
            fail=1
        fi
    done < "$case_dir/$stream.contains"
done
if [ "$fail" != 0 ]; then
    echo "--- stdout ---"; cat "$tmp/out"
    echo "--- stderr ---"; cat "$tmp/err"
fi
exit $fail
