#!/bin/sh
# output-file.sh: --output FILE writes a second report in the format its name
# (or --output-format) says, alongside the console format, in one run.
. "$(dirname "$0")/lib.sh"
cd "$src" || exit 2
set -- fixtures/rules/cloud-name-case fixtures/invalid/raw-tab-in-string.md
"$bin" --no-config "$@" > "$tmp/text.txt"
"$bin" --no-config --format sarif "$@" > "$tmp/sarif.txt"
"$bin" --no-config --format json "$@" > "$tmp/json.txt"
"$bin" --no-config --color=always "$@" -o "$tmp/report.sarif" > "$tmp/console.txt"
expect_status 1 $? "errors found"
"$bin" --no-config --color=always "$@" > "$tmp/console-alone.txt"
expect_same "$tmp/console-alone.txt" "$tmp/console.txt" "console output unchanged by --output"
expect_same "$tmp/sarif.txt" "$tmp/report.sarif" ".sarif file is the SARIF report"
"$bin" --no-config --format json "$@" --output "$tmp/r.txt" > "$tmp/j2.txt"
expect_same "$tmp/text.txt" "$tmp/r.txt" "a .txt output is text, without colour"
"$bin" --no-config "$@" --output "$tmp/r.out" --output-format json > /dev/null
expect_same "$tmp/json.txt" "$tmp/r.out" "--output-format json"
"$bin" --no-config "$@" --output "$tmp/no/such/dir/r.sarif" > /dev/null 2> "$tmp/err.txt"
expect_status 2 $? "unwritable --output"
expect_grep "cannot write '$tmp/no/such/dir/r.sarif'" "$tmp/err.txt" "unwritable --output message"
finish
