#!/bin/sh
# run-examples.sh - the main job: build the tools, lint the bundled examples
# with the embedded schema and rules, generate C from them, and build that C.
set -eu
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
echo "== building advisor-lint and advisor-codegen (Release)"
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DADVISOR_TESTS=OFF >/dev/null
cmake --build build -j "$(nproc)" >/dev/null
echo "== advisor-lint examples/"
./build/validator/advisor-lint examples/
echo "== advisor-codegen -o build/examples-generated examples/"
./build/codegen/advisor-codegen -o build/examples-generated examples/
echo "== building the generated C (-std=c11 -Wall -Wextra -Werror -pedantic)"
cmake -S build/examples-generated -B build/examples-generated/build \
    -DCMAKE_C_FLAGS="-Wall -Wextra -Werror -pedantic" >/dev/null
cmake --build build/examples-generated/build -j "$(nproc)" >/dev/null
echo "== done: examples lint clean; C generated in build/examples-generated/ and built as"
echo "   build/examples-generated/build/libadvisor_generated.a"
