#!/usr/bin/env bash
# The crash test in full: 16 reporters submitting while real Vigil server processes are SIGKILLed at random moments
# (the first kills during the first start's migrations), each restarted at once on the same data. Then every
# acknowledged submission must be on the record exactly once, keyed retries stored once, every receipt verifying,
# and `vigil ledger audit` clean. With --postgres, the same on PostgreSQL with two server processes on one database,
# one killed at a time while the other keeps serving.
#
# Usage: bench/crash/run.sh [--kills N] [--postgres CONNECTION-STRING] [--configuration Release|Debug]
#   --kills          kills per run (default 20); the suite's short form (CrashTests in ./test.sh) does 5
#   --postgres       an administrator's connection string to a PostgreSQL server (the run makes and drops its own
#                    database); without it, SQLite only (or VIGIL_TEST_POSTGRES when set)
#   --configuration  the build the server processes run (default Release)
#
# Between kills each server runs under load for a random 0.3 to 6 s (2 s in the short form).
# It runs the suite's CrashTests with these settings and prints one line per run: submissions sent and acknowledged,
# restart times, how the requests were answered, and the audit's last line. docs/benchmarks.md records a run.
set -euo pipefail

kills=20
postgres="${VIGIL_TEST_POSTGRES:-}"
configuration=Release
while [ $# -gt 0 ]; do
    case "$1" in
        --kills) kills="$2"; shift 2 ;;
        --postgres) postgres="$2"; shift 2 ;;
        --configuration) configuration="$2"; shift 2 ;;
        *) echo "usage: $0 [--kills N] [--postgres CONNECTION-STRING] [--configuration Release|Debug]" >&2; exit 2 ;;
    esac
done
repo=$(cd "$(dirname "$0")/../.." && pwd)
report=$(mktemp)
trap 'rm -f "$report"' EXIT

filter="FullyQualifiedName~Features.Platform.CrashTests"
[ -z "$postgres" ] && filter="$filter.On_sqlite"
echo "Building ($configuration) and running $kills kills per run on $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) ..." >&2
status=0
VIGIL_CRASH_KILLS="$kills" VIGIL_CRASH_LOAD_MS=6000 VIGIL_CRASH_REPORT="$report" VIGIL_TEST_POSTGRES="$postgres" \
    dotnet test "$repo/tests/Vigil.Server.Tests" -c "$configuration" --nologo --filter "$filter" \
    --logger "console;verbosity=normal" || status=$?
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
cat "$report"
exit "$status"
