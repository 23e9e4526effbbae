#!/bin/sh
# install-deps.sh - install the Debian packages advisor-lint builds and tests with,
# only those missing. Runs apt-get as root, or through sudo otherwise.
set -eu

# man-db and groff-base render the manual pages, clang-format checks the style,
# dpkg-dev's dpkg-shlibdeps finds the Debian package's dependencies (tests/install);
# git and pre-commit: the integration tests drive the real pre-commit against a git repository;
# python3 runs the language server's scripted client and neovim is its real client (tests/lsp).
packages="build-essential cmake pkg-config libjansson-dev libyaml-dev libpcre2-dev libcmocka-dev clang
          man-db groff-base clang-format dpkg-dev git pre-commit python3 neovim"
missing=""
for p in $packages; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" = 0 ]; then
    as_root=""
elif command -v sudo >/dev/null 2>&1; then
    as_root="sudo"
else
    echo "install-deps: missing packages:$missing; run as root or install sudo" >&2
    exit 2
fi
echo "install-deps: installing$missing"
$as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
# shellcheck disable=SC2086
$as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
