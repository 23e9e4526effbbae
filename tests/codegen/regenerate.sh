#!/bin/sh
# regenerate.sh CODEGEN SOURCE_DIR
#
# Regenerating keeps what people wrote and touches nothing that did not
# change; --check tells stale from current; --force replaces stubs; invalid
# input writes nothing; nothing is ever written outside OUT.
set -u
codegen=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
out=$tmp/out
fail() { echo "FAIL: $*"; exit 1; }
inodes() { (cd "$out" && find . -type f ! -name '.*' | sort | while read -r f; do echo "$f $(stat -c %i "$f")"; done); }

"$codegen" -o "$out" "$src/fixtures/valid" > "$tmp/log1" || fail "first generation"
stub=$(cd "$out" && ls rules/*.c | head -1)
[ -n "$stub" ] || fail "no stub generated"
printf '/* my implementation */\n' >> "$out/$stub"
inodes > "$tmp/before"

"$codegen" -o "$out" "$src/fixtures/valid" > "$tmp/log2" || fail "regeneration"
grep -q "^skip .*$stub" "$tmp/log2" || { cat "$tmp/log2"; fail "no 'skip' for the edited stub"; }
grep -q "my implementation" "$out/$stub" || fail "the edit in $stub was lost"
grep -q "^write" "$tmp/log2" && { cat "$tmp/log2"; fail "regeneration rewrote files"; }
inodes > "$tmp/after"
diff "$tmp/before" "$tmp/after" || fail "files were replaced although unchanged"
echo "regeneration kept the edit in $stub and rewrote nothing: $(tail -1 "$tmp/log2")"

"$codegen" --check -o "$out" "$src/fixtures/valid" > "$tmp/log3" || { cat "$tmp/log3"; fail "--check on a current OUT"; }
printf '\n' >> "$out/advisor_catalog.c"
"$codegen" --check -o "$out" "$src/fixtures/valid" > "$tmp/log4"
status=$?
[ "$status" = 0 ] && fail "--check missed a stale file"
[ "$status" = 3 ] || { cat "$tmp/log4"; fail "--check on a stale OUT exited $status, not 3"; }
grep -q "^stale .*advisor_catalog.c" "$tmp/log4" || { cat "$tmp/log4"; fail "--check did not name the stale file"; }
"$codegen" -o "$out" "$src/fixtures/valid" > "$tmp/log5" || fail "regeneration after a change"
grep -q "^write .*advisor_catalog.c" "$tmp/log5" || fail "the stale file was not rewritten"
echo "--check: current exits 0, stale exits 3 naming the file"

"$codegen" --force -o "$out" "$src/fixtures/valid" > "$tmp/log6" || fail "--force"
grep -q "my implementation" "$out/$stub" && fail "--force kept the old stub"
echo "--force replaced the stub"

# invalid input: nothing is written
if "$codegen" -o "$tmp/out2" "$src/fixtures/invalid" > "$tmp/log7" 2>&1; then fail "generated from invalid input"; fi
[ -e "$tmp/out2" ] && fail "OUT was created for invalid input"
echo "invalid input: exit 1, nothing written"

# a symlink inside OUT pointing out is refused
mkdir "$tmp/outside"
rm -rf "$out/rules"
ln -s "$tmp/outside" "$out/rules"
"$codegen" -o "$out" "$src/fixtures/valid" > "$tmp/log8" 2>&1
status=$?
[ "$status" = 2 ] || { cat "$tmp/log8"; fail "a symlinked rules/ was not refused (exit $status)"; }
[ -z "$(ls -A "$tmp/outside")" ] || fail "something was written outside OUT"
grep -q "symbolic link" "$tmp/log8" || fail "the refusal does not say why"
echo "a symlink inside OUT is refused, nothing written outside"

# a friendly name that would escape OUT is refused
sed 's/"recommendationFriendlyName": "[^"]*"/"recommendationFriendlyName": "..\/x"/' \
    "$src/fixtures/valid/seed-expressroute-mooncake.md" > "$tmp/escape.md"
if "$codegen" -o "$tmp/out3" "$tmp/escape.md" > "$tmp/log9" 2>&1; then fail "generated from a name with '/'"; fi
grep -q "cannot name a C file" "$tmp/log9" || { cat "$tmp/log9"; fail "no clear refusal of '../x'"; }
[ -e "$tmp/x.h" ] || [ -e "$tmp/x.c" ] && fail "wrote outside OUT"
echo "a friendly name '../x' is refused"
# --templates DIR overrides a template by name; a broken one is reported at its place
mkdir "$tmp/tpl"
sed 's|^ \* What the recommendation says:| * OVERRIDDEN TEMPLATE\n * What the recommendation says:|' \
    "$src/templates/rule_stub.c.mustache" > "$tmp/tpl/rule_stub.c.mustache"
"$codegen" --templates "$tmp/tpl" -o "$tmp/out4" "$src/fixtures/valid" > "$tmp/log10" || fail "--templates"
grep -q "OVERRIDDEN TEMPLATE" "$tmp"/out4/rules/*.c || fail "the overriding template was not used"
grep -q "OVERRIDDEN TEMPLATE" "$tmp/out4/advisor_catalog.c" && fail "an override leaked into another file"
printf 'line one\n{{#unclosed}}\n' > "$tmp/tpl/advisor_catalog.c.mustache"
"$codegen" --templates "$tmp/tpl" -o "$tmp/out5" "$src/fixtures/valid" > "$tmp/log11" 2>&1
status=$?
[ "$status" = 2 ] || fail "a broken template did not exit 2 (exit $status)"
grep -q "tpl/advisor_catalog.c.mustache:2:" "$tmp/log11" || { cat "$tmp/log11"; fail "the broken template is not named with its line"; }
[ -e "$tmp/out5" ] && fail "output was written with a broken template"
echo "--templates overrides by name; a broken template is reported at its line, nothing written"
exit 0
