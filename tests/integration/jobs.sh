#!/bin/sh
# jobs.sh: -j 1 and -j 4 print byte-identical output, on the fixtures (every
# rule's, with their cross-file cases) and, in MODE corpus, on the real
# corpus in ../shared (skipped when ../shared is absent, failed when the
# corpus is missing from it or no file was checked), in every format.
. "$(dirname "$0")/lib.sh"
cd "$src" || exit 2
if [ "$mode" = corpus ]; then
    if [ ! -d "$shared" ]; then
        echo "skipped: no shared material at '$shared' (absent in user clones)"
        exit 77
    fi
    if [ ! -d "$shared/corpus/real" ]; then
        echo "FAIL: '$shared' is there but '$shared/corpus/real' is not"
        exit 1
    fi
    set -- "$shared/corpus/real"
else
    set -- fixtures/rules fixtures/invalid fixtures/valid tests/cli/config/data
fi
for fmt in text json sarif github; do
    "$bin" --no-config -j 1 --format $fmt "$@" > "$tmp/j1.$fmt"
    s1=$?
    "$bin" --no-config -j 4 --format $fmt "$@" > "$tmp/j4.$fmt"
    s4=$?
    "$bin" --no-config --jobs=3 --format $fmt "$@" > "$tmp/j3.$fmt"
    expect_status $s1 $s4 "-j 4 status ($fmt)"
    expect_same "$tmp/j1.$fmt" "$tmp/j4.$fmt" "-j 1 and -j 4 ($fmt)"
    expect_same "$tmp/j1.$fmt" "$tmp/j3.$fmt" "-j 1 and --jobs=3 ($fmt)"
done
"$bin" --no-config "$@" > "$tmp/default.text"
expect_same "$tmp/j1.text" "$tmp/default.text" "-j 1 and the default (one per CPU)"
checked=$(sed -n 's/^ *"checked": *\([0-9]*\),*$/\1/p' "$tmp/j1.json")
[ "${checked:-0}" -gt 0 ] || fail "no file was checked (files.checked: '${checked:-}')"
echo "$checked files checked"
[ "$(grep -c ': \(error\|warning\|info\): ' "$tmp/j1.text")" -gt 20 ] || fail "too few findings to compare"
grep -q "article-id-unique\|type-cloud-unique\|variant-mismatch" "$tmp/j1.text" ||
    [ "$mode" = corpus ] || fail "no cross-file finding in the comparison"
"$bin" --no-config -j 0 "$@" > /dev/null 2> "$tmp/err"
expect_status 2 $? "-j 0"
finish
