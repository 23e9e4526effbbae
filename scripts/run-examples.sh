#!/bin/sh
# run-examples.sh - the main job: build advisor-lint and check the bundled
# examples with the embedded schema and rules, ending with a summary.
set -eu
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DADVISOR_TESTS=OFF >/dev/null
cmake --build build -j "$(nproc)" >/dev/null
echo "== advisor-lint examples/"
./build/validator/advisor-lint examples/
echo "== done: advisor-lint checked the examples (binary: build/validator/advisor-lint)"
