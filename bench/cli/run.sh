#!/usr/bin/env bash
# Size and start-up time of vigil: the self-contained single-file client edition (scripts/publish-single-file.sh)
# against the full tool run as `dotnet vigil.dll` (and the client edition so, to tell the edition from the packaging),
# each scanning a one-line file against the Pegasus indicators
# (1,549, ../shared/data/ioc/pegasus/pegasus.stix2 beside the repository, or $PEGASUS_STIX), in one hyperfine run.
#
# Usage: bench/cli/run.sh [--work DIR] [--runs N]
#   --work  where the builds and the input go (default: $TMPDIR or /tmp, in vigil-cli-bench/)
#   --runs  hyperfine runs per command (default 20, after 3 warm-up runs)
# Needs: the .NET SDK and hyperfine (installed with apt-get if missing). docs/benchmarks.md records a run.
set -euo pipefail

work="${TMPDIR:-/tmp}/vigil-cli-bench"
runs=20
while [ $# -gt 0 ]; do
    case "$1" in
        --work) work="$2"; shift 2 ;;
        --runs) runs="$2"; shift 2 ;;
        *) echo "usage: $0 [--work DIR] [--runs N]" >&2; exit 2 ;;
    esac
done
repo=$(cd "$(dirname "$0")/../.." && pwd)
iocs="${PEGASUS_STIX:-$repo/../shared/data/ioc/pegasus/pegasus.stix2}"

"$repo/bench/apt-install-missing.sh" hyperfine hyperfine

mkdir -p "$work"
"$repo/scripts/publish-single-file.sh" "$work/single" >/dev/null
dotnet publish "$repo/src/Vigil.Cli/Vigil.Cli.csproj" -c Release -o "$work/full" -nologo -v q >/dev/null
dotnet publish "$repo/src/Vigil.Cli/Vigil.Cli.csproj" -c Release -p:VigilEdition=client -o "$work/client" -nologo -v q >/dev/null
printf '2019-05-13T10:00:00Z GET http://cdn.weather4free.com/x 200\n' > "$work/tiny.log"

mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1048576 }'; }
echo "single-file client edition: $(mb "$(stat -c %s "$work/single/vigil")") MB ($work/single/vigil)"
echo "full tool: $(mb "$(du -sb "$work/full" | cut -f1)") MB in $(find "$work/full" -type f | wc -l) files, plus the shared .NET and ASP.NET Core runtimes"
echo "client edition, framework-dependent: $(mb "$(du -sb "$work/client" | cut -f1)") MB in $(find "$work/client" -type f | wc -l) files, plus the shared .NET runtime"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

# Exit code 1 is what scan says for a hit: hyperfine must not take it for a failure.
hyperfine --warmup 3 --runs "$runs" -i -N --export-markdown "$work/startup.md" \
    -n "single-file client" "$work/single/vigil scan --iocs $iocs $work/tiny.log" \
    -n "client edition (dotnet vigil.dll)" "dotnet $work/client/vigil.dll scan --iocs $iocs $work/tiny.log" \
    -n "full tool (dotnet vigil.dll)" "dotnet $work/full/vigil.dll scan --iocs $iocs $work/tiny.log"
cat "$work/startup.md"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
