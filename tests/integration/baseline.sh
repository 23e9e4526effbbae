#!/bin/sh
# baseline.sh: --write-baseline records today's findings; editing an
# unrelated line above a finding reports nothing new; adding one defect
# reports exactly that one; entries whose finding went away count as fixed.
. "$(dirname "$0")/lib.sh"
w=$tmp/repo
mkdir -p "$w/articles"
cp "$src/fixtures/rules/cloud-name-case/bad.md" "$w/articles/a.md"
cp "$src/fixtures/rules/guid-format/bad.md" "$w/articles/b.md"
cp "$src/fixtures/rules/insecure-link/bad.md" "$w/articles/c.md"
cd "$w" || exit 2

"$bin" --no-config articles > "$tmp/before.txt"
expect_status 1 $? "lint before the baseline"
"$bin" --no-config --write-baseline .advisor-lint-baseline.json articles 2> "$tmp/wrote.txt"
expect_status 0 $? "--write-baseline"
n=$(grep -c ': \(error\|warning\|info\): ' "$tmp/before.txt")
expect_grep "wrote $n findings to '.advisor-lint-baseline.json'" "$tmp/wrote.txt" "baseline entry count"

# nothing changed: nothing shown, exit 0
"$bin" --no-config --baseline .advisor-lint-baseline.json articles > "$tmp/same.txt"
expect_status 0 $? "same files against their baseline"
expect_grep "no problems in 3 files" "$tmp/same.txt" "same files"
expect_grep "baseline: $n known findings not shown, 0 entries fixed" "$tmp/same.txt" "same files"

# unrelated edits above the findings: lines move and change, nothing new
sed -i -e '2i\    ' -e 's/^pageTitle = "Implement multiple/pageTitle = "Implement several/' articles/a.md
sed -i -e 's/^{$/{\n/' -e 's/"recommendationOfferingName": "ExpressRoute"/"recommendationOfferingName": "Express Route"/' articles/b.md
sed -i -e '2i\ ' -e 's/^{$/{\n\n/' articles/c.md
"$bin" --no-config articles > "$tmp/edited-plain.txt"
expect_status 1 $? "the edited files still have their findings"
expect_no_grep "articles/a.md:8:22" "$tmp/edited-plain.txt" "the edit moved a finding"
expect_grep "articles/a.md:9:22" "$tmp/edited-plain.txt" "the edit moved a finding"
[ "$(grep -c ': \(error\|warning\|info\): ' "$tmp/edited-plain.txt")" = "$n" ] ||
    fail "the edits changed the findings: $(cat "$tmp/edited-plain.txt")"
"$bin" --no-config --baseline .advisor-lint-baseline.json articles > "$tmp/edited.txt"
expect_status 0 $? "edited files against the baseline"
expect_grep "no problems in 3 files" "$tmp/edited.txt" "moved findings stay known"

# one new defect: exactly it is reported
sed -i 's|"learnMoreLink": "https://docs.azure.cn/|"learnMoreLink": "http://docs.azure.cn/|' articles/a.md
"$bin" --no-config --baseline .advisor-lint-baseline.json articles > "$tmp/new.txt"
expect_status 0 $? "a new warning only"
grep ': \(error\|warning\|info\): ' "$tmp/new.txt" > "$tmp/new-findings.txt"
[ "$(wc -l < "$tmp/new-findings.txt")" = 1 ] || fail "expected exactly one new finding: $(cat "$tmp/new.txt")"
expect_grep "articles/a.md:" "$tmp/new-findings.txt" "the new defect"
expect_grep "[insecure-link]" "$tmp/new-findings.txt" "the new defect"

# a fixed defect counts as fixed; from another directory the baseline still applies
sed -i 's/cloudEnvironments = "MoonCake"/cloudEnvironments = "Mooncake"/' articles/a.md
cd articles || exit 2
"$bin" --no-config --baseline ../.advisor-lint-baseline.json . > "$tmp/fixed.txt"
expect_grep "baseline: $((n - 1)) known findings not shown, 1 entry fixed" "$tmp/fixed.txt" "fixed entry"
cd .. || exit 2

# JSON shows the counts too; a bad baseline is trouble
"$bin" --no-config --format json --baseline .advisor-lint-baseline.json articles > "$tmp/j.json"
expect_grep '"known": '"$((n - 1))" "$tmp/j.json" "JSON baseline counts"
echo '{"entries": 3}' > bad.json
"$bin" --no-config --baseline bad.json articles > /dev/null 2> "$tmp/bad.txt"
expect_status 2 $? "a bad baseline"
expect_grep "'bad.json' is not an advisor-lint baseline" "$tmp/bad.txt" "a bad baseline"
finish
