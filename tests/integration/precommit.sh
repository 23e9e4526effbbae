#!/bin/sh
# precommit.sh: the hooks of .pre-commit-hooks.yaml, run the way pre-commit
# runs them (precommit_run.c): staged paths filtered by the hook's regex, some
# of them not advisor metadata. A clean commit passes, a defect fails, a
# deleted staged file is not passed; the codegen check fails when the
# generated output is stale (when advisor-codegen is built).
. "$(dirname "$0")/lib.sh"
command -v git > /dev/null || { echo "skipped: no git"; exit 77; }
hooks=$src/.pre-commit-hooks.yaml
run_hook() {
    "$precommit_run" "$hooks" "$@"
}
r=$tmp/repo
mkdir -p "$r/articles/net" "$r/docs" "$r/.github/workflows" "$r/scripts"
cd "$r" || exit 2
git init -q . && git config user.email t@example.com && git config user.name t
cp "$src/fixtures/valid/seed-expressroute-mooncake.md" articles/net/gateway.md
cp "$src/fixtures/valid/not-metadata-troubleshooter.md" articles/net/troubleshooter.md
printf '# Docs\n\nNot metadata.\n' > docs/README.md
printf '{"name": "tooling", "private": true}\n' > package.json
printf 'on: push\njobs: {}\n' > .github/workflows/ci.yml
printf '#!/bin/sh\necho hi\n' > scripts/x.sh
printf 'notes\n' > notes.txt
git add -A

run_hook advisor-lint "$r" "$bin" > "$tmp/clean.txt" 2>&1
expect_status 0 $? "clean staged files"
expect_grep "articles/net/gateway.md" "$tmp/clean.txt" "metadata passed to the hook"
expect_grep "package.json" "$tmp/clean.txt" "JSON passed to the hook"
expect_no_grep "scripts/x.sh" "$tmp/clean.txt" "the files regex"
expect_no_grep "notes.txt" "$tmp/clean.txt" "the files regex"
expect_grep "no problems in 1 file (4 skipped: not advisor metadata)" "$tmp/clean.txt" "non-metadata skipped"
git commit -qm init

# a defect in one staged file fails the hook
sed 's/"recommendationTypeId": "\([^"]*\)"/"recommendationTypeId": "\1x"/' \
    "$src/fixtures/rules/cloud-name-case/good.md" > articles/net/other.md
git add articles/net/other.md
run_hook advisor-lint "$r" "$bin" > "$tmp/bad.txt" 2>&1
expect_status 1 $? "a staged defect"
expect_grep "articles/net/other.md:" "$tmp/bad.txt" "the defect is reported"
expect_grep "[guid-format]" "$tmp/bad.txt" "the defect is reported"

# only warnings: the hook passes (exit 0), still printing them
cp "$src/fixtures/rules/cloud-name-case/bad.md" articles/net/other.md
git add articles/net/other.md
run_hook advisor-lint "$r" "$bin" > "$tmp/warn.txt" 2>&1
expect_status 0 $? "warnings only"
expect_grep "[cloud-name-case]" "$tmp/warn.txt" "warnings shown"

# a staged deletion is not passed (pre-commit passes existing files only: --diff-filter)
git reset -q articles/net/other.md && rm articles/net/other.md
git rm -q --cached articles/net/troubleshooter.md && rm articles/net/troubleshooter.md
run_hook advisor-lint "$r" "$bin" > "$tmp/del.txt" 2>&1 || true
expect_no_grep "read-error" "$tmp/del.txt" "a deleted file is not linted"

if [ -z "$codegen" ] || [ ! -x "$codegen" ]; then
    echo "note: advisor-codegen is not built; its hook is not run"
    finish
fi
git add -A && git commit -qm more
"$codegen" -o generated articles > "$tmp/gen.txt" 2>&1 || { cat "$tmp/gen.txt"; fail "advisor-codegen"; finish; }
git add -A && git commit -qm gen
run_hook advisor-codegen-check "$r" "$codegen" -o generated articles > "$tmp/fresh.txt" 2>&1
expect_status 0 $? "codegen output is current"
sed -i 's/"recommendationImpact": "Medium"/"recommendationImpact": "High"/' articles/net/gateway.md
git add articles/net/gateway.md
run_hook advisor-codegen-check "$r" "$codegen" -o generated articles > "$tmp/stale.txt" 2>&1
expect_status 1 $? "codegen output is stale"
finish
