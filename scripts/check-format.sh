#!/bin/sh
# check-format.sh [PATH]... - list the C files that clang-format would change.
#
# Each file is formatted with the repository's .clang-format (always that
# one, wherever the file is) and compared with itself; nothing is written.
# PATH... are files or directories (default: validator/, codegen/, tests/,
# fuzz/, bench/ and examples/ of this repository); directories are searched for *.c and
# *.h. Prints each file that differs and exits 1 when there is one, 0 when
# every file is formatted, 2 when a PATH does not exist or no C file was
# found, 77 when clang-format is missing (scripts/install-deps.sh installs
# it). $CLANG_FORMAT names another binary. .clang-format was chosen with
# clang-format 14; another major version may format a few constructs
# differently, so a different version is named on standard error.
#
# To format: clang-format -i FILE...
set -u
root=$(cd "$(dirname "$0")/.." && pwd) || exit 2
style=$root/.clang-format
cf=${CLANG_FORMAT:-clang-format}

if ! command -v "$cf" >/dev/null 2>&1; then
    echo "check-format: '$cf' not found (scripts/install-deps.sh installs clang-format)" >&2
    exit 77
fi
[ -f "$style" ] || { echo "check-format: no $style" >&2; exit 2; }
version=$("$cf" --version | sed -n 's/.*clang-format version \([0-9]*\).*/\1/p')
[ "$version" = 14 ] ||
    echo "check-format: note: clang-format ${version:-of unknown version}, .clang-format was tuned with 14" >&2

if [ $# -eq 0 ]; then
    cd "$root" || exit 2
    for d in validator codegen tests fuzz bench examples; do
        [ -d "$d" ] && set -- "$@" "$d"
    done
fi
for p in "$@"; do
    [ -e "$p" ] || { echo "check-format: '$p' does not exist" >&2; exit 2; }
done

list=$(mktemp)
out=$(mktemp)
trap 'rm -f "$list" "$out"' EXIT
find "$@" -type f \( -name '*.c' -o -name '*.h' \) | LC_ALL=C sort > "$list"
count=$(wc -l < "$list")
if [ "$count" -eq 0 ]; then
    echo "check-format: no C files under $*" >&2
    exit 2
fi

differ=0
while IFS= read -r f; do
    if ! "$cf" --style="file:$style" --fallback-style=none "$f" > "$out"; then
        echo "check-format: clang-format failed on '$f'" >&2
        exit 2
    fi
    if ! cmp -s "$f" "$out"; then
        echo "$f"
        differ=$((differ + 1))
    fi
done < "$list"

if [ "$differ" -gt 0 ]; then
    echo "check-format: $differ of $count C files are not formatted (clang-format -i FILE...)" >&2
    exit 1
fi
echo "check-format: all $count C files are formatted"
exit 0
