#!/bin/sh
# fix.sh: --fix rewrites only the certain fixes (cloud spelling, spaces
# inside a GUID's quotes, a link's locale segment), byte-identical outside the fixed spans, CRLF kept,
# permissions kept; http links are left alone; a second --fix changes
# nothing; --fix --dry-run prints the diff and changes nothing.
. "$(dirname "$0")/lib.sh"
cd "$tmp" || exit 2
# a CRLF file with two cloud spellings, a GUID with spaces and an http link
sed -e 's/"recommendationTypeId": "\([^"]*\)"/"recommendationTypeId": "  \1 "/' \
    -e 's|"learnMoreLink": "https://|"learnMoreLink": "http://|' \
    -e 's/$/\r/' "$src/fixtures/rules/cloud-name-case/bad.md" > a.md
chmod 640 a.md
cp a.md a.orig
cp "$src/fixtures/valid/seed-expressroute-mooncake.md" clean.md
cp clean.md clean.orig

"$bin" --no-config a.md > before.txt
expect_status 1 $? "lint before --fix"
expect_grep "[insecure-link]" before.txt "the http link is a finding"

"$bin" --no-config --fix --dry-run a.md clean.md > diff.txt 2> dry.txt
expect_status 1 $? "--dry-run with something to fix"
expect_same a.orig a.md "--dry-run changes nothing"
expect_grep "would fix 3 findings in 1 file" dry.txt "--dry-run summary"
cat > want.diff <<'DIFF'
--- a/a.md
+++ b/a.md
@@ -6,1 +6,1 @@
-articleId = "1454a56c-27db-4a74-8726-b2a55794c4c8_mooncake"
+articleId = "1454a56c-27db-4a74-8726-b2a55794c4c8_Mooncake"
@@ -8,1 +8,1 @@
-cloudEnvironments = "MoonCake" 
+cloudEnvironments = "Mooncake" 
@@ -17,1 +17,1 @@
-    "recommendationTypeId": "  5709b905-f4d3-4e36-8534-e6233a4bbe65 ",
+    "recommendationTypeId": "5709b905-f4d3-4e36-8534-e6233a4bbe65",
DIFF
tr -d '\r' < diff.txt > diff-lf.txt
expect_same want.diff diff-lf.txt "--dry-run diff"
[ "$(grep -c "$(printf '\r')" diff.txt)" = 6 ] || fail "the diff lines keep their CR"

"$bin" --no-config --fix a.md clean.md > after.txt 2> fixed.txt
expect_status 0 $? "--fix leaves only the http warning"
expect_grep "fixed 3 findings in 1 file" fixed.txt "--fix summary"
expect_grep "[insecure-link]" after.txt "the http link is not fixed"
expect_no_grep "[cloud-name-case]" after.txt "clouds fixed"
expect_no_grep "[guid-format]" after.txt "GUID fixed"
expect_same clean.orig clean.md "a file without fixes is untouched"
[ "$(stat -c %a a.md)" = 640 ] || fail "--fix changed the permissions to $(stat -c %a a.md)"
ls a.md.* 2> /dev/null && fail "a temporary file was left behind"

# byte-identical outside the spans: undo exactly the three replacements
sed -e 's/_Mooncake"/_mooncake"/' -e 's/cloudEnvironments = "Mooncake"/cloudEnvironments = "MoonCake"/' \
    -e 's/"recommendationTypeId": "\([^"]*\)"/"recommendationTypeId": "  \1 "/' a.md > undone.md
expect_same a.orig undone.md "bytes outside the fixed spans"
[ "$(grep -c "$(printf '\r')\$" a.md)" = "$(wc -l < a.orig)" ] || fail "CRLF line ends lost"

cp a.md once.md
"$bin" --no-config --fix a.md > /dev/null 2> again.txt
expect_grep "fixed 0 findings in 0 files" again.txt "a second --fix"
expect_same once.md a.md "a second --fix changes nothing"
"$bin" --no-config --fix --dry-run a.md > diff2.txt 2> /dev/null
expect_status 0 $? "--dry-run with nothing to fix"
[ -s diff2.txt ] && fail "--dry-run printed a diff with nothing to fix"

# a BOM stays; through a symbolic link the target is fixed and the link kept
printf '\357\273\277' > bom.md
cat "$src/fixtures/rules/cloud-name-case/bad.md" >> bom.md
ln -s bom.md link.md
"$bin" --no-config --fix link.md > /dev/null 2> bom.txt
expect_grep "fixed 2 findings in 1 file" bom.txt "--fix through a link"
[ -L link.md ] || fail "--fix replaced the symbolic link"
[ "$(head -c 3 bom.md | od -An -tx1 | tr -d ' ')" = efbbbf ] || fail "--fix lost the BOM"
grep -q 'cloudEnvironments = "Mooncake"' bom.md || fail "the link's target was not fixed"

# a suppressed or disabled rule is not fixed
cp a.orig b.md
printf 'rules: {cloud-name-case: off}\n' > cfg.yaml
"$bin" --config cfg.yaml --fix b.md > /dev/null 2> cfg.txt
expect_grep "fixed 1 finding in 1 file" cfg.txt "--fix skips rules turned off"
grep -q 'MoonCake' b.md || fail "a rule turned off was fixed"

# link-locale: "/zh-cn" and "/en-us" go; a link spelt with escapes (https:\/\/...) is
# reported but not rewritten, since the span is not the plain segment
cp "$src/fixtures/rules/link-locale/bad.md" loc.md
cp "$src/fixtures/rules/link-locale/bad-escaped.md" esc.md
cp esc.md esc.orig
"$bin" --no-config --fix loc.md esc.md > loc.txt 2> locfix.txt
expect_grep "fixed 2 findings in 1 file" locfix.txt "--fix removes locale segments"
expect_no_grep "loc.md" loc.txt "no locale segment left"
expect_grep "esc.md:42:46: warning: link has the locale segment \"en-US\"" loc.txt "the escaped link is still reported"
expect_same esc.orig esc.md "the escaped link is not rewritten"
sed -e 's|docs.azure.cn/expressroute/designing|docs.azure.cn/zh-cn/expressroute/designing|' \
    -e 's|docs.azure.cn/expressroute/expressroute-howto|docs.azure.cn/en-us/expressroute/expressroute-howto|' \
    loc.md > loc-undone.md
expect_same "$src/fixtures/rules/link-locale/bad.md" loc-undone.md "bytes outside the locale segments"
finish
