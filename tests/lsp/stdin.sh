#!/bin/sh
# stdin.sh - advisor-lint --stdin-filename NAME -: standard input linted as the file NAME.
#   stdin.sh ADVISOR_LINT FIXTURES_DIR
# Asserts that findings name NAME, that NAME's extension picks the kind, that the
# config found from NAME's repository applies, that the repository's other files are
# the cross-file rules' context (the file NAME itself on disk is not its own duplicate),
# and the usage errors ('-' without a name, '-' among other paths).
set -eu
lint=$1
fx=$2
ws=$(mktemp -d)
trap 'rm -rf "$ws"' EXIT
fail() { echo "stdin: FAIL: $*"; exit 1; }

# findings name NAME; exit status 0 (infos only)
out=$("$lint" --no-context --stdin-filename some/where/a.md - <"$fx/rules/cloud-name-case/bad.md") ||
    fail "status $? for infos"
echo "$out" | grep -q '^some/where/a.md:8:22: info: cloud "MoonCake" is spelt "Mooncake" \[cloud-name-case\]$' ||
    fail "finding not named as the file: $out"

# the name's extension picks the kind: the same JSON body as .json and as .md
"$lint" --no-context --stdin-filename body.json - <"$fx/valid/body-only.json" >/dev/null ||
    fail "a clean JSON body read as .json"
out=$("$lint" --no-context --stdin-filename body.md - <"$fx/valid/body-only.json" || true)
echo "$out" | grep -q 'body.md' && fail "a JSON body named .md should be no metadata: $out"

# config and context come from NAME's repository
mkdir -p "$ws/repo/articles"
printf 'rules:\n  cloud-name-case: error\n' >"$ws/repo/.advisor-lint.yaml"
cp "$fx/rules/article-id-unique/bad-b.md" "$ws/repo/articles/b.md"
cp "$fx/rules/article-id-unique/bad-a.md" "$ws/repo/articles/a.md"
cd "$ws"
status=0
out=$("$lint" --no-cache --stdin-filename repo/articles/a.md - <"$fx/rules/article-id-unique/bad-a.md") ||
    status=$?
echo "$out" | grep -q '^repo/articles/a.md:.*\[article-id-unique\]$' ||
    fail "the repository's b.md is not the context: $out"
[ "$(echo "$out" | grep -c 'article-id-unique')" = 1 ] || fail "a.md on disk compared with itself: $out"
status=0
out=$("$lint" --no-cache --stdin-filename repo/articles/c.md - <"$fx/rules/cloud-name-case/bad.md") ||
    status=$?
[ "$status" = 1 ] || fail "the config makes cloud-name-case an error: status $status, $out"
echo "$out" | grep -q 'error: cloud "MoonCake"' || fail "the config's severity: $out"
cd - >/dev/null

# usage errors
status=0
"$lint" - </dev/null 2>"$ws/err" || status=$?
[ "$status" = 2 ] && grep -q "needs --stdin-filename" "$ws/err" || fail "'-' without a name: $status"
status=0
"$lint" --stdin-filename a.md - "$fx/valid" </dev/null 2>"$ws/err" || status=$?
[ "$status" = 2 ] && grep -q "as the only PATH" "$ws/err" || fail "'-' among paths: $status"
echo "stdin: ok"
