#!/bin/sh
# valgrind-lint.sh ARGS... - advisor-lint under valgrind memcheck, for the valgrind/cli/* tests.
# tests/cli/run_case.sh runs this in place of the binary; $ADVISOR_VALGRIND and
# $ADVISOR_LINT_BIN come from the test's environment. Any memcheck error or a
# definite or indirect leak makes the exit status 99, which no case expects.
exec "$ADVISOR_VALGRIND" --quiet --error-exitcode=99 --leak-check=full \
    --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect \
    --track-fds=no "$ADVISOR_LINT_BIN" "$@"
