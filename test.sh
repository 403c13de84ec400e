#!/usr/bin/env bash
# Runs every test in the solution and ends with the totals alone on a line: "N passed, N failed[, N skipped]".
set -uo pipefail
cd "$(dirname "$0")"

log="$(mktemp)"
cleanup() { rm -f "$log"; }
trap 'cleanup' EXIT

# Tools and packages the tests call besides .NET.
scripts/test-prerequisites.sh || { echo "0 passed, 1 failed"; exit 1; }

# The PostgreSQL tests need a server: start a throwaway one unless one is given.
if [ -z "${VIGIL_TEST_POSTGRES:-}" ]; then
    source scripts/test-postgres.sh || { echo "0 passed, 1 failed"; exit 1; }
    cleanup() { rm -f "$log"; stop_test_postgres; }
fi

dotnet test Vigil.slnx --configuration Release "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# One summary line per test assembly: "Passed!  - Failed: 0, Passed: 12, Skipped: 0, Total: 12, ..."
count() { grep -E '^(Passed|Failed)!' "$log" | grep -oE "$1: +[0-9]+" | awk '{s += $2} END {print s + 0}'; }
passed=$(count Passed); failed=$(count Failed); skipped=$(count Skipped)

# A build failure or a crashed test host leaves no failed count behind: never report it as green.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi

summary="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
echo
echo "$summary"
exit "$status"
