# lib.sh - sourced by the integration scripts: arguments, a scratch directory, checks.
#
# Scripts are run as: sh SCRIPT BIN SOURCE_DIR SHARED_DIR SARIF_CHECK CODEGEN_BIN [MODE]
# and exit 0 (pass), 1 (a check failed, after printing why) or 77 (skipped).
set -u
bin=$1
src=$2
shared=$3
sarif_check=${4:-}
codegen=${5:-}
mode=${6:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
unset NO_COLOR
export XDG_CACHE_HOME="$tmp/cache"   # the context cache stays in the scratch directory
failed=0

fail() {
    echo "FAIL: $*"
    failed=1
}

# expect_status WANT GOT WHAT
expect_status() {
    [ "$1" = "$2" ] || fail "$3: exit status $2, expected $1"
}

# expect_same FILE_A FILE_B WHAT: byte-identical
expect_same() {
    cmp -s "$1" "$2" || { fail "$3: '$1' and '$2' differ"; diff -u "$1" "$2" | head -40; }
}

# expect_grep PATTERN FILE WHAT (fixed string)
expect_grep() {
    grep -qF -- "$1" "$2" || { fail "$3: '$2' lacks: $1"; sed 's/^/  | /' "$2" | head -30; }
}

# expect_no_grep PATTERN FILE WHAT (fixed string)
expect_no_grep() {
    ! grep -qF -- "$1" "$2" || { fail "$3: '$2' has: $1"; sed 's/^/  | /' "$2" | head -30; }
}

finish() {
    [ "$failed" = 0 ] && echo "ok"
    exit "$failed"
}
