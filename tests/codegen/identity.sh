#!/bin/sh
# identity.sh CODEGEN SOURCE_DIR
#
# A person's rule stays bound to its recommendationTypeId: a renamed
# friendly name keeps the identifier and the implemented stub; a newcomer
# whose name maps to a taken identifier gets a suffix and never takes the
# stub; the markers alone rebind when the manifest is gone; a stub whose
# type left the input is orphaned (kept, reported, --check exits 3); the
# generated files of a removed recommendation are removed, stubs and
# people's own files never.
set -u
codegen=$1
src=$2
seed=$src/fixtures/valid/seed-expressroute-mooncake.md
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
out=$tmp/out
fail() { echo "FAIL: $*"; exit 1; }
# mk FILE TYPE-ID FRIENDLY-NAME [TESTDATA]: the seed with another type, name and article id
mk() {
    sed -e "s/70f87e66-9b2d-4bfa-ae38-1d7d74837689/$2/" \
        -e "s/4a031d69-19fd-495f-9d25-93afbf7f1e89/$2/" \
        -e "s/\"recommendationFriendlyName\": \"[^\"]*\"/\"recommendationFriendlyName\": \"$3\"/" \
        "$seed" > "$1"
    if [ $# -ge 4 ]; then
        sed -i "s|^    \"version\": 1.0,|    \"version\": 1.0,\n    \"testData\": \"$4\",|" "$1"
    fi
}
gen() { "$codegen" -o "$out" "$@" "$tmp/in" > "$tmp/log" 2> "$tmp/err"; }
A=aaaaaaaa-0000-4000-8000-000000000001
B=bbbbbbbb-0000-4000-8000-000000000002
C=cccccccc-0000-4000-8000-000000000003
mkdir "$tmp/in"
mk "$tmp/in/nva.md" $B NVAHighCPU
mk "$tmp/in/other.md" $C Other "0badc0de-0000-4000-8000-000000000001,/subscriptions/0badc0de-0000-4000-8000-000000000001/gw"

gen || { cat "$tmp/log" "$tmp/err"; fail "first generation"; }
grep -q "advisor-codegen-type: $B" "$out/rules/nva_high_cpu.c" || fail "the stub does not carry its recommendationTypeId"
grep -q "\"ident\": \"nva_high_cpu\"" "$out/advisor-codegen.json" || fail "no manifest entry for nva_high_cpu"
[ -f "$out/tests/test_other.c" ] || fail "no generated test for Other"
printf '/* my implementation of NVAHighCPU */\n' >> "$out/rules/nva_high_cpu.c"
mkdir "$out/src"
printf 'int my_helper(void);\nint my_helper(void) { return 1; }\n' > "$out/src/mine.c"
printf '/* a header of mine */\n' > "$out/rules/mine.h"
echo "a stub carries its type id; the manifest lists its identifier"

# rename: the implementation stays bound to its type
mk "$tmp/in/nva.md" $B NvaHighCpuAlert
gen || { cat "$tmp/log" "$tmp/err"; fail "regeneration after a rename"; }
[ -e "$out/rules/nva_high_cpu_alert.c" ] && fail "a rename wrote a fresh stub rules/nva_high_cpu_alert.c"
grep -q "my implementation" "$out/rules/nva_high_cpu.c" || fail "the implementation was lost"
grep -q "rules/nva_high_cpu.c" "$out/CMakeLists.txt" || fail "the implemented stub left CMakeLists.txt"
grep -q "NvaHighCpuAlert" "$out/rules/nva_high_cpu.h" || fail "the header does not show the new name"
grep -q "renamed \"NVAHighCPU\" -> \"NvaHighCpuAlert\"; it keeps the identifier nva_high_cpu" "$tmp/err" ||
    { cat "$tmp/err"; fail "no note of the rename"; }
"$codegen" --check -o "$out" "$tmp/in" > "$tmp/log" 2>&1 || { cat "$tmp/log"; fail "--check after a rename"; }
echo "a renamed recommendation keeps nva_high_cpu and its implementation"

# clash: a newcomer with an identifier already bound, whose type id sorts first
mk "$tmp/in/clash.md" $A Nva-High-Cpu
gen || { cat "$tmp/log" "$tmp/err"; fail "regeneration with a clash"; }
grep -q "my implementation" "$out/rules/nva_high_cpu.c" || fail "the clash replaced the implementation"
grep -q "advisor-codegen-type: $B" "$out/rules/nva_high_cpu.c" || fail "nva_high_cpu.c lost its marker"
grep -q "recommendationTypeId $B" "$out/rules/nva_high_cpu.h" || fail "nva_high_cpu.h now belongs to another type (rebound)"
grep -q "advisor-codegen-type: $A" "$out/rules/nva_high_cpu_2.c" || fail "the newcomer did not get nva_high_cpu_2"
grep -q "recommendationTypeId $A" "$out/rules/nva_high_cpu_2.h" || fail "nva_high_cpu_2.h is not the newcomer's"
grep -q "is named nva_high_cpu_2: nva_high_cpu belongs to another" "$tmp/err" || { cat "$tmp/err"; fail "no note of the suffix"; }
echo "a clash gives the newcomer nva_high_cpu_2; nva_high_cpu stays with $B"

# without the manifest the stubs' markers bind alone
rm "$out/advisor-codegen.json"
gen || { cat "$tmp/log" "$tmp/err"; fail "regeneration without the manifest"; }
grep -q "recommendationTypeId $B" "$out/rules/nva_high_cpu.h" || fail "without the manifest the binding changed"
grep -q "recommendationTypeId $A" "$out/rules/nva_high_cpu_2.h" || fail "without the manifest the newcomer moved"
grep -q "^write .*rules/nva_high_cpu" "$tmp/log" && { cat "$tmp/log"; fail "without the manifest rule files were rewritten"; }
echo "the markers alone keep the bindings when the manifest is gone"

# a manifest that is not one is refused, not ignored (it would unbind stubs)
cp "$out/advisor-codegen.json" "$tmp/manifest"
printf 'not json' > "$out/advisor-codegen.json"
gen
status=$?
[ "$status" = 2 ] || fail "a broken manifest did not exit 2 (exit $status)"
grep -q "advisor-codegen.json.*not an advisor-codegen manifest" "$tmp/err" || { cat "$tmp/err"; fail "the broken manifest is not named"; }
cp "$tmp/manifest" "$out/advisor-codegen.json"
echo "a broken manifest: exit 2, named"

# the recommendation Other leaves: its generated files go, its stub stays, orphaned
cp "$out/rules/other.c" "$tmp/other.c"
rm "$tmp/in/other.md"
"$codegen" --check -o "$out" "$tmp/in" > "$tmp/log" 2> "$tmp/err"
status=$?
[ "$status" = 3 ] || { cat "$tmp/log" "$tmp/err"; fail "--check with a removed recommendation exited $status, not 3"; }
grep -q "^obsolete .*rules/other.h" "$tmp/log" || { cat "$tmp/log"; fail "--check does not name rules/other.h obsolete"; }
[ -f "$out/rules/other.h" ] || fail "--check removed a file"
gen || { cat "$tmp/log" "$tmp/err"; fail "regeneration without Other"; }
[ -e "$out/rules/other.h" ] && fail "the removed recommendation's header is still there"
[ -e "$out/tests/test_other.c" ] && fail "the removed recommendation's test is still there"
grep -q "^remove .*tests/test_other.c" "$tmp/log" || { cat "$tmp/log"; fail "no 'remove' line"; }
cmp -s "$out/rules/other.c" "$tmp/other.c" || fail "the orphaned stub was changed or removed"
grep -q "rules/other.c: orphaned: its recommendationTypeId $C is not among the inputs (kept" "$tmp/err" ||
    { cat "$tmp/err"; fail "the orphan is not reported"; }
grep -q "rules/other.c" "$out/CMakeLists.txt" && fail "the orphaned stub is still built"
grep -q "rules/other" "$out/advisor-codegen.json" && fail "the manifest still lists Other's files"
[ -f "$out/src/mine.c" ] && [ -f "$out/rules/mine.h" ] || fail "a person's own file was removed"
"$codegen" --check -o "$out" "$tmp/in" > "$tmp/log" 2> "$tmp/err"
status=$?
[ "$status" = 3 ] || { cat "$tmp/log" "$tmp/err"; fail "--check with an orphaned stub exited $status, not 3"; }
grep -q "orphaned" "$tmp/err" || fail "--check does not say which stub is orphaned"
rm "$out/rules/other.c"
"$codegen" --check -o "$out" "$tmp/in" > "$tmp/log" 2>&1 || { cat "$tmp/log"; fail "--check once the orphan is gone"; }
echo "a removed recommendation: header and test removed, stub kept and orphaned (--check exit 3), own files kept"
exit 0
