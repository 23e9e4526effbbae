#!/bin/sh
# install-tree.sh - `cmake --install` into a temporary prefix, then use the
# installed tree as a user would, and only it:
#
#   1. every file is where cmake/Install.cmake says (tools, library and its
#      SONAME link, headers, advisor-lint.pc, man pages, docs, example);
#   2. each man page renders with `man -l` without a warning, and man finds
#      it by name and section under the prefix's MANPATH;
#   3. examples/embed.c, as installed, builds with the flags
#      `pkg-config --cflags --libs advisor-lint` gives for the prefix (every
#      advisor/ header it includes comes from the prefix, none from the
#      source tree, and it loads the prefix's libadvisor-lint.so.0), then
#      lints buffers: a bad one gives exactly the findings the installed
#      advisor-lint gives for that file (exit 1), the seed and a valid
#      fixture give none (exit 0);
#   4. the installed advisor-lint lints the seed (exit 0) and a fixture with
#      an error (exit 1); both tools print the project's version.
#
# usage: install-tree.sh CMAKE BUILD_DIR SOURCE_DIR SHARED_DIR VERSION CC BINDIR LIBDIR
#                        INCLUDEDIR MANDIR DOCDIR [EXTRA_CFLAGS]
# (the directories relative to the prefix, as GNUInstallDirs gave them;
# EXTRA_CFLAGS: the sanitizer flags of an instrumented build, which a program
# linking the instrumented library needs too). Exit 77 (skipped) when man is
# missing, after every other check has passed.
set -eu
if [ $# -lt 11 ]; then
    echo "usage: install-tree.sh CMAKE BUILD SOURCE SHARED VERSION CC BINDIR LIBDIR INCLUDEDIR MANDIR DOCDIR [CFLAGS]" >&2
    exit 2
fi
cmake=$1 build=$2 src=$3 shared=$4 version=$5 cc=$6
bindir=$7 libdir=$8 includedir=$9
shift 9
mandir=$1 docdir=$2 extra_cflags=${3:-}

fail() { echo "install-tree: FAIL: $*" >&2; exit 1; }
note() { echo "install-tree: $*"; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix

# ---- 1. the tree ------------------------------------------------------------
status=0
"$cmake" --install "$build" --prefix "$prefix" >"$tmp/install.log" 2>&1 || status=$?
[ "$status" = 0 ] || { cat "$tmp/install.log" >&2; fail "cmake --install exited $status"; }

for f in "$bindir/advisor-lint" "$bindir/advisor-codegen"; do
    [ -x "$prefix/$f" ] || fail "$f is not installed (or not executable)"
done
for f in libadvisor-lint.so libadvisor-lint.so.0 "libadvisor-lint.so.$version"; do
    [ -e "$prefix/$libdir/$f" ] || fail "$libdir/$f is not installed"
done
[ "$(readlink "$prefix/$libdir/libadvisor-lint.so")" = libadvisor-lint.so.0 ] ||
    fail "$libdir/libadvisor-lint.so does not point to the SONAME libadvisor-lint.so.0"
for h in "$src"/include/advisor/*.h; do
    cmp -s "$h" "$prefix/$includedir/advisor/${h##*/}" ||
        fail "$includedir/advisor/${h##*/} is not installed as in the source"
done
for f in "$libdir/pkgconfig/advisor-lint.pc" "$docdir/README.md" "$docdir/copyright" \
         "$docdir/examples/embed.c"; do
    [ -f "$prefix/$f" ] || fail "$f is not installed"
done
# No installed program may find its libraries through the build tree.
if command -v readelf >/dev/null 2>&1; then
    for f in "$bindir/advisor-lint" "$bindir/advisor-codegen" "$libdir/libadvisor-lint.so.0"; do
        if readelf -d "$prefix/$f" | grep -E 'R(UN)?PATH' | grep -q -F "$build"; then
            fail "$f has an RPATH into the build tree"
        fi
    done
fi
note "tree: tools, library, $(ls "$prefix/$includedir/advisor" | wc -l) headers, .pc, docs installed"

# ---- 2. man pages -----------------------------------------------------------
man_missing=""
if ! command -v man >/dev/null 2>&1; then
    man_missing="man (man-db) is not installed"
fi
for page in man1/advisor-lint.1 man1/advisor-codegen.1 man5/advisor-lint.yaml.5; do
    name=${page#*/}
    cmp -s "$src/docs/man/$name" "$prefix/$mandir/$page" ||
        fail "$mandir/$page is not installed as docs/man/$name"
    [ -n "$man_missing" ] && continue
    LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings=w -E UTF-8 -l "$prefix/$mandir/$page" \
        >"$tmp/page.txt" 2>"$tmp/page.err" || fail "man -l $mandir/$page exited $?"
    if [ -s "$tmp/page.err" ]; then
        cat "$tmp/page.err" >&2
        fail "man -l $mandir/$page warned (above)"
    fi
    grep -q '^NAME' "$tmp/page.txt" || fail "man -l $mandir/$page rendered no NAME section"
    section=${page%%/*}
    section=${section#man}
    found=$(MANPATH="$prefix/$mandir" man -w "$section" "${name%.*}" 2>/dev/null) ||
        fail "man -w $section ${name%.*} does not find the page under $prefix/$mandir"
    [ "$found" = "$prefix/$mandir/$page" ] || fail "man -w $section ${name%.*} found '$found'"
    note "man: $page renders cleanly and is found as ${name%.*}($section)"
done

# ---- 3. the example, built against the installed tree ----------------------
pc="env PKG_CONFIG_PATH=$prefix/$libdir/pkgconfig pkg-config"
$pc --exists advisor-lint || fail "pkg-config does not find advisor-lint.pc under the prefix"
[ "$($pc --modversion advisor-lint)" = "$version" ] ||
    fail "advisor-lint.pc says version $($pc --modversion advisor-lint), not $version"
pc_prefix=$($pc --variable=prefix advisor-lint)
[ "$pc_prefix" = "$prefix" ] || fail "advisor-lint.pc's prefix is $pc_prefix, not the install prefix $prefix"
grep -q -x -F "$prefix/$libdir/pkgconfig/advisor-lint.pc" "$build/install_manifest.txt" ||
    fail "advisor-lint.pc is not in install_manifest.txt"
flags=$($pc --cflags --libs advisor-lint)
# The same with no other .pc file to be found (PKG_CONFIG_LIBDIR replaces the
# system's): the flags must not need the -dev packages of the libraries
# libadvisor-lint.so itself links.
only=$(PKG_CONFIG_LIBDIR="$prefix/$libdir/pkgconfig" pkg-config --cflags --libs advisor-lint) ||
    fail "pkg-config needs .pc files from outside the installed tree"
[ "$only" = "$flags" ] || fail "pkg-config flags differ without the system's .pc files: '$only'"
case "$flags" in
    *"$src"* | *"$build"*) fail "pkg-config flags point into the source or build tree: $flags" ;;
esac
example=$prefix/$docdir/examples/embed.c
cd "$tmp"
# shellcheck disable=SC2086 # the flags are words
"$cc" -std=c11 $extra_cflags -M "$example" $($pc --cflags advisor-lint) >"$tmp/deps" ||
    fail "cannot preprocess the example"
tr ' \\' '\n\n' <"$tmp/deps" | grep '/advisor/' >"$tmp/advisor-headers" ||
    fail "the example includes no advisor/ header"
while read -r h; do
    case "$(cd "$(dirname "$h")" && pwd -P)" in
        "$(cd "$prefix" && pwd -P)"/*) ;;
        *) fail "the example includes $h, outside the install prefix" ;;
    esac
done <"$tmp/advisor-headers"
# shellcheck disable=SC2086
"$cc" -std=c11 -Wall -Wextra -Werror $extra_cflags "$example" $flags -o "$tmp/embed" ||
    fail "the installed example does not build with pkg-config's flags"
export LD_LIBRARY_PATH="$prefix/$libdir"
if command -v ldd >/dev/null 2>&1; then
    loaded=$(ldd "$tmp/embed" | awk '$1 == "libadvisor-lint.so.0" { print $3 }')
    [ "$loaded" = "$prefix/$libdir/libadvisor-lint.so.0" ] ||
        fail "the example loads libadvisor-lint.so.0 from '$loaded', not the prefix"
fi
note "example: built with '$flags', headers and library from the prefix only"

# A bad buffer: the same findings as the installed tool gives for the file
# (text lines without the summary), and exit 1.
lint=$prefix/$bindir/advisor-lint
bad=missing-comma.md
status=0
"$tmp/embed" "$bad" <"$src/fixtures/invalid/$bad" >"$tmp/embed.out" || status=$?
[ "$status" = 1 ] || fail "embed exited $status on fixtures/invalid/$bad, not 1"
grep -q "^$bad:[0-9]*:[0-9]*: error: .*\[json-syntax\]\$" "$tmp/embed.out" ||
    { cat "$tmp/embed.out" >&2; fail "embed names no json-syntax error in $bad"; }
status=0
(cd "$src/fixtures/invalid" && "$lint" --no-config --color=never "$bad") >"$tmp/lint.out" ||
    status=$?
[ "$status" = 1 ] || fail "installed advisor-lint exited $status on fixtures/invalid/$bad, not 1"
sed '$d' "$tmp/lint.out" >"$tmp/lint.findings"
cmp -s "$tmp/embed.out" "$tmp/lint.findings" ||
    { diff "$tmp/lint.findings" "$tmp/embed.out" >&2; fail "embed and advisor-lint disagree on $bad"; }
note "example: $(wc -l <"$tmp/embed.out") finding(s) in the bad buffer, as advisor-lint reports them (exit 1)"

# Clean buffers: no output, exit 0. The seed is a .txt file: linted as .md.
clean="$src/fixtures/valid/seed-expressroute-mooncake.md"
seed=""
for f in "$shared"/seed/*.txt; do
    [ -f "$f" ] && seed=$f && break
done
if [ -n "$seed" ]; then
    clean="$clean $seed"
else
    note "no seed under $shared/seed: only the valid fixture is linted clean"
fi
for f in $clean; do
    status=0
    "$tmp/embed" seed.md <"$f" >"$tmp/embed.out" || status=$?
    [ "$status" = 0 ] || fail "embed exited $status on $f, not 0"
    [ ! -s "$tmp/embed.out" ] || { cat "$tmp/embed.out" >&2; fail "embed found something in $f"; }
    # The installed tool, on the file itself (alone, as embed sees it: this repository's
    # examples/ holds a copy of the seed, which the repository context would report).
    status=0
    "$lint" --no-config --no-context "$f" >"$tmp/lint.out" || status=$?
    [ "$status" = 0 ] || { cat "$tmp/lint.out" >&2; fail "installed advisor-lint exited $status on $f"; }
    grep -q '^no problems in 1 file$' "$tmp/lint.out" ||
        { cat "$tmp/lint.out" >&2; fail "installed advisor-lint did not check $f"; }
    note "clean: $f (embed and installed advisor-lint, exit 0)"
done
unset LD_LIBRARY_PATH

# ---- 4. the installed tools -------------------------------------------------
[ "$("$lint" --version)" = "advisor-lint $version" ] || fail "advisor-lint --version: $("$lint" --version)"
"$prefix/$bindir/advisor-codegen" --version | grep -q -F "$version" ||
    fail "advisor-codegen --version does not say $version"

if [ -n "$man_missing" ]; then
    echo "install-tree: skipped the man pages: $man_missing (everything else passed)"
    exit 77
fi
note "passed"
