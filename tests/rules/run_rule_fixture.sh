#!/bin/sh
# run_rule_fixture.sh BIN SOURCE_DIR RULE_ID
#
# Lints fixtures/rules/RULE_ID/ (with the options in its `args` file, if
# any) and checks that
#   - the text output equals fixtures/rules/RULE_ID/expected exactly
#     (every finding's file:line:col, severity, message and rule);
#   - every bad* file has a finding of RULE_ID, and no good* file has one;
#   - the exit status is what the expected output implies: 2 when it has a
#     read-error (I/O trouble), else 1 when it has an error, else 0;
#   - each good* file linted alone exits 0, or 1 when the expected output
#     gives it an error of another rule (a near miss may break a rule that
#     is not the one under test: duplicate-key's case variant is a schema
#     error).
set -u
bin=$1
src=$2
rule=$3
dir=fixtures/rules/$rule
cd "$src" || exit 2
tmp=$(mktemp)
trap 'rm -f "$tmp" "$tmp.alone"' EXIT

set --
if [ -f "$dir/args" ]; then
    while IFS= read -r line || [ -n "$line" ]; do
        set -- "$@" "$line"
    done < "$dir/args"
fi
NO_COLOR=1 "$bin" "$@" "$dir" > "$tmp" 2>&1
status=$?
fail=0
if grep -q '^[^ ]*:[0-9]*:[0-9]*: error: .*\[read-error\]$' "$dir/expected"; then
    want=2
elif grep -q '^[^ ]*:[0-9]*:[0-9]*: error: ' "$dir/expected"; then
    want=1
else
    want=0
fi
if [ "$status" != "$want" ]; then
    echo "advisor-lint exited $status on $dir, expected $want (from $dir/expected)"
    fail=1
fi
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
    want=0
    grep -q "^$f:[0-9]*:[0-9]*: error: " "$dir/expected" && want=1
    # alone: not compared with the rest of this repository (examples/ holds the seed's copy)
    NO_COLOR=1 "$bin" --no-context "$@" "$f" > "$tmp.alone" 2>&1
    status=$?
    if [ "$status" != "$want" ]; then
        cat "$tmp.alone"
        echo "advisor-lint exited $status on $f alone, expected $want"
        fail=1
    fi
done
exit $fail
