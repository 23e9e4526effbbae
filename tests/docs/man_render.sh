#!/bin/sh
# man_render.sh PAGE... - each page renders cleanly: `man -l` exits 0 with
# nothing on standard error and prints its NAME section; groff with all
# warnings (-ww) prints none; lexgrog (man-db's whatis parser) recognises
# the NAME line. Exits 77 (skipped) with a message when man is missing;
# groff and lexgrog are checked when present (man-db brings both).
set -u
if ! command -v man >/dev/null 2>&1; then
    echo "skipped: 'man' not found (scripts/install-deps.sh installs man-db)"
    exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
for page in "$@"; do
    name=$(basename "$page")
    name=${name%.*}
    if ! MANWIDTH=80 man -l "$page" > "$tmp/out" 2> "$tmp/err"; then
        echo "FAIL: man -l $page exited non-zero"; cat "$tmp/err"; fail=1; continue
    fi
    if [ -s "$tmp/err" ]; then
        echo "FAIL: man -l $page warned:"; cat "$tmp/err"; fail=1
    fi
    col -b < "$tmp/out" > "$tmp/text" 2>/dev/null || cp "$tmp/out" "$tmp/text"
    grep -q "^NAME" "$tmp/text" && grep -q "^ *$name - " "$tmp/text" ||
        { echo "FAIL: man -l $page shows no 'NAME' section naming $name"; fail=1; }
    if command -v groff >/dev/null 2>&1; then
        groff -man -Tutf8 -ww -z "$page" > "$tmp/gerr" 2>&1
        if [ -s "$tmp/gerr" ]; then
            echo "FAIL: groff -man -Tutf8 -ww warns on $page:"; cat "$tmp/gerr"; fail=1
        fi
    else
        echo "note: groff not found, warnings not checked"
    fi
    if command -v lexgrog >/dev/null 2>&1; then
        lexgrog "$page" > "$tmp/lex" 2>&1
        grep -q ": \"$name - " "$tmp/lex" ||
            { echo "FAIL: lexgrog does not recognise the NAME section of $page:"; cat "$tmp/lex"; fail=1; }
    else
        echo "note: lexgrog not found, the NAME section's whatis parse not checked"
    fi
    [ "$fail" = 0 ] && echo "$page: renders ($(wc -l < "$tmp/text") lines), no warnings, NAME recognised"
done
exit "$fail"
