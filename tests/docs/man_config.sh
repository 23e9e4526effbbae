#!/bin/sh
# man_config.sh LINT SOURCE_DIR PAGE - advisor-lint.yaml(5) documents the
# keys the config reader knows, and its example is a valid configuration:
#   - the keys of the `known[]` lists in the config reader (validator/) are
#     exactly the keys the page documents: its KEYS tags are the top-level
#     keys, and each key of an entry (files, rules, reason) is named there;
#   - the first example under EXAMPLES, saved as a config (with the schema
#     it names put in place), is accepted by LINT and lints the seed clean;
#   - a key the page does not document is refused (exit 2, at its place).
set -u
lint=$1
src=$2
page=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
[ -f "$page" ] || { echo "FAIL: no page '$page'"; exit 1; }

# the reader's lists of known keys: `static const char *const known[] = {"a", "b", NULL};`
reader=$(grep -rl --include='*.c' 'known\[\] *=' "$src/validator" | xargs grep -l '"link-hosts"' | head -1)
[ -n "$reader" ] || { echo "FAIL: no config reader with a known[] list under $src/validator"; exit 1; }
awk '/known\[\] *=/ { on = 1 } on { print } on && /NULL/ { on = 0; print "--" }' "$reader" > "$tmp/lists"
# the list holding "link-hosts" is the top level; the others are entries' keys
awk 'BEGIN { RS = "--\n" } /"link-hosts"/' "$tmp/lists" | grep -o '"[a-z-]*"' | tr -d '"' | LC_ALL=C sort -u > "$tmp/top_code"
awk 'BEGIN { RS = "--\n" } !/"link-hosts"/' "$tmp/lists" | grep -o '"[a-z-]*"' | tr -d '"' | LC_ALL=C sort -u > "$tmp/sub_code"
[ -s "$tmp/top_code" ] && [ -s "$tmp/sub_code" ] || { echo "FAIL: could not read the known keys of $reader"; exit 1; }

sed -e 's/\\f[BIRP]//g' -e 's/\\c$//' -e 's/\\-/-/g' -e 's/\\%//g' -e 's/\\&//g' -e "s/\\\\(aq/'/g" \
    "$page" > "$tmp/plain"
sed -n '/^\.SH KEYS/,/^\.SH /p' "$tmp/plain" | sed '$d' > "$tmp/keys"
awk 'tag { print; tag = 0 } /^\.TP/ { tag = 1 }' "$tmp/keys" |
    sed -n 's/^\.B[IR]* *\([a-z-]*\):.*/\1/p' | LC_ALL=C sort -u > "$tmp/top_page"
if ! cmp -s "$tmp/top_code" "$tmp/top_page"; then
    echo "FAIL: top-level keys differ (- $reader, + $page KEYS):"
    diff "$tmp/top_code" "$tmp/top_page" | grep '^[<>]' | sed -e 's/^</  -/' -e 's/^>/  +/'
    fail=1
fi
while read -r k; do
    grep -q "^\.B[R]* $k\( \|$\)" "$tmp/keys" || { echo "FAIL: entry key '$k' is not named in KEYS"; fail=1; }
done < "$tmp/sub_code"

# the example, as a config next to a copy of the seed
sed -n '/^\.SH EXAMPLES/,/^\.SH /p' "$tmp/plain" | awk '/^\.EE/ { exit } on { print } /^\.EX/ { on = 1 }' > "$tmp/.advisor-lint.yaml"
[ -s "$tmp/.advisor-lint.yaml" ] || { echo "FAIL: no example (.EX ... .EE) under EXAMPLES"; exit 1; }
while read -r k; do
    grep -q "^$k:" "$tmp/.advisor-lint.yaml" || { echo "FAIL: the example does not show key '$k'"; fail=1; }
done < "$tmp/top_code"
schema=$(sed -n 's/^schema: *//p' "$tmp/.advisor-lint.yaml")
if [ -n "$schema" ]; then
    mkdir -p "$tmp/$(dirname "$schema")"
    cp "$src/schemas/advisor-recommendation.schema.json" "$tmp/$schema"
fi
mkdir "$tmp/articles"
cp "$src/fixtures/valid/seed-expressroute-mooncake.md" "$tmp/articles/"
(cd "$tmp" && "$lint" articles > "$tmp/out" 2> "$tmp/err")
status=$?
if [ "$status" != 0 ] || [ -s "$tmp/err" ]; then
    echo "FAIL: the example configuration is not accepted (exit $status):"
    cat "$tmp/err" "$tmp/out"
    echo "--- the example:"; cat "$tmp/.advisor-lint.yaml"
    fail=1
fi

# and an undocumented key is refused at its place
printf 'rulez:\n  insecure-link: error\n' > "$tmp/bad.yaml"
"$lint" --config "$tmp/bad.yaml" "$tmp/articles" > /dev/null 2> "$tmp/err2"
status=$?
if [ "$status" != 2 ] || ! grep -q "bad.yaml:1:1: unknown key 'rulez'" "$tmp/err2"; then
    echo "FAIL: an unknown key was not refused at its place (exit $status):"; cat "$tmp/err2"; fail=1
fi
[ "$fail" = 0 ] && echo "$page: keys $(tr '\n' ' ' < "$tmp/top_code")and $(tr '\n' ' ' < "$tmp/sub_code")documented; the example is accepted"
exit "$fail"
