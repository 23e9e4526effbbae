#!/bin/sh
# package-deb.sh - `cpack -G DEB` makes a Debian package of the build, and
# what it holds runs:
#
#   - the control fields: Package advisor-lint, the project's Version,
#     Section devel, a Maintainer, and Depends (from dpkg-shlibdeps) naming
#     the libraries the binaries link: libjansson4, libyaml-0-2, libpcre2-8-0;
#   - a shlibs file for libadvisor-lint.so.0, and ldconfig run on installation;
#   - `dpkg-deb -c` lists the tools, the library and its SONAME link, the
#     headers, advisor-lint.pc, the man pages, the copyright and the example;
#   - `dpkg -x` into a temporary directory: the extracted advisor-lint and
#     advisor-codegen print their version, advisor-lint lints a valid
#     fixture (exit 0) and one with an error (exit 1), and the packaged
#     .pc names the prefix /usr (not CPack's staging directory), where the
#     headers are.
#
# cpack runs with its output and staging directory (-B) in a temporary
# directory; in the build directory it only rewrites install_manifest.txt,
# as every install does (hence the RESOURCE_LOCK with install/tree).
#
# usage: package-deb.sh CPACK BUILD_DIR SOURCE_DIR VERSION
# Exit 77 (skipped) when dpkg-deb or dpkg-shlibdeps (dpkg-dev) is missing.
set -eu
if [ $# -ne 4 ]; then
    echo "usage: package-deb.sh CPACK BUILD_DIR SOURCE_DIR VERSION" >&2
    exit 2
fi
cpack=$1 build=$2 src=$3 version=$4

fail() { echo "package-deb: FAIL: $*" >&2; exit 1; }
note() { echo "package-deb: $*"; }

for tool in dpkg-deb dpkg-shlibdeps; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "package-deb: skipped: $tool is not installed (scripts/install-deps.sh installs dpkg-dev)"
        exit 77
    fi
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# CPack first makes the preinstall target (about 20 s on a 2-core machine,
# nothing to do after the build); it is kept, since skipping it by naming
# another generator would depend on how CPack treats one not installed.
status=0
"$cpack" -G DEB --config "$build/CPackConfig.cmake" -B "$tmp/out" \
    >"$tmp/cpack.log" 2>&1 || status=$?
[ "$status" = 0 ] || { cat "$tmp/cpack.log" >&2; fail "cpack -G DEB exited $status"; }
set -- "$tmp"/out/advisor-lint_"$version"_*.deb
[ $# = 1 ] && [ -f "$1" ] || { ls -l "$tmp/out" >&2; fail "no single advisor-lint_${version}_*.deb"; }
deb=$1
note "built ${deb##*/} ($(wc -c <"$deb") bytes)"

# ---- control fields ---------------------------------------------------------
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = advisor-lint ] || fail "Package: $(field Package)"
[ "$(field Version)" = "$version" ] || fail "Version: $(field Version), not $version"
[ "$(field Section)" = devel ] || fail "Section: $(field Section)"
[ -n "$(field Maintainer)" ] || fail "no Maintainer"
[ -n "$(field Description)" ] || fail "no Description"
depends=$(field Depends)
for lib in libjansson4 libyaml-0-2 libpcre2-8-0 libc6; do
    printf '%s\n' "$depends" | tr ',' '\n' | grep -q "^ *$lib\( \|\$\)" ||
        fail "Depends does not name $lib: $depends"
done
note "Depends: $depends"

dpkg-deb -e "$deb" "$tmp/control"
grep -q -x "libadvisor-lint 0 advisor-lint (>= $version)" "$tmp/control/shlibs" 2>/dev/null ||
    fail "no shlibs entry 'libadvisor-lint 0 advisor-lint (>= $version)'"
# ldconfig when installed: a trigger, or (as CPack writes it) a postinst call.
grep -q 'ldconfig' "$tmp/control/triggers" "$tmp/control/postinst" 2>/dev/null ||
    fail "ldconfig is not run when the package is installed"

# ---- contents ---------------------------------------------------------------
dpkg-deb -c "$deb" | awk '{ print $6 }' | sed 's|^\./|/|' >"$tmp/contents"
expect="/usr/bin/advisor-lint /usr/bin/advisor-codegen
/usr/lib/libadvisor-lint.so.$version /usr/lib/libadvisor-lint.so.0 /usr/lib/libadvisor-lint.so
/usr/lib/pkgconfig/advisor-lint.pc /usr/include/advisor/lint.h
/usr/share/doc/advisor-lint/copyright /usr/share/doc/advisor-lint/README.md
/usr/share/doc/advisor-lint/examples/embed.c"
for h in "$src"/include/advisor/*.h; do
    expect="$expect /usr/include/advisor/${h##*/}"
done
for page in man1/advisor-lint.1 man1/advisor-codegen.1 man5/advisor-lint.yaml.5; do
    expect="$expect /usr/share/man/$page"
done
for f in $expect; do
    grep -q -x -F "$f" "$tmp/contents" || fail "dpkg-deb -c does not list $f"
done
note "dpkg-deb -c lists the $(printf '%s\n' $expect | wc -l) expected files ($(wc -l <"$tmp/contents") entries)"

# ---- extracted, it runs -----------------------------------------------------
dpkg -x "$deb" "$tmp/root"
root=$tmp/root
[ "$("$root/usr/bin/advisor-lint" --version)" = "advisor-lint $version" ] ||
    fail "extracted advisor-lint --version: $("$root/usr/bin/advisor-lint" --version 2>&1)"
"$root/usr/bin/advisor-codegen" --version | grep -q -F "$version" ||
    fail "extracted advisor-codegen --version does not say $version"
status=0
"$root/usr/bin/advisor-lint" --no-config --no-context "$src/fixtures/valid/seed-expressroute-mooncake.md" \
    >"$tmp/out.txt" || status=$?
[ "$status" = 0 ] || { cat "$tmp/out.txt" >&2; fail "extracted advisor-lint exited $status on a valid file"; }
status=0
"$root/usr/bin/advisor-lint" --no-config --no-context "$src/fixtures/invalid/missing-comma.md" \
    >"$tmp/out.txt" || status=$?
[ "$status" = 1 ] || { cat "$tmp/out.txt" >&2; fail "extracted advisor-lint exited $status on an invalid file, not 1"; }
grep -q '\[json-syntax\]$' "$tmp/out.txt" || fail "extracted advisor-lint did not report the json-syntax error"
pc="env PKG_CONFIG_PATH=$root/usr/lib/pkgconfig pkg-config"
[ "$($pc --variable=prefix advisor-lint)" = /usr ] ||
    fail "the packaged advisor-lint.pc names the prefix '$($pc --variable=prefix advisor-lint)', not /usr"
pc_inc=$($pc --variable=includedir advisor-lint)
[ -f "$root$pc_inc/advisor/lint.h" ] || fail "the packaged advisor-lint.pc's includedir '$pc_inc' has no advisor/lint.h"
[ "$($pc --modversion advisor-lint)" = "$version" ] || fail "the packaged advisor-lint.pc's version is not $version"
note "extracted: both tools run (advisor-lint $version); advisor-lint.pc names /usr and its headers"
note "passed"
