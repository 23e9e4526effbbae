#!/bin/sh
# project.sh CODEGEN SOURCE_DIR
#
# The generated CMake project tells the truth: a test whose rule is still a
# stub shows as skipped in ctest (not passed); an implemented rule passes;
# a rule that fails names the failing row and its file; people's own
# src/*.c is built into the library; -DADVISOR_GENERATED_TESTS=OFF builds
# the library without tests. Exits 77 without cmake or cmocka.
set -u
codegen=$1
src=$2
seed=$src/fixtures/valid/seed-expressroute-mooncake.md
command -v cmake > /dev/null 2>&1 || { echo "skipped: cmake not found"; exit 77; }
pkg-config --exists cmocka 2> /dev/null || { echo "skipped: cmocka not found (pkg-config)"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
out=$tmp/out
fail() { echo "FAIL: $*"; exit 1; }
rows='0badc0de-0000-4000-8000-000000000001,/subscriptions/0badc0de-0000-4000-8000-000000000001/gw1\\n0badc0de-0000-4000-8000-000000000002,/subscriptions/0badc0de-0000-4000-8000-000000000002/gw2'
mk() { # FILE TYPE-ID FRIENDLY-NAME
    sed -e "s/70f87e66-9b2d-4bfa-ae38-1d7d74837689/$2/" \
        -e "s/4a031d69-19fd-495f-9d25-93afbf7f1e89/$2/" \
        -e "s/\"recommendationFriendlyName\": \"[^\"]*\"/\"recommendationFriendlyName\": \"$3\"/" \
        -e "s|^    \"version\": 1.0,|    \"version\": 1.0,\n    \"testData\": \"$rows\",|" \
        "$seed" > "$1"
}
mkdir "$tmp/in"
mk "$tmp/in/alpha.md" aaaaaaaa-0000-4000-8000-000000000001 Alpha
mk "$tmp/in/beta.md" bbbbbbbb-0000-4000-8000-000000000002 Beta
"$codegen" -q -o "$out" "$tmp/in" || fail "generation"
grep -q '\.subscription_id = ' "$out/tests/test_alpha.c" || fail "the rows do not use designated initializers"
grep -q '"row 2 of beta.md"' "$out/tests/test_beta.c" || { grep -n "row" "$out/tests/test_beta.c" | head; fail "the rows are not named"; }

build() { # the project with warnings as errors, then ctest into $tmp/ctest.log
    cmake -S "$out" -B "$tmp/build" -DCMAKE_C_FLAGS="-Wall -Wextra -Werror -pedantic" "$@" > "$tmp/cmake.log" 2>&1 &&
        cmake --build "$tmp/build" -j 2 > "$tmp/build.log" 2>&1 ||
        { tail -30 "$tmp/cmake.log" "$tmp/build.log"; fail "the generated project does not build"; }
    (cd "$tmp/build" && ctest --output-on-failure > "$tmp/ctest.log" 2>&1)
    ctest_status=$?
}
result() { grep -E "Test +#[0-9]+: $1 " "$tmp/ctest.log"; }

build
[ "$ctest_status" = 0 ] || { cat "$tmp/ctest.log"; fail "ctest failed with two stubs"; }
result alpha | grep -q "Skipped" || { cat "$tmp/ctest.log"; fail "a not-implemented rule's test is not reported skipped"; }
result beta | grep -q "Skipped" || { cat "$tmp/ctest.log"; fail "a not-implemented rule's test is not reported skipped"; }
grep -q "Passed" "$tmp/ctest.log" && { cat "$tmp/ctest.log"; fail "a stub's test passed"; }
echo "two stubs: both tests reported skipped, none passed"

# alpha implemented: passes; beta still skipped
sed -i 's/return ADV_RESULT_NOT_IMPLEMENTED;/return row->resource_id.s ? ADV_RESULT_RECOMMEND : ADV_RESULT_ERROR;/' "$out/rules/alpha.c"
build
[ "$ctest_status" = 0 ] || { cat "$tmp/ctest.log"; fail "ctest failed with alpha implemented"; }
result alpha | grep -q "Passed" || { cat "$tmp/ctest.log"; fail "an implemented rule's test did not pass"; }
result beta | grep -q "Skipped" || { cat "$tmp/ctest.log"; fail "beta's test is not skipped"; }
echo "alpha implemented: passed; beta: skipped"

# alpha wrong on the second row: the failure names it
sed -i 's/return row->resource_id.s ? ADV_RESULT_RECOMMEND : ADV_RESULT_ERROR;/return strstr(row->resource_id.s, "gw2") ? ADV_RESULT_NO_RECOMMENDATION : ADV_RESULT_RECOMMEND;/' "$out/rules/alpha.c"
sed -i 's/#include "alpha.h"/#include "alpha.h"\n#include <string.h>/' "$out/rules/alpha.c"
build
[ "$ctest_status" != 0 ] || { cat "$tmp/ctest.log"; fail "ctest passed with a wrong rule"; }
result alpha | grep -q "Failed" || { cat "$tmp/ctest.log"; fail "alpha's test did not fail"; }
grep -q "row 2 of alpha.md: expected ADV_RESULT_RECOMMEND, the rule said ADV_RESULT_NO_RECOMMENDATION" "$tmp/ctest.log" ||
    { cat "$tmp/ctest.log"; fail "the failing row is not named"; }
echo "a wrong rule: the test fails naming 'row 2 of alpha.md'"

# people's own sources, and the library without tests
mkdir "$out/src"
printf '#include "advisor_catalog.h"\nsize_t my_count(void);\nsize_t my_count(void) { return adv_catalog_count; }\n' > "$out/src/mine.c"
rm -rf "$tmp/build"
build -DADVISOR_GENERATED_TESTS=OFF
nm "$tmp/build/libadvisor_generated.a" | grep -q " T my_count" || fail "src/mine.c is not in the library"
ls "$tmp/build" | grep -q "^test_" && fail "tests were built with ADVISOR_GENERATED_TESTS=OFF"
grep -q "No tests were found" "$tmp/ctest.log" || { cat "$tmp/ctest.log"; fail "tests registered with ADVISOR_GENERATED_TESTS=OFF"; }
"$codegen" --check -q -o "$out" "$tmp/in" || fail "src/ or an edited stub made OUT stale"
echo "src/*.c is built into the library; -DADVISOR_GENERATED_TESTS=OFF builds no test"
exit 0
