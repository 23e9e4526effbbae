#!/bin/sh
# fuzz.sh - build the libFuzzer targets (clang) and run each for a given time.
#   scripts/fuzz.sh                 every target for 60 seconds
#   scripts/fuzz.sh 600             every target for 10 minutes
#   scripts/fuzz.sh 600 reader yaml only those (reader yaml jsonschema mustache lsp)
# Targets run one after another, each in one process (what -jobs=1 -workers=1 asks,
# without the extra fork and fuzz-0.log), since the machine is shared. Seeds
# come from fixtures/, examples/, templates/ and, when present, ../shared (see
# fuzz/make_seeds.py); each target's corpus grows in build-fuzz/corpus/<target>
# across runs. A crash or timeout leaves its input in build-fuzz/artifacts/<target>/
# and makes the script exit 1; the log of each run is build-fuzz/logs/<target>.log,
# and the last lines of each (executions, exec/s, cov:, ft:) are printed at the end.
set -eu
cd "$(dirname "$0")/.."
seconds=${1:-60}
[ $# -gt 0 ] && shift
targets=${*:-reader yaml jsonschema mustache lsp}
build=build-fuzz

CC=clang cmake -S . -B "$build" -DADVISOR_FUZZ=ON -DADVISOR_TESTS=OFF \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
for t in $targets; do
    cmake --build "$build" --target "fuzz-$t" -j 2 >/dev/null
done

rm -rf "$build/seeds"
python3 fuzz/make_seeds.py "$build/seeds" . "${ADVISOR_SHARED_DIR:-../shared}"
mkdir -p "$build/logs"
failed=0
for t in $targets; do
    mkdir -p "$build/corpus/$t" "$build/artifacts/$t"
    echo "== fuzz-$t for ${seconds}s"
    if ! "$build/fuzz/fuzz-$t" -max_total_time="$seconds" \
        -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
        -artifact_prefix="$build/artifacts/$t/" \
        "$build/corpus/$t" "$build/seeds/$t" > "$build/logs/$t.log" 2>&1; then
        echo "fuzz-$t: FAILED, see $build/logs/$t.log and $build/artifacts/$t/"
        failed=1
    fi
done
for t in $targets; do
    echo "== fuzz-$t"
    grep -E '^#[0-9]+[[:space:]]+(DONE|pulse|NEW|REDUCE)' "$build/logs/$t.log" | tail -1 || true
    grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' \
        "$build/logs/$t.log" || true
done
exit $failed
