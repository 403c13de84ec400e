#!/usr/bin/env bash
# The scanner benchmark: vigil scan against grep, ripgrep and cat on one generated log.
#
# Usage: bench/scan/run.sh [--size SIZE] [--work DIR] [--vigil BINARY] [--lists-only]
#   --size   the log's size in bytes, or with a suffix: 256M, 1G (default 1G)
#   --work   where the log, indicator sets and build go (default: $TMPDIR or /tmp, in vigil-scan-bench/)
#   --vigil  a vigil already built (an earlier version, for a before-and-after); default: build this checkout
#   --lists-only  only vigil against ripgrep on the same lists (the domain-set rows take minutes of ripgrep)
#
# Needs: the .NET SDK, python3, GNU time (/usr/bin/time), grep, and ripgrep (installed with apt-get if missing).
# The Pegasus domains come from ../shared/data/ioc/pegasus/domains.txt beside the repository (or $PEGASUS_DOMAINS);
# the mixed-kind set also reads pegasus.stix2 beside it.
# Prints a Markdown table of throughput, CPU time and peak memory, then vigil against ripgrep on the same indicator
# lists (the Pegasus domains with the odd values real sets hold, and the mixed-kind set); docs/benchmarks.md records a
# run. On a shared machine compare the ratios, measured here in one run, and read the load average printed with them.
set -euo pipefail

size=1G
vigil=
lists_only=
work="${TMPDIR:-/tmp}/vigil-scan-bench"
while [ $# -gt 0 ]; do
    case "$1" in
        --size) size="$2"; shift 2 ;;
        --work) work="$2"; shift 2 ;;
        --vigil) vigil="$2"; shift 2 ;;
        --lists-only) lists_only=1; shift ;;
        *) echo "usage: $0 [--size SIZE] [--work DIR] [--vigil BINARY] [--lists-only]" >&2; exit 2 ;;
    esac
done
bytes=$(numfmt --from=iec "$size")
repo=$(cd "$(dirname "$0")/../.." && pwd)
pegasus="${PEGASUS_DOMAINS:-$repo/../shared/data/ioc/pegasus/domains.txt}"

"$repo/bench/apt-install-missing.sh" rg ripgrep

mkdir -p "$work"
if [ -z "$vigil" ]; then
    echo "Building vigil (Release) in $work ..." >&2
    dotnet publish "$repo/src/Vigil.Cli" -c Release -o "$work/vigil" --nologo -v quiet >/dev/null
    vigil="$work/vigil/vigil"
fi
echo "Generating a $size log and the indicator sets in $work if they are not there ..." >&2
if [ ! -f "$work/scan.log" ] || [ "$(stat -c %s "$work/scan.log")" -ne "$bytes" ] || [ ! -f "$work/mixed.stix2" ]; then
    python3 "$repo/bench/scan/generate.py" "$work" "$bytes" "$pegasus"
fi
log="$work/scan.log"
cat "$log" > /dev/null # into the page cache, so every tool reads from memory

# measure NAME COMMAND...: one run; prints a table row with seconds, MB/s, CPU seconds (user and system) and peak
# resident memory, and leaves the seconds in $seconds.
measure() {
    local name="$1"; shift
    /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" "$@" > "$work/out.txt" 2>/dev/null || true
    read -r seconds user system kilobytes < <(tail -n 1 "$work/time.txt")
    awk -v n="$name" -v s="$seconds" -v u="$user" -v y="$system" -v k="$kilobytes" -v b="$bytes" \
        'BEGIN { printf "| %s | %.2f | %.0f | %.2f | %.0f |\n", n, s, (s > 0 ? b / s / 1e6 : 0), u + y, k / 1024 }'
}

cores=$(nproc)
echo "load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -z "$lists_only" ]; then
echo
echo "| run | seconds | MB/s | CPU s | peak MB |"
echo "| --- | ---: | ---: | ---: | ---: |"
measure "cat > /dev/null (reading alone), the ceiling" sh -c "cat '$log' > /dev/null"
measure "cat through a pipe" sh -c "cat '$log' | cat > /dev/null"
for n in 100 10000 100000; do
    measure "vigil scan --threads 1, $n indicators" "$vigil" scan --threads 1 --json --iocs "$work/domains-$n.stix2" "$log"
    [ "$n" = 10000 ] && cp "$work/out.txt" "$work/vigil-hits.jsonl"
done
for n in 10000 100000; do
    measure "vigil scan --threads $cores, $n indicators" "$vigil" scan --threads "$cores" --json --iocs "$work/domains-$n.stix2" "$log"
done
for n in 100 10000 100000; do
    measure "rg -F -f, $n patterns" rg -c -F -f "$work/domains-$n.txt" "$log"
done
measure "grep -F -f, 10000 patterns" grep -c -F -f "$work/domains-10000.txt" "$log"
fi
# The same lists for vigil and ripgrep, one after the other: the Pegasus domains with names whose last label starts
# with a digit and domain-name values that are addresses, and the mixed-kind set (addresses, URLs, e-mails, hashes,
# file names and paths besides).
echo
echo "| indicator list | vigil scan --threads 1 s | rg -F -c -j1 s | vigil MB/s | rg MB/s | vigil / rg | CPU s vigil / rg | vigil hits |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for set in odd-domains mixed; do
    measure "vigil $set" "$vigil" scan --threads 1 --json --iocs "$work/$set.stix2" "$log" > /dev/null
    vigil_seconds=$seconds
    vigil_cpu=$(awk -v u="$user" -v y="$system" 'BEGIN { print u + y }')
    hits=$(wc -l < "$work/out.txt")
    measure "rg $set" rg -F -c -j1 -f "$work/$set.txt" "$log" > /dev/null
    awk -v n="$set ($(grep -c . "$work/$set.txt") values)" -v v="$vigil_seconds" -v r="$seconds" -v b="$bytes" -v h="$hits" \
        -v vc="$vigil_cpu" -v rc="$(awk -v u="$user" -v y="$system" 'BEGIN { print u + y }')" \
        'BEGIN { printf "| %s | %.2f | %.2f | %.0f | %.0f | %.2fx | %.2f / %.2f | %d |\n", n, v, r, b / v / 1e6, b / r / 1e6, r / v, vc, rc, h }'
done
echo "load average after the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
[ -n "$lists_only" ] && exit 0
# Start-up and reading the indicators alone, on an empty file: what the rows above spend before the first byte.
: > "$work/empty.log"
echo
echo "| start-up and indicators only (empty file) | seconds | peak MB |"
echo "| --- | ---: | ---: |"
for n in 100 10000 100000; do
    /usr/bin/time -f "%e %M" -o "$work/time.txt" "$vigil" scan --threads 1 --json --iocs "$work/domains-$n.stix2" "$work/empty.log" > /dev/null 2>&1 || true
    read -r seconds kilobytes < <(tail -n 1 "$work/time.txt")
    awk -v n="$n" -v s="$seconds" -v k="$kilobytes" 'BEGIN { printf "| %s indicators | %.2f | %.0f |\n", n, s, k / 1024 }'
done
echo >&2
[ -f "$work/vigil-hits.jsonl" ] && echo "vigil found $(wc -l < "$work/vigil-hits.jsonl") hits with 10,000 indicators; rg and grep count matching lines, decoys included." >&2
