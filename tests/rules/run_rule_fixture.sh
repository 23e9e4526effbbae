#!/bin/sh
# run_rule_fixture.sh BIN SOURCE_DIR RULE_ID
#
# Lints fixtures/rules/RULE_ID/ (with the options in its `args` file, if
# any) and checks that
#   - the text output equals fixtures/rules/RULE_ID/expected exactly
#     (every finding's file:line:col, severity, message and rule);
#   - every bad* file has a finding of RULE_ID, and no good* file has one.
set -u
bin=$1
src=$2
rule=$3
dir=fixtures/rules/$rule
cd "$src" || exit 2
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT

set --
if [ -f "$dir/args" ]; then
    while IFS= read -r line || [ -n "$line" ]; do
        set -- "$@" "$line"
    done < "$dir/args"
fi
NO_COLOR=1 "$bin" "$@" "$dir" > "$tmp" 2>&1
fail=0
if ! diff -u "$dir/expected" "$tmp"; then
    echo "output differs from $dir/expected (above)"
    fail=1
fi
for f in "$dir"/bad*; do
    [ -e "$f" ] || [ -L "$f" ] || continue
    if ! grep -q "^$f:[0-9]*:[0-9]*: .*\[$rule\]\$" "$tmp"; then
        echo "$f does not trigger $rule"
        fail=1
    fi
done
for f in "$dir"/good*; do
    [ -e "$f" ] || continue
    if grep -q "^$f:[0-9]*:[0-9]*: .*\[$rule\]\$" "$tmp"; then
        echo "$f (a near miss) triggers $rule"
        fail=1
    fi
done
exit $fail
