#!/bin/sh
# formats.sh: GitHub annotations escape '%', CR, LF everywhere and ':' ','
# in properties, map severities to error/warning/notice, and are followed by
# the full text report. (The exact output on fixtures is the golden CLI case
# tests/cli/cases/github-format.)
. "$(dirname "$0")/lib.sh"
mkdir "$tmp/w" && cd "$tmp/w" || exit 2
cp "$src/fixtures/rules/insecure-link/bad.md" "a,b%c:d.md"
cp "$src/fixtures/rules/link-host/bad.md" "info.md"
cp "$src/fixtures/rules/guid-format/bad.md" "err.md"
"$bin" --no-config --format github . > out.txt
expect_status 1 $? "github format with an error"
expect_grep '::warning file=./a%2Cb%25c%3Ad.md,line=42,col=22,endLine=42,endColumn=107,title=insecure-link::link "http://docs.azure.cn/expressroute/designing-for-high-availability-with-expressroute" uses http, use https' out.txt "escaped properties"
expect_grep '::notice file=./info.md,' out.txt "info is a notice"
expect_grep '::error file=./err.md,' out.txt "error is an error"
"$bin" --no-config --format text . > text.txt
n=$(grep -c '^::' out.txt)
tail -n +$((n + 1)) out.txt > after.txt
expect_same text.txt after.txt "the text report follows the annotations"
finish
