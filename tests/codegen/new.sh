#!/bin/sh
# new.sh CASE CODEGEN LINT - `advisor-codegen new`, end to end.
#
#   empty     a new recommendation in an empty tree: stdout is exactly the
#             created paths; advisor-lint then reports only todo-marker
#             errors, all in the new files; with the markers replaced (sed)
#             the tree is lint-clean, and advisor-codegen generates C for
#             the new type that compiles with -Werror -pedantic
#   corpus    the same in a copy of ../shared/corpus/real: the lint of the
#             whole tree differs from before only by todo-marker errors in
#             the new files (no cross-file finding), and after sed not at
#             all; a resource type the tree has goes to its folder (skipped,
#             exit 77, when ../shared is absent)
#   variant   --variant-of: the new variants lint clean with the original
#             (links moved to docs.azure.cn for Mooncake); of a real corpus
#             file (when ../shared is there) whose streamNamespace reads a
#             Public Kusto cluster, the only new findings are the markers
#             put there for the other clouds' data source
#   output    -o OUT: the rule header, stub and test are generated and
#             printed, and compile
#   refusals  a taken friendly name or articleId (exit 1, naming the other
#             file), a file that exists (exit 2, untouched), bad flags (exit
#             2 with the reason), a failure while placing the files (nothing
#             left behind)
set -u
case_=$1
cg=$2
lint=$3
shared=${ADVISOR_SHARED_DIR:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() {
    echo "FAIL: $*"
    exit 1
}
NAME="Enable zone redundancy for ExpressRoute gateways"
TYPE=Microsoft.Network/expressRouteGateways
# run_new ROOT [EXTRA...]: the standard new command, stdout to $tmp/out, stderr to $tmp/err
run_new() {
    root=$1
    shift
    "$cg" new --root "$root" --name "$NAME" --resource-type "$TYPE" --category HighAvailability \
        --impact Medium --clouds Public,Fairfax,Mooncake,USNat,USSec "$@" > "$tmp/out" 2> "$tmp/err"
}
# lint_lines DIR OUT: the findings of the whole tree, one per line, sorted (no summary)
lint_lines() {
    NO_COLOR=1 "$lint" "$1" 2> /dev/null | grep -E '^[^ ].*: (error|warning|info): ' | LC_ALL=C sort > "$2"
}
# fill FILES...: what a person would do, by sed: every marker replaced by text
fill() {
    for f in "$@"; do
        sed -i -e 's/TODO/Done/g' -e 's/00000000-0000-0000-0000-000000000000/2f0c4d4e-7b1a-4f57-9a0e-3c6a8d1e5b21/g' "$f" ||
            fail "sed $f"
    done
}
# compiles DIR/out's C with -Werror -pedantic
compile_out() {
    out=$1
    cmocka=$(pkg-config --cflags cmocka 2> /dev/null || true)
    for c in "$out"/advisor_catalog.c "$out"/advisor_registry.c "$out"/rules/*.c "$out"/tests/*.c; do
        [ -f "$c" ] || continue
        # shellcheck disable=SC2086
        cc -std=c11 -Wall -Wextra -Werror -pedantic -I"$out" $cmocka -c "$c" -o "$tmp/obj.o" ||
            fail "generated $c does not compile with -Werror -pedantic"
    done
    echo "generated C compiles with -std=c11 -Wall -Wextra -Werror -pedantic"
}
# check_created: stdout holds only paths of files that exist now, $1 of them
check_created() {
    n=$(wc -l < "$tmp/out")
    [ "$n" -eq "$1" ] || { cat "$tmp/out" "$tmp/err"; fail "expected $1 created paths on stdout, got $n"; }
    while IFS= read -r p; do
        [ -f "$p" ] || fail "stdout line '$p' is not a created file"
    done < "$tmp/out"
}
# only_todo BEFORE AFTER: AFTER is BEFORE plus todo-marker errors in the files of $tmp/out
only_todo() {
    LC_ALL=C comm -13 "$1" "$2" > "$tmp/added"
    LC_ALL=C comm -23 "$1" "$2" > "$tmp/gone"
    [ -s "$tmp/gone" ] && { cat "$tmp/gone"; fail "findings disappeared"; }
    [ -s "$tmp/added" ] || fail "no todo-marker finding in the new files"
    while IFS= read -r line; do
        case "$line" in
            *'[todo-marker]') ;;
            *) fail "a finding other than todo-marker: $line" ;;
        esac
        grep -qxF "${line%%:*}" "$tmp/out" || fail "a finding outside the new files: $line"
    done < "$tmp/added"
    for f in $(cat "$tmp/out"); do
        grep -q "^$f:" "$tmp/added" || fail "$f has no todo-marker finding"
    done
    echo "lint: $(wc -l < "$tmp/added") todo-marker errors in the new files, nothing else changed"
}

case "$case_" in
empty)
    mkdir "$tmp/tree"
    run_new "$tmp/tree" || { cat "$tmp/err"; fail "new exited $?"; }
    [ -s "$tmp/err" ] && { cat "$tmp/err"; fail "new wrote to stderr"; }
    check_created 3
    dir=$tmp/tree/articles/advisorrecommendation.networkexpressroutegateways
    stem=enablezoneredundancyforexpressroutegateways
    for c in public fairfax mooncake; do
        grep -qxF "$dir/$stem-$c.md" "$tmp/out" || fail "no $stem-$c.md in $dir"
    done
    grep -q 'cloudEnvironments="Public, USNat, USSec"' "$dir/$stem-public.md" || fail "Public file's clouds"
    grep -q 'cloudEnvironments="Mooncake"' "$dir/$stem-mooncake.md" || fail "Mooncake file's clouds"
    grep -q '"learnMoreLink": "https://docs.azure.cn/' "$dir/$stem-mooncake.md" || fail "Mooncake link host"
    grep -q '"recommendationFriendlyName": "EnableZoneRedundancyForExpressRouteGateways"' "$dir/$stem-fairfax.md" ||
        fail "friendly name"
    # one type id, a v4 GUID, in every file; articleIds differ
    ids=$(grep -ho '"recommendationTypeId": "[^"]*"' $(cat "$tmp/out") | sort -u)
    [ "$(echo "$ids" | wc -l)" -eq 1 ] || fail "type ids differ: $ids"
    echo "$ids" | grep -Eq '"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"$' ||
        fail "not a v4 GUID: $ids"
    [ "$(grep -ho 'articleId="[^"]*"' $(cat "$tmp/out") | sort -u | wc -l)" -eq 3 ] || fail "articleIds not distinct"
    : > "$tmp/before"
    lint_lines "$tmp/tree" "$tmp/after"
    only_todo "$tmp/before" "$tmp/after"
    fill $(cat "$tmp/out")
    NO_COLOR=1 "$lint" "$tmp/tree" > "$tmp/lint" 2>&1 || { cat "$tmp/lint"; fail "not lint-clean after sed"; }
    grep -q '^no problems in 3 files' "$tmp/lint" || { cat "$tmp/lint"; fail "findings after sed"; }
    "$cg" -o "$tmp/gen" "$tmp/tree" > "$tmp/gen.log" 2>&1 || { cat "$tmp/gen.log"; fail "codegen"; }
    [ -f "$tmp/gen/rules/enable_zone_redundancy_for_express_route_gateways.c" ] || fail "no rule stub"
    compile_out "$tmp/gen"
    ;;
corpus)
    real=$shared/corpus/real
    [ -n "$shared" ] && [ -d "$real" ] || {
        echo "skipped: ${real:-../shared/corpus/real} not found (../shared is absent in user clones)"
        exit 77
    }
    cp -r "$real" "$tmp/tree"
    lint_lines "$tmp/tree" "$tmp/before"
    run_new "$tmp/tree" || { cat "$tmp/err"; fail "new exited $?"; }
    check_created 3
    lint_lines "$tmp/tree" "$tmp/after"
    only_todo "$tmp/before" "$tmp/after"
    fill $(cat "$tmp/out")
    lint_lines "$tmp/tree" "$tmp/filled"
    cmp -s "$tmp/before" "$tmp/filled" || { diff "$tmp/before" "$tmp/filled"; fail "findings changed after sed"; }
    echo "after sed: the tree's findings are exactly those before ($(wc -l < "$tmp/before") lines)"
    "$cg" -o "$tmp/gen" $(cat "$tmp/out") > "$tmp/gen.log" 2>&1 || { cat "$tmp/gen.log"; fail "codegen"; }
    compile_out "$tmp/gen"
    # a resource type the tree has (in another case) goes to the folder holding it
    "$cg" new --root "$tmp/tree" --name "Keep Redis patched" --resource-type microsoft.cache/REDIS \
        --category Security --impact Low --clouds Mooncake > "$tmp/out" 2> "$tmp/err" || { cat "$tmp/err"; fail "new (redis)"; }
    grep -qx "$tmp/tree/articles/advisorrecommendation.cacheredis/keepredispatched-mooncake.md" "$tmp/out" ||
        { cat "$tmp/out"; fail "not in the tree's folder for Microsoft.Cache/redis"; }
    ;;
variant)
    mkdir "$tmp/tree"
    "$cg" new --root "$tmp/tree" --name "$NAME" --resource-type "$TYPE" --category Cost --impact High \
        --clouds Public > "$tmp/out" 2> "$tmp/err" || { cat "$tmp/err"; fail "new"; }
    orig=$(cat "$tmp/out")
    fill "$orig"
    sed -i 's|"learnMoreLink": "https://learn.microsoft.com/azure/Done"|"learnMoreLink": "https://learn.microsoft.com/azure/expressroute/zone-redundancy"|' "$orig"
    "$cg" new --root "$tmp/tree" --variant-of "$orig" --clouds Mooncake,USNat > "$tmp/out" 2> "$tmp/err" ||
        { cat "$tmp/err"; fail "variant-of exited $?"; }
    check_created 2
    mc=$(grep -- '-mooncake.md$' "$tmp/out")
    grep -q '"learnMoreLink": "https://docs.azure.cn/expressroute/zone-redundancy"' "$mc" ||
        { grep learnMoreLink "$mc"; fail "Mooncake link not rewritten"; }
    grep -q 'cloudEnvironments="Mooncake"' "$mc" || fail "Mooncake clouds"
    t1=$(grep -o '"recommendationTypeId": "[^"]*"' "$orig")
    t2=$(grep -o '"recommendationTypeId": "[^"]*"' "$mc")
    [ "$t1" = "$t2" ] || fail "type id not kept"
    NO_COLOR=1 "$lint" "$tmp/tree" > "$tmp/lint" 2>&1 || { cat "$tmp/lint"; fail "variants not lint-clean"; }
    grep -q '^no problems in 3 files' "$tmp/lint" || { cat "$tmp/lint"; fail "findings with the variants"; }
    echo "variants of a new recommendation lint clean with it"
    real=$shared/corpus/real
    if [ -n "$shared" ] && [ -d "$real" ]; then
        cp -r "$real" "$tmp/real"
        lint_lines "$tmp/real" "$tmp/before"
        orig=$tmp/real/articles/advisorrecommendation.hybridcompute/arcserveragentversion-public.md
        "$cg" new --root "$tmp/real" --clouds Mooncake,Fairfax --variant-of "$orig" \
            > "$tmp/out" 2> "$tmp/err" || { cat "$tmp/err"; fail "variant of a real file"; }
        check_created 2
        mc=$(grep -- '-mooncake.md$' "$tmp/out")
        grep -q '"https://docs.azure.cn/azure-arc/servers/manage-agent"' "$mc" ||
            { grep -o '"https://[^"]*"' "$mc"; fail "the real Mooncake variant's links"; }
        # it reads a Public Kusto cluster: each variant gets a marker there, nothing else
        lint_lines "$tmp/real" "$tmp/after"
        only_todo "$tmp/before" "$tmp/after"
        grep -v 'left in dataSourceMetadata.streamNamespace \[todo-marker\]$' "$tmp/added" &&
            fail "a finding other than the streamNamespace marker"
        echo "Mooncake and Fairfax variants of a real file: only the streamNamespace marker is new"
    else
        echo "note: ../shared absent, the real-corpus variant is not tried"
    fi
    ;;
output)
    mkdir "$tmp/tree"
    run_new "$tmp/tree" -o "$tmp/gen" || { cat "$tmp/err"; fail "new -o exited $?"; }
    check_created 6
    id=enable_zone_redundancy_for_express_route_gateways
    for rel in rules/$id.h rules/$id.c tests/test_$id.c; do
        grep -qxF "$tmp/gen/$rel" "$tmp/out" || fail "$rel not generated and printed"
    done
    [ -f "$tmp/gen/advisor_catalog.c" ] && fail "-o wrote the catalog, not only the type's files"
    # compile against the whole output, as the project would have it
    fill $(grep '\.md$' "$tmp/out")
    "$cg" -o "$tmp/gen" "$tmp/tree" > "$tmp/gen.log" 2>&1 || { cat "$tmp/gen.log"; fail "codegen"; }
    grep -q "^skip .*rules/$id.c" "$tmp/gen.log" || { cat "$tmp/gen.log"; fail "the stub -o wrote was not kept"; }
    compile_out "$tmp/gen"
    # never overwrites a rule file in OUT
    mkdir "$tmp/tree2"
    run_new "$tmp/tree2" -o "$tmp/gen"
    st=$?
    [ "$st" -eq 2 ] || fail "-o over an existing stub exited $st, expected 2"
    grep -q "rules/$id.h exists" "$tmp/err" || { cat "$tmp/err"; fail "message"; }
    [ -z "$(find "$tmp/tree2" -type f)" ] || fail "files left after the refusal"
    ;;
refusals)
    mkdir "$tmp/tree"
    run_new "$tmp/tree" || fail "first new"
    first=$(head -1 "$tmp/out")
    count=$(find "$tmp/tree" -type f | wc -l)
    # the same friendly name again: 1, naming the file that has it
    run_new "$tmp/tree" --folder other
    st=$?
    [ "$st" -eq 1 ] || fail "taken friendly name exited $st, expected 1"
    grep -q "friendly name 'EnableZoneRedundancyForExpressRouteGateways' is taken: .*enablezoneredundancyforexpressroutegateways-[a-z]*.md has it" "$tmp/err" ||
        { cat "$tmp/err"; fail "message for a taken friendly name"; }
    [ -s "$tmp/out" ] && fail "stdout not empty on refusal"
    # an articleId taken: a variant for a cloud the type has
    "$cg" new --root "$tmp/tree" --variant-of "$first" --clouds Fairfax > "$tmp/out" 2> "$tmp/err"
    st=$?
    [ "$st" -eq 1 ] || fail "taken articleId exited $st, expected 1"
    grep -q "already has a Fairfax file: .*-fairfax.md" "$tmp/err" || { cat "$tmp/err"; fail "message for a taken articleId"; }
    # a file in the way: 2, naming it, left as it was, nothing else created
    dir=$(dirname "$first")
    printf 'not metadata\n' > "$dir/inthewayname-mooncake.md"
    run_new "$tmp/tree" --friendly-name InTheWayName
    st=$?
    [ "$st" -eq 2 ] || fail "existing file exited $st, expected 2"
    grep -q "$dir/inthewayname-mooncake.md exists: not overwriting it" "$tmp/err" || { cat "$tmp/err"; fail "message"; }
    [ "$(cat "$dir/inthewayname-mooncake.md")" = "not metadata" ] || fail "the file in the way was changed"
    [ "$(find "$tmp/tree" -type f | wc -l)" -eq $((count + 1)) ] || fail "files created despite the refusal"
    rm "$dir/inthewayname-mooncake.md"
    # a failure while placing the third file: nothing remains, not even the folder
    ADVISOR_CODEGEN_NEW_FAIL_LINK=3 run_new "$tmp/tree" --friendly-name HalfWritten --folder fresh/dir
    st=$?
    [ "$st" -eq 2 ] || fail "failed link exited $st, expected 2"
    [ -e "$tmp/tree/fresh" ] && { find "$tmp/tree/fresh"; fail "a half-written scaffold remains"; }
    [ "$(find "$tmp/tree" | grep -c 'advisor-new-')" -eq 0 ] || fail "temporary files remain"
    [ "$(find "$tmp/tree" -type f | wc -l)" -eq "$count" ] || fail "files remain after the failure"
    # bad flags: 2 with the reason
    bad() { # EXPECTED-TEXT ARGS...
        want=$1
        shift
        "$cg" new --root "$tmp/tree" "$@" > "$tmp/out" 2> "$tmp/err"
        st=$?
        [ "$st" -eq 2 ] || fail "$* exited $st, expected 2"
        grep -qF -- "$want" "$tmp/err" || { cat "$tmp/err"; fail "$*: no '$want'"; }
        [ -s "$tmp/out" ] && fail "$*: stdout not empty"
        [ "$(find "$tmp/tree" -type f | wc -l)" -eq "$count" ] || fail "$*: files created"
    }
    bad "unknown --category 'Costs' (expected HighAvailability" --name "X y" --resource-type "$TYPE" --category Costs --impact Low --clouds Public
    bad "unknown --impact 'Huge'" --name "X y" --resource-type "$TYPE" --category Cost --impact Huge --clouds Public
    bad "unknown cloud 'Mars' in --clouds" --name "X y" --resource-type "$TYPE" --category Cost --impact Low --clouds Public,Mars
    bad "--resource-type 'Microsoft.Network' is not an ARM resource type: it has no '/'" --name "X y" --resource-type Microsoft.Network --category Cost --impact Low --clouds Public
    bad "--resource-type 'Network/gateways' is not an ARM resource type: it has a namespace without '.'" --name "X y" --resource-type Network/gateways --category Cost --impact Low --clouds Public
    bad "unknown --data-source 'Excel'" --name "X y" --resource-type "$TYPE" --category Cost --impact Low --clouds Public --data-source Excel
    bad "needs --name" --resource-type "$TYPE" --category Cost --impact Low --clouds Public
    bad "no --clouds given" --name "X y" --resource-type "$TYPE" --category Cost --impact Low
    bad "--name has '\"' at character 2" --name 'X"y' --resource-type "$TYPE" --category Cost --impact Low --clouds Public
    bad "--name 'sample Title' is the authoring template's placeholder" --name 'sample Title' --resource-type "$TYPE" --category Cost --impact Low --clouds Public
    bad "unknown option '--colour'" --colour
    bad "--variant-of copies" --variant-of "$first" --clouds USSec --name Y
    bad "cannot read --variant-of" --variant-of "$tmp/none.md" --clouds USSec
    echo "every refusal: right status, message, nothing written"
    ;;
*)
    fail "unknown case '$case_'"
    ;;
esac
echo "ok: $case_"
