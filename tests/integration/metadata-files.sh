#!/bin/sh
# metadata-files.sh: a file where advisor metadata lives (the config's
# metadata-files, by default articles/advisorrecommendation.*/**) that cannot
# be read as metadata is an error at its place, not a skipped file; elsewhere
# such files are still skipped; a run that checks no file says so, in text and
# JSON, and still exits 0.
. "$(dirname "$0")/lib.sh"
repo=$tmp/repo
dir=$repo/articles/advisorrecommendation.x
mkdir -p "$dir" "$repo/docs" "$repo/empty"
good=$src/fixtures/valid/seed-expressroute-mooncake.md
cp "$good" "$dir/good.md"
: > "$dir/empty.md"
printf '# Enable backups\n---\n{"a": 1}\n---\n' > "$dir/no-header.md"
sed 's/^<properties/< properties/' "$good" | sed 's/4a031d69-19fd-495f-9d25-93afbf7f1e89/4a031d69-19fd-495f-9d25-93afbf7f1e8a/' \
    | sed 's/ExpressRouteGatewayRedundancy"/ExpressRouteGatewayRedundancy2"/' \
    | sed 's/70f87e66-9b2d-4bfa-ae38-1d7d74837689/70f87e66-9b2d-4bfa-ae38-1d7d7483768a/' > "$dir/space-header.md"
printf '<properties\n  pageTitle="T"\n' > "$dir/truncated.md"
sed 's/"advisorRecommendationMetadata"/"advisorRecommendationMetdata"/' "$good" \
    | sed 's/4a031d69-19fd-495f-9d25-93afbf7f1e89/4a031d69-19fd-495f-9d25-93afbf7f1e8b/' \
    | sed 's/ExpressRouteGatewayRedundancy"/ExpressRouteGatewayRedundancy3"/' \
    | sed 's/70f87e66-9b2d-4bfa-ae38-1d7d74837689/70f87e66-9b2d-4bfa-ae38-1d7d7483768b/' > "$dir/other-type.md"
printf '# Readme\n\nNot metadata.\n' > "$repo/docs/readme.md"

# from the repository root, no config: the default globs
cd "$repo" || exit 2
"$bin" --no-config articles docs > "$tmp/root.txt"
expect_status 1 $? "broken files in the metadata folder"
expect_grep "articles/advisorrecommendation.x/empty.md:1:1: error: the file is empty, but its path says it is advisor metadata (metadata-files) [header-missing]" "$tmp/root.txt" "empty file"
expect_grep "articles/advisorrecommendation.x/no-header.md:1:1: error: missing the '<properties .../>' header at the start of the file, and its path says it is advisor metadata (metadata-files) [header-missing]" "$tmp/root.txt" "no header"
expect_grep "articles/advisorrecommendation.x/space-header.md:1:2: error: white space between '<' and 'properties', write '<properties' [header-syntax]" "$tmp/root.txt" "'< properties'"
expect_grep "articles/advisorrecommendation.x/truncated.md:1:1: error: the '<properties' header is not closed, expected '/>' before the end of the file [header-unclosed]" "$tmp/root.txt" "truncated header"
expect_grep "articles/advisorrecommendation.x/other-type.md:7:17: error: selfHelpType \"advisorRecommendationMetdata\" in a file whose path says it is advisor metadata (metadata-files), expected \"advisorRecommendationMetadata\" [self-help-type]" "$tmp/root.txt" "another selfHelpType"
expect_no_grep "good.md" "$tmp/root.txt" "the good file"
expect_no_grep "docs/" "$tmp/root.txt" "files outside the metadata folder"
expect_grep " in 5 of 6 files (1 skipped: not advisor metadata)" "$tmp/root.txt" "summary"
expect_no_grep "nothing checked" "$tmp/root.txt" "files were checked"

# a file named from the repository root, no config
"$bin" --no-config articles/advisorrecommendation.x/empty.md > "$tmp/one.txt"
expect_status 1 $? "one empty file named from the root"
expect_grep "[header-missing]" "$tmp/one.txt" "one empty file named from the root"

# the same files outside the metadata folder are skipped, and the run says nothing was checked
cp "$dir/empty.md" "$dir/no-header.md" "$dir/other-type.md" "$repo/docs/"
"$bin" --no-config docs > "$tmp/docs.txt"
expect_status 0 $? "broken files outside the metadata folder"
expect_grep "no problems in 0 files (4 skipped: not advisor metadata)" "$tmp/docs.txt" "skipped elsewhere"
expect_grep "nothing checked: no advisor metadata among the 4 files given" "$tmp/docs.txt" "empty run"
"$bin" --no-config --format json docs > "$tmp/docs.json"
expect_status 0 $? "empty run, JSON"
expect_grep '"nothingChecked": true' "$tmp/docs.json" "empty run, JSON"
"$bin" --no-config --format json articles/advisorrecommendation.x/good.md > "$tmp/good.json"
expect_grep '"nothingChecked": false' "$tmp/good.json" "a run that checked a file"
"$bin" --no-config empty > "$tmp/none.txt"
expect_status 0 $? "no file at all"
expect_grep "nothing checked: the paths given name no .md, .markdown, .json, .yaml or .yml file" "$tmp/none.txt" "no file at all"

# from inside articles/ with no config the default (relative to here) does not apply
cd "$repo/articles" || exit 2
"$bin" --no-config advisorrecommendation.x > "$tmp/inside.txt"
expect_no_grep "[header-missing]" "$tmp/inside.txt" "no config, run from articles/"
# with a config at the root, it does: globs are relative to the config's directory
printf 'rules: {}\n' > "$repo/.advisor-lint.yaml"
"$bin" advisorrecommendation.x > "$tmp/inside-cfg.txt"
expect_grep "advisorrecommendation.x/empty.md:1:1: error: the file is empty" "$tmp/inside-cfg.txt" "config at the root, run from articles/"

# the config's own globs replace the default; [] turns the check by path off
printf 'metadata-files: ["docs/**"]\n' > "$repo/.advisor-lint.yaml"
cd "$repo" || exit 2
"$bin" articles docs > "$tmp/own.txt"
expect_grep "docs/no-header.md:1:1: error: missing the '<properties" "$tmp/own.txt" "own globs"
expect_grep "docs/readme.md:1:1: error: missing the '<properties" "$tmp/own.txt" "own globs"
expect_no_grep "articles/advisorrecommendation.x/empty.md" "$tmp/own.txt" "own globs replace the default"
printf 'metadata-files: []\n' > "$repo/.advisor-lint.yaml"
"$bin" articles > "$tmp/off.txt"
expect_no_grep "[header-missing]" "$tmp/off.txt" "metadata-files: []"
expect_grep "[header-unclosed]" "$tmp/off.txt" "a truncated header is an error anyway"

# a mistake in the key is reported at its place
printf 'metadata-files: 3\n' > "$repo/.advisor-lint.yaml"
"$bin" articles > "$tmp/bad.txt" 2> "$tmp/bad.err"
expect_status 2 $? "bad metadata-files"
expect_grep ".advisor-lint.yaml:1:17: 'metadata-files' must be a list of strings, not a number" "$tmp/bad.err" "bad metadata-files"
finish
