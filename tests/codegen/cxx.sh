#!/bin/sh
# cxx.sh CODEGEN SOURCE_DIR
#
# The generated headers serve C++: a program compiled by g++ (-std=c++11
# -Wall -Wextra -Werror -pedantic) includes every generated header, links
# the generated library (built by its CMake project) and uses the C API:
# the Public variant first by type, every variant of a type, constant-time
# dispatch (ADV_RESULT_ERROR for an entry not in the catalog), the enums'
# _COUNT and the adv_string helpers. The inputs have row members named
# like C++ keywords. Exits 77 without g++ or cmake.
set -u
codegen=$1
src=$2
seed=$src/fixtures/valid/seed-expressroute-mooncake.md
for tool in g++ cmake; do
    command -v $tool > /dev/null 2>&1 || { echo "skipped: $tool not found"; exit 77; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
out=$tmp/out
fail() { echo "FAIL: $*"; exit 1; }
T=70f87e66-9b2d-4bfa-ae38-1d7d74837689
mkdir "$tmp/in"
# the seed (Mooncake) and its Public variant; columns named like C++ keywords
cols='"additionalColumns": [{"name": "class", "title": "Class"}, {"name": "this", "title": "This"}, {"name": "new", "title": "New"}]'
sed -e "s|\"additionalColumns\": \[\]|$cols|" "$seed" > "$tmp/in/seed-mooncake.md"
sed -e 's/cloudEnvironments = "Mooncake"/cloudEnvironments = "Public"/' -e 's/_Mooncake"/_Public"/' \
    -e 's|docs.azure.cn|learn.microsoft.com|g' "$tmp/in/seed-mooncake.md" > "$tmp/in/seed-public.md"
cp "$src/fixtures/codegen/adversarial.md" "$tmp/in/"
"$codegen" -q -o "$out" "$tmp/in" || fail "generation"

# every generated header, each included from C++
{
    echo '#include <cstdio>'
    echo '#include <cstring>'
    (cd "$out" && ls advisor_*.h rules/*.h) | sed 's/.*/#include "&"/'
    cat << 'CXX'
static adv_string str(const char *s)
{
    adv_string a = { s, std::strlen(s) };
    return a;
}

int main()
{
    const char *type = "70F87E66-9B2D-4BFA-AE38-1D7D74837689"; /* any case */
    size_t n = 0, i;
    const adv_recommendation *v = adv_catalog_type_variants(type, &n);
    const adv_recommendation *p = adv_catalog_find_type(type);
    if (!v || n != 2)
        return std::printf("variants: %zu, expected 2\n", n), 1;
    if (p != v || !(p->clouds & ADV_CLOUD_PUBLIC))
        return std::printf("adv_catalog_find_type did not give the Public variant\n"), 1;
    if (!(v[1].clouds & ADV_CLOUD_MOONCAKE) || adv_catalog_find_type_cloud(type, ADV_CLOUD_MOONCAKE) != &v[1])
        return std::printf("the second variant is not Mooncake's\n"), 1;
    if (adv_catalog_type_variants("no-such-type", &n) != NULL || n != 0)
        return std::printf("a type that is not there has variants\n"), 1;
    adv_generic_row row = { NULL, 0 };
    for (i = 0; i < adv_catalog_count; i++) {
        if (adv_catalog[i].catalog_index != i)
            return std::printf("catalog_index of %zu is wrong\n", i), 1;
        if (adv_registry_evaluate(&adv_catalog[i], &row) != ADV_RESULT_NOT_IMPLEMENTED)
            return std::printf("entry %zu: not dispatched to its stub\n", i), 1;
    }
    adv_recommendation copy = adv_catalog[0];
    if (adv_registry_evaluate(&copy, &row) != ADV_RESULT_ERROR)
        return std::printf("an entry outside the catalog was not refused\n"), 1;
    double d = 0;
    long long ll = 0;
    if (!adv_string_to_double(str("12.5"), &d) || d != 12.5 || adv_string_to_double(str("12%"), &d))
        return std::printf("adv_string_to_double\n"), 1;
    if (!adv_string_to_long(str("-42"), &ll) || ll != -42 || adv_string_to_long(str(""), &ll))
        return std::printf("adv_string_to_long\n"), 1;
    if (!adv_string_eq(str("Cost"), "Cost") || adv_string_eq(str("Cost"), "Cos") ||
        !adv_string_eq_nocase(str("COST"), "cost") || adv_string_present(adv_row_get(&row, "x")))
        return std::printf("adv_string_eq\n"), 1;
    if (ADV_CATEGORY_COUNT != 6 || ADV_IMPACT_COUNT != 4 || ADV_STATE_COUNT != 3 ||
        ADV_ACTION_COUNT != 4 || ADV_DATA_SOURCE_COUNT != 4)
        return std::printf("an enum's _COUNT is wrong\n"), 1;
    std::printf("C++: %zu catalog entries, %zu variants of the seed type, Public first\n",
                adv_catalog_count, (size_t)2);
    return 0;
}
CXX
} > "$tmp/main.cpp"
grep -c '#include "rules/' "$tmp/main.cpp" | grep -qv '^0$' || fail "no rule header to include"
grep -q 'adv_string class_;' "$out"/rules/*.h || fail "the member 'class' is not renamed for C++"

cmake -S "$out" -B "$tmp/build" -DADVISOR_GENERATED_TESTS=OFF > "$tmp/cmake.log" 2>&1 &&
    cmake --build "$tmp/build" -j 2 > "$tmp/build.log" 2>&1 ||
    { tail -30 "$tmp/cmake.log" "$tmp/build.log"; fail "the generated library does not build"; }
g++ -std=c++11 -Wall -Wextra -Werror -pedantic -I"$out" "$tmp/main.cpp" \
    "$tmp/build/libadvisor_generated.a" -o "$tmp/main" 2> "$tmp/gxx.log" ||
    { cat "$tmp/gxx.log"; fail "g++ cannot compile or link against the generated headers and library"; }
"$tmp/main" || fail "the C++ program failed"
echo "g++: $(grep -c '^#include "' "$tmp/main.cpp") generated headers included, the library linked"
exit 0
