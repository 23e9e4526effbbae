#!/bin/sh
# roundtrip.sh CODEGEN COMPARE SOURCE_DIR EXPECTED_STATUS INPUT...
#
# Generates C from INPUT... (with --skip-invalid when EXPECTED_STATUS is 1),
# then for each of gcc and clang found: compiles the output and the catalog
# dumper with -std=c11 -Wall -Wextra -Werror -pedantic, dumps the catalog as
# JSON and compares it with the source files (compare_roundtrip: equal as
# JSON values, every field present). Then builds the generated CMake project
# with warnings as errors and runs its tests: every generated test must run
# ("No tests were found" fails), and at least one input must have been
# generated from; the tests of rules still not implemented must show as
# skipped, not passed. Exits 77 when an INPUT below $ADVISOR_SHARED_DIR is absent
# because that directory is (user clones); any other missing INPUT fails.
set -u
codegen=$1
compare=$2
src=$3
want=$4
shift 4
shared=${ADVISOR_SHARED_DIR:-}
for input in "$@"; do
    [ -e "$input" ] && continue
    case "$input" in
        "$shared"/*)
            if [ -n "$shared" ] && [ ! -d "$shared" ]; then
                echo "skipped: '$input' not found (../shared is absent in user clones)"
                exit 77
            fi ;;
    esac
    echo "FAIL: input '$input' not found"
    exit 1
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
flags="-std=c11 -Wall -Wextra -Werror -pedantic"
jansson=$(pkg-config --cflags --libs jansson)

skip=""
[ "$want" = 1 ] && skip="--skip-invalid"
# source paths relative to / so that the comparison, run from /, finds the files
"$codegen" -o "$tmp/out" --root / $skip "$@" > "$tmp/log" 2>&1
got=$?
if [ "$got" != "$want" ]; then
    cat "$tmp/log"
    echo "advisor-codegen exited $got, expected $want"
    exit 1
fi
tail -1 "$tmp/log"
# "OUT: N written, ... (from F files, T types)": nothing generated proves nothing
from=$(tail -1 "$tmp/log" | sed -n 's/.*(from \([0-9]*\) files\{0,1\}, .*/\1/p')
if [ "${from:-0}" -eq 0 ]; then
    echo "FAIL: generated from no input file (last line above)"
    exit 1
fi

compilers=0
for cc in gcc clang; do
    command -v "$cc" >/dev/null 2>&1 || { echo "note: $cc not found, not compiling with it"; continue; }
    compilers=$((compilers + 1))
    # shellcheck disable=SC2086
    if ! $cc $flags -I"$tmp/out" "$tmp/out/advisor_catalog.c" "$tmp/out/advisor_registry.c" \
            "$tmp"/out/rules/*.c "$src/tests/codegen/dump_catalog.c" $jansson -o "$tmp/dump_$cc"; then
        echo "the generated code does not compile cleanly with $cc"
        exit 1
    fi
    "$tmp/dump_$cc" > "$tmp/dump_$cc.json" || { echo "the dumper failed"; exit 1; }
    echo "$cc: compiled with $flags"
    (cd / && "$compare" "$tmp/dump_$cc.json") || exit 1
done
[ "$compilers" -gt 0 ] || { echo "no C compiler found"; exit 1; }

# the generated CMake project builds and its tests run
cmake -S "$tmp/out" -B "$tmp/build" -DCMAKE_C_FLAGS="-Wall -Wextra -Werror -pedantic" > "$tmp/cmake.log" 2>&1 &&
    cmake --build "$tmp/build" -j 2 > "$tmp/build.log" 2>&1 || {
        cat "$tmp/cmake.log" "$tmp/build.log" | tail -40
        echo "the generated CMake project does not build"
        exit 1
    }
(cd "$tmp/build" && ctest --no-tests=error --output-on-failure > "$tmp/ctest.log" 2>&1) || {
    cat "$tmp/ctest.log"
    echo "the generated tests fail"
    exit 1
}
# every tests/test_NAME.c the generator wrote must have run: a project whose
# tests were not built (cmocka not found, a broken template) must not pass
if grep -q "No tests were found" "$tmp/ctest.log"; then
    cat "$tmp/ctest.log"
    echo "FAIL: ctest of the generated project found no tests"
    exit 1
fi
written=$(find "$tmp/out/tests" -name 'test_*.c' 2>/dev/null | wc -l)
ran=$(sed -n 's/.*tests passed, [0-9]* tests failed out of \([0-9]*\)$/\1/p' "$tmp/ctest.log")
if [ "$written" -eq 0 ] || [ "${ran:-0}" -ne "$written" ]; then
    cat "$tmp/ctest.log"
    echo "FAIL: $written generated test files, ${ran:-no} tests run (the inputs need testData)"
    exit 1
fi
# every rule is still a stub (ADV_RESULT_NOT_IMPLEMENTED): each test must show
# as skipped (exit 77, SKIP_RETURN_CODE), none as passed
skipped=$(grep -c '\*\*\*Skipped' "$tmp/ctest.log")
if [ "$skipped" -ne "$written" ]; then
    cat "$tmp/ctest.log"
    echo "FAIL: $written tests of not-implemented rules, $skipped reported skipped by ctest"
    exit 1
fi
grep -E "tests passed" "$tmp/ctest.log" | head -1
echo "$skipped of $written generated tests reported skipped (their rules are not implemented)"
exit 0
