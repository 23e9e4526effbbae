#!/bin/sh
# test.sh - build with -Werror and run the whole test suite, then the same
# suite again built with AddressSanitizer and UndefinedBehaviorSanitizer.
#   scripts/test.sh               both builds
#   scripts/test.sh --no-sanitize the plain build only (quicker while editing)
#   scripts/test.sh --sanitize    the sanitizer build only
set -eu
cd "$(dirname "$0")/.."
./scripts/install-deps.sh

plain=1
sanitize=1
case "${1:-}" in
    --no-sanitize) sanitize=0 ;;
    --sanitize) plain=0 ;;
    "") ;;
    *) echo "usage: scripts/test.sh [--no-sanitize|--sanitize]" >&2; exit 2 ;;
esac
jobs=$(nproc)

run_suite() { # build-dir cmake-options...
    dir=$1
    shift
    cmake -S . -B "$dir" -DADVISOR_WERROR=ON "$@" >/dev/null
    cmake --build "$dir" -j "$jobs"
    (cd "$dir" && ctest --output-on-failure -j "$jobs")
}

if [ "$plain" = 1 ]; then
    echo "== tests (gcc, -Werror)"
    run_suite build-test -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi
if [ "$sanitize" = 1 ]; then
    echo "== tests under AddressSanitizer + UndefinedBehaviorSanitizer"
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        run_suite build-asan -DCMAKE_BUILD_TYPE=Debug -DADVISOR_SANITIZE=ON
fi
echo "== all tests passed"
