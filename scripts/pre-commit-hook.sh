#!/bin/sh
# pre-commit-hook.sh TOOL [ARG]... - run advisor-lint or advisor-codegen for pre-commit.
#
# The hooks of .pre-commit-hooks.yaml are `language: script`: pre-commit
# clones this repository and runs this script from the clone. On the first
# use the script builds both tools into the clone (.hook-build/, Release,
# without the tests), saying so on stderr; every later run execs the built
# binary at once. Building needs what scripts/install-deps.sh installs
# (cmake, a C compiler, pkg-config, jansson, libyaml, pcre2) and no network.
#
# Two first runs at once (two repositories sharing pre-commit's cache) do
# not build twice: the first takes a lock directory and the other waits for
# the build to finish. A failed build prints the end of its log and exits 2,
# and is tried again on the next run.
set -eu

tool=${1:-}
case $tool in
    advisor-lint) rel=validator/advisor-lint ;;
    advisor-codegen) rel=codegen/advisor-codegen ;;
    *) echo "pre-commit-hook.sh: usage: pre-commit-hook.sh advisor-lint|advisor-codegen [ARG]..." >&2; exit 2 ;;
esac
shift

here=$(cd "$(dirname "$0")/.." && pwd)
build=$here/.hook-build
stamp=$build/.built
lock=$here/.hook-build.lock
say() { echo "advisor-lint hook: $*" >&2; }

build_tools() {
    for need in cmake cc pkg-config; do
        command -v "$need" > /dev/null 2>&1 || {
            say "'$need' is needed to build advisor-lint on first use (with jansson, libyaml and pcre2: scripts/install-deps.sh installs them)"
            return 2
        }
    done
    say "first use: building advisor-lint and advisor-codegen in $build (once; a minute or two)"
    start=$(date +%s)
    log=$build.log
    rm -f "$stamp"
    if cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=Release -DADVISOR_TESTS=OFF > "$log" 2>&1 &&
        cmake --build "$build" --target advisor-lint advisor-codegen -j "$(nproc 2>/dev/null || echo 2)" >> "$log" 2>&1; then
        : > "$stamp"
        say "built in $(( $(date +%s) - start )) s"
        return 0
    fi
    say "the build failed; the end of its log ($log):"
    tail -n 30 "$log" >&2
    return 2
}

if [ ! -f "$stamp" ] || [ ! -x "$build/$rel" ]; then
    if mkdir "$lock" 2> /dev/null; then
        trap 'rmdir "$lock" 2> /dev/null || true' EXIT
        rc=0
        build_tools || rc=$?
        rmdir "$lock" 2> /dev/null || true
        trap - EXIT
        [ "$rc" = 0 ] || exit "$rc"
    else
        say "another run is building the tools; waiting for it"
        waited=0
        while [ -d "$lock" ] && [ "$waited" -lt 900 ]; do
            sleep 1
            waited=$((waited + 1))
        done
        [ -f "$stamp" ] || { say "the other run's build did not finish (remove $lock if it was interrupted)"; exit 2; }
    fi
fi
exec "$build/$rel" "$@"
