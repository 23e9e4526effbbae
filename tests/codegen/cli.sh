#!/bin/sh
# cli.sh CODEGEN SOURCE_DIR
#
# advisor-codegen as a build step: progress on stdout and findings on
# stderr; --skip-invalid lists the files it leaves out; --quiet prints
# errors only; exit 1 inputs invalid, 2 usage, 3 stale with --check (which,
# with --skip-invalid, judges what the valid inputs would generate);
# --root, --no-source-paths and --no-test-data.
set -u
codegen=$1
src=$2
seed=$src/fixtures/valid/seed-expressroute-mooncake.md
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
expect_status() { # WANT WHAT
    [ "$status" = "$1" ] || { cat "$tmp/stdout" "$tmp/stderr"; fail "$2: exit $status, expected $1"; }
}
run() { "$codegen" "$@" > "$tmp/stdout" 2> "$tmp/stderr"; status=$?; }

mkdir "$tmp/in"
cp "$seed" "$tmp/in/good.md"
sed -i 's|^    "version": 1.0,|    "version": 1.0,\n    "testData": "0badc0de-0000-4000-8000-000000000001,/subscriptions/0badc0de-0000-4000-8000-000000000001/gw",|' "$tmp/in/good.md"
# an invalid file: a bad impact is an error finding
sed -e 's/"recommendationImpact": "Medium"/"recommendationImpact": "Huge"/' \
    -e 's/"recommendationFriendlyName": "[^"]*"/"recommendationFriendlyName": "Bad"/' \
    -e 's/70f87e66-9b2d-4bfa-ae38-1d7d74837689/99999999-9b2d-4bfa-ae38-1d7d74837689/' \
    -e 's/4a031d69-19fd-495f-9d25-93afbf7f1e89/99999999-19fd-495f-9d25-93afbf7f1e89/' "$seed" > "$tmp/in/bad.md"

# usage trouble: 2
run --bogus; expect_status 2 "an unknown option"
run "$tmp/in"; expect_status 2 "no -o"
run -o "$tmp/x" --root "$tmp/in/good.md" "$tmp/in/good.md"; expect_status 2 "--root naming a file"
mkdir "$tmp/elsewhere"
run -o "$tmp/x" --root "$tmp/elsewhere" "$tmp/in/good.md"; expect_status 2 "an input outside --root"
grep -q "outside the root" "$tmp/stderr" || { cat "$tmp/stderr"; fail "no message for an input outside --root"; }
[ -e "$tmp/x" ] && fail "OUT was created on usage trouble"
echo "usage trouble: exit 2"

# invalid inputs: 1, nothing written, findings on stderr only
run -o "$tmp/out" "$tmp/in"; expect_status 1 "invalid input"
[ -e "$tmp/out" ] && fail "OUT was written from invalid input"
grep -q "bad.md:[0-9]*:[0-9]*:.*error" "$tmp/stderr" || { cat "$tmp/stderr"; fail "the finding is not on stderr"; }
grep -q "bad.md" "$tmp/stdout" && fail "a finding went to stdout"
echo "invalid input: exit 1, nothing written, findings on stderr"

# --skip-invalid: the skipped file is listed (stderr), progress on stdout
run --skip-invalid -o "$tmp/out" "$tmp/in"; expect_status 1 "--skip-invalid"
grep -q "^advisor-codegen: skipped (has errors): .*bad.md$" "$tmp/stderr" || { cat "$tmp/stderr"; fail "the skipped file is not listed"; }
grep -q "^write .*advisor_catalog.c" "$tmp/stdout" || fail "no progress line on stdout"
grep -q -e "bad.md" -e "error" "$tmp/stdout" && { cat "$tmp/stdout"; fail "findings mixed into the progress lines"; }
echo "--skip-invalid: exit 1, the skipped file listed on stderr, progress on stdout"

# --check --skip-invalid judges what the valid inputs would generate: current -> 1, stale -> 3
run --check --skip-invalid -o "$tmp/out" "$tmp/in"; expect_status 1 "--check --skip-invalid on a current OUT"
grep -q " 0 stale, 0 orphaned" "$tmp/stdout" || { cat "$tmp/stdout"; fail "--check --skip-invalid found a current OUT stale"; }
sed -i 's/"recommendationImpact": "Medium"/"recommendationImpact": "High"/' "$tmp/in/good.md"
run --check --skip-invalid -o "$tmp/out" "$tmp/in"; expect_status 3 "--check --skip-invalid on a stale OUT"
grep -q "^stale .*advisor_catalog.c" "$tmp/stdout" || { cat "$tmp/stdout"; fail "the stale file is not named"; }
echo "--check --skip-invalid: current exits 1 (inputs invalid), stale exits 3"

# --quiet: nothing but errors
rm "$tmp/in/bad.md"
run -q -o "$tmp/out" "$tmp/in"; expect_status 0 "--quiet"
[ -s "$tmp/stdout" ] || [ -s "$tmp/stderr" ] && { cat "$tmp/stdout" "$tmp/stderr"; fail "--quiet printed something on success"; }
grep -q ADV_IMPACT_HIGH "$tmp/out/advisor_catalog.c" || fail "--quiet did not generate"
run --check -q -o "$tmp/out" "$tmp/in"; expect_status 0 "--check -q on a current OUT"
[ -s "$tmp/stdout" ] && fail "--check -q printed progress"
printf '\n' >> "$tmp/out/advisor_registry.c"
run --check -q -o "$tmp/out" "$tmp/in"; expect_status 3 "--check -q on a stale OUT"
echo "--quiet: silent on success, exit 3 when stale"

# source paths: relative to the root, or left out; testData out of the catalog
run -o "$tmp/rooted" --root "$tmp" "$tmp/in"; expect_status 0 "--root"
grep -q '"in/good.md"' "$tmp/rooted/advisor_catalog.c" || fail "the source path is not relative to --root"
grep -q "$tmp" "$tmp/rooted/advisor_catalog.c" && fail "an absolute path in the catalog"
run -o "$tmp/lean" --no-source-paths --no-test-data "$tmp/in"; expect_status 0 "--no-source-paths --no-test-data"
grep -rq "good.md" "$tmp/lean" && { grep -rn "good.md" "$tmp/lean" | head -3; fail "--no-source-paths left a path"; }
grep -q '\.test_data = { NULL, 0 }' "$tmp/lean/advisor_catalog.c" || fail "--no-test-data kept testData in the catalog"
grep -q '0badc0de' "$tmp/lean/tests/test_"*.c || fail "--no-test-data took the rows out of the tests"
grep -q 'row 1 of catalog entry 0' "$tmp/lean/tests/test_"*.c || fail "without paths, rows are not named by entry"
# the root without --root: the repository's top (a directory holding .git), even without git
mkdir -p "$tmp/repo/.git" "$tmp/repo/articles/deep"
cp "$tmp/in/good.md" "$tmp/repo/articles/deep/"
env PATH=/nonexistent "$codegen" -q -o "$tmp/repo-out" "$tmp/repo/articles/deep" > "$tmp/stdout" 2>&1
status=$?; expect_status 0 "a repository without git installed"
grep -q '"articles/deep/good.md"' "$tmp/repo-out/advisor_catalog.c" || fail "the path is not relative to the repository's top"
echo "--root, --no-source-paths and --no-test-data; the repository's top found without git"
exit 0
