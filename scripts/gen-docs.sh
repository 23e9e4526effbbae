#!/bin/sh
# gen-docs.sh [BUILD_DIR] - regenerate docs/rules.md from the rule descriptors.
set -eu
cd "$(dirname "$0")/.."
build=${1:-build}
"$build/validator/advisor-lint" --rules-doc > docs/rules.md
echo "wrote docs/rules.md"
