#!/bin/sh
# banned_selftest.sh SOURCE_DIR - scripts/check-banned.sh finds what it must
# and nothing else: calls in code are listed as FILE:LINE, names inside
# comments (one-line and multi-line), strings and character literals are
# not, nor are the safe look-alikes (snprintf, fgets, strtok_r, strtol);
# a directory without C files is an error, not a pass.
set -u
check=$1/scripts/check-banned.sh
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

cat > "$tmp/calls.c" <<'C'
/* strcpy(a, b) in a comment */
int f(char *a) { const char *s = "atoi(x)"; char q = '"'; return atoi (a); } // sprintf(a, "x");
/* a comment over
   lines: gets(a)
*/ void g(char *d) { strcat(d, "x"); vsprintf(d, "%s", 0); }
long h(char *a, char **e) { return strtol(a, e, 10) + snprintf(a, 1, "") + (fgets(a, 1, 0) != 0); }
char *k(char *a, char **sv) { return strtok_r(a, " ", sv); }
double m(const char *a) { return atof(a) + atol(a); }
void n(char *d) { sprintf(d, "x"); strcpy(d, "y"); } char *o(char *a) { return strtok(a, " "); }
C
printf 'int clean(void) { return 0; } /* strcpy( */\n' > "$tmp/clean.h"

sh "$check" "$tmp" > "$tmp/out" 2>&1
status=$?
[ "$status" = 1 ] || { cat "$tmp/out"; fail "exit $status with banned calls, expected 1"; }
grep '^/' "$tmp/out" | sed "s|^$tmp/||" > "$tmp/got"
cat > "$tmp/want" <<'W'
calls.c:2: atoi() is banned
calls.c:5: strcat() is banned
calls.c:5: vsprintf() is banned
calls.c:8: atof() is banned
calls.c:8: atol() is banned
calls.c:9: sprintf() is banned
calls.c:9: strcpy() is banned
calls.c:9: strtok() is banned
W
diff -u "$tmp/want" "$tmp/got" || fail "findings differ from the expected list (above)"
echo "banned calls listed at their file:line; comments, literals and look-alikes ignored"

sh "$check" "$tmp/clean.h" > "$tmp/out2" 2>&1 || { cat "$tmp/out2"; fail "a clean file was flagged"; }
mkdir "$tmp/empty"
sh "$check" "$tmp/empty" > "$tmp/out3" 2>&1
status=$?
[ "$status" = 2 ] || { cat "$tmp/out3"; fail "no C files: exit $status, expected 2"; }
echo "a clean file passes; a directory without C files exits 2"
exit 0
