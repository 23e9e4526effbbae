#!/bin/sh
# selftest.sh - checks scripts/check-symbols.sh on fixture.c's archive:
#   prefix fx_        exit 1, each unprefixed global listed with its kind (T, D, B, R),
#                     nothing prefixed and nothing static listed
#   prefixes fx_,bad_ exit 0
#   a file that is no archive, a missing file, bad arguments: exit 2
# usage: selftest.sh CHECK-SYMBOLS-SCRIPT FIXTURE-ARCHIVE
set -u
check=$1
archive=$2
fail=0

expect_rc() { # what expected-status command...
    what=$1 want=$2
    shift 2
    out=$("$@" 2>&1)
    rc=$?
    if [ "$rc" -ne "$want" ]; then
        echo "FAIL: $what: exit $rc, expected $want; output:"
        printf '%s\n' "$out"
        fail=1
    fi
}

expect_rc "unprefixed symbols" 1 sh "$check" "$archive" fx_
for sym in "T bad_function" "D bad_data" "B bad_bss" "R bad_rodata"; do
    if ! printf '%s\n' "$out" | grep -q "): $sym\$"; then
        echo "FAIL: '$sym' not listed; output:"
        printf '%s\n' "$out"
        fail=1
    fi
done
for sym in fx_ok_function fx_ok_data local_function local_data; do
    if printf '%s\n' "$out" | grep -q " $sym\$"; then
        echo "FAIL: '$sym' listed though it is prefixed or static; output:"
        printf '%s\n' "$out"
        fail=1
    fi
done
listed=$(printf '%s\n' "$out" | grep -c '): ')
if [ "$listed" -ne 4 ]; then
    echo "FAIL: $listed symbols listed, expected 4"
    fail=1
fi

expect_rc "all prefixes allowed" 0 sh "$check" "$archive" fx_,bad_
expect_rc "not an archive" 2 sh "$check" "$0" fx_
expect_rc "missing archive" 2 sh "$check" "$archive.missing" fx_
expect_rc "no prefix given" 2 sh "$check" "$archive"
expect_rc "empty prefix" 2 sh "$check" "$archive" "fx_,"

[ "$fail" -eq 0 ] && echo "check-symbols.sh self-test passed"
exit "$fail"
