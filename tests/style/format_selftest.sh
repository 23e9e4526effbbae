#!/bin/sh
# format_selftest.sh SOURCE_DIR - scripts/check-format.sh lists a file that
# clang-format would change and exits 1, passes a formatted one with 0, and
# calls a directory without C files an error (2), not a pass. Skips (77)
# when clang-format is missing, as the check itself does.
set -u
check=$1/scripts/check-format.sh
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

command -v "${CLANG_FORMAT:-clang-format}" >/dev/null 2>&1 ||
    { echo "SKIP: clang-format not found (scripts/install-deps.sh installs it)"; exit 77; }

mkdir "$tmp/bad" "$tmp/good" "$tmp/empty"
printf 'int f(int a) { if (a) return 1; return 0; }\n' > "$tmp/bad/bad.c"
printf 'int f(int a)\n{\n    if (a)\n        return 1;\n    return 0;\n}\n' > "$tmp/good/good.c"

sh "$check" "$tmp/bad" "$tmp/good" > "$tmp/out" 2> "$tmp/err"
status=$?
[ "$status" = 1 ] || { cat "$tmp/out" "$tmp/err"; fail "exit $status with an unformatted file, expected 1"; }
[ "$(cat "$tmp/out")" = "$tmp/bad/bad.c" ] || { cat "$tmp/out"; fail "expected only bad.c listed"; }
grep -q '1 of 2 C files are not formatted' "$tmp/err" || { cat "$tmp/err"; fail "no count on stderr"; }

sh "$check" "$tmp/good" > "$tmp/out" 2>&1
status=$?
[ "$status" = 0 ] || { cat "$tmp/out"; fail "exit $status on a formatted file, expected 0"; }

sh "$check" "$tmp/empty" > "$tmp/out" 2>&1
status=$?
[ "$status" = 2 ] || { cat "$tmp/out"; fail "exit $status on a directory without C files, expected 2"; }
echo "check-format: selftest passed"
