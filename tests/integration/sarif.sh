#!/bin/sh
# sarif.sh: --format sarif on fixtures with findings. MODE "schema": validate
# against the OASIS SARIF 2.1.0 schema in ../shared (skipped when absent);
# otherwise check what code scanning needs and the results against the golden
# file golden/sarif-results.json.
. "$(dirname "$0")/lib.sh"
cd "$src" || exit 2
"$bin" --no-config --format sarif fixtures/rules/cloud-name-case fixtures/rules/unused-suppression \
    fixtures/invalid/raw-tab-in-string.md fixtures/invalid/duplicate-key.yaml > "$tmp/out.sarif"
expect_status 1 $? "lint with errors"
if [ "$mode" = schema ]; then
    "$sarif_check" schema "$tmp/out.sarif" "$shared/suites/sarif/sarif-schema-2.1.0.json"
    exit $?
fi
"$sarif_check" structure "$tmp/out.sarif" tests/integration/golden/sarif-results.json || fail "SARIF structure"
finish
