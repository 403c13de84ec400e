#!/usr/bin/env bash
# Page response times on demo-sized data: publishes Vigil in Release, starts the real server on a fresh SQLite data
# directory, fills it through the HTTP API (bench/pages/Seed), signs a reporter in for a page session, and measures
# every page listed in bench/pages/pages.txt with `hey` at concurrency 1 and 8.
#
#   bench/pages/run.sh [--duration 3s] [--port 5391] [--reuse | --save-data] [--no-build]
#
# --reuse starts from seeded data instead of seeding again, so that runs on later code measure the very same data:
# the last seeding on this machine (bench/artifacts/pages/seeded/), else an archive of one given as
# VIGIL_DEMO_DATA=<file.tar.xz> (the server migrates it forward as it would any database). --save-data seeds afresh
# and writes that archive to bench/artifacts/pages/demo-data.tar.xz (kept out of the repository: it holds keys).
# --no-build measures the server published by the last run. Results: bench/artifacts/pages/results.md (and on stdout).
set -euo pipefail

duration=3s
port=5391
reuse=false
save=false
build=true
while [[ $# -gt 0 ]]; do
  case "$1" in
    --duration) duration="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --reuse) reuse=true; shift ;;
    --save-data) save=true; shift ;;
    --no-build) build=false; shift ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

root="$(cd "$(dirname "$0")/../.." && pwd)"
shared="${VIGIL_SHARED_DATA:-$root/../shared/data}"
work="${VIGIL_BENCH_ARTIFACTS:-$root/bench/artifacts}/pages"
server_dir="$work/server"
seed_dll="$root/bench/pages/Seed/bin/Release/net10.0/Vigil.Bench.Pages.Seed.dll"
data="$work/run/data"
seeded="$work/seeded"
base="http://127.0.0.1:$port"
results="$work/results.md"

command -v hey >/dev/null || { echo "hey is missing: apt-get install hey (as root)" >&2; exit 1; }
mkdir -p "$work"
started=$(date +%s)
say() { printf '[%4d s] %s\n' $(( $(date +%s) - started )) "$*" >&2; }

if $build || [[ ! -f "$server_dir/Vigil.Server.dll" || ! -f "$seed_dll" ]]; then
  say "publishing the server (Release) and building the seeder"
  dotnet publish "$root/src/Vigil.Server" -c Release -o "$server_dir" --nologo -v quiet >/dev/null
  dotnet build "$root/bench/pages/Seed" -c Release --nologo -v quiet >/dev/null
fi

rm -rf "$work/run" && mkdir -p "$work/run"
archive="${VIGIL_DEMO_DATA:-$work/demo-data.tar.xz}"
if $reuse; then
  if [[ ! -f "$seeded/manifest.json" ]]; then
    [[ -f "$archive" ]] || { echo "nothing seeded yet: run without --reuse first" >&2; exit 1; }
    rm -rf "$seeded" && mkdir -p "$seeded" && tar -C "$seeded" -xJf "$archive"
  fi
  cp -a "$seeded/data" "$data"
  cp "$seeded/manifest.json" "$work/run/manifest.json"
else
  mkdir -p "$data"
fi

# Rate limits far above what the benchmark sends: they would otherwise answer 429 to one address asking thousands of times.
limits=()
for limit in SignIn TokenUse Submissions Anonymous Heavy Costly; do limits+=("--RateLimits:$limit:PermitLimit=1000000000"); done
(cd "$server_dir" && exec dotnet Vigil.Server.dll --urls "$base" --Storage:DataDirectory="$data" --Reminders:Enabled=false "${limits[@]}") \
  >"$work/run/server.log" 2>&1 &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -sf "$base/healthz" >/dev/null 2>&1 && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/run/server.log" >&2; exit 1; }
  sleep 0.5
done
say "server $server_pid listening on $base"

if ! $reuse; then
  token=$(grep -Eo 'vgl_[A-Za-z0-9_-]+' "$work/run/server.log" | head -n1)
  [[ -n "$token" ]] || { echo "the server printed no bootstrap token" >&2; exit 1; }
  say "seeding through the API"
  dotnet "$seed_dll" seed --server "$base" --bootstrap-token "$token" --shared-data "$shared" \
    --manifest "$work/run/manifest.json" >&2
fi
manifest="$work/run/manifest.json"
value() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))$1)" "$manifest"; }
# A page session per reader: the reporter's pages, the analyst's, oversight's and the administrator's. Seedings made
# before the staff were named in the manifest only have the reporter.
declare -A sessions
for who in reporter analyst oversight admin; do
  email=$(value ".get('$who', '')")
  [[ -n "$email" ]] || continue
  sessions[$who]=$(dotnet "$seed_dll" sign-in --server "$base" --email "$email")
  say "signed in as $email ($who)"
done
sessions[signed-in]="${sessions[reporter]}"

fill() {
  local path="$1"
  for name in note incident entry collection organisation user; do
    [[ "$path" == *"{$name}"* ]] || continue
    path="${path//\{$name\}/$(value "['placeholders']['$name']")}"
  done
  printf '%s' "$path"
}

# Every request's time from hey's CSV -> "p50 p95 p99 rps non200": nearest-rank percentiles in milliseconds, requests
# per second over the span the requests took. (hey's own summary prints no 99th percentile for short runs.)
measure() {
  local url="$1" concurrency="$2" span="$3"; shift 3
  hey -z "$span" -c "$concurrency" -o csv "$@" "$url" | python3 -c '
import math, sys
rows = [line.split(",") for line in sys.stdin.read().splitlines()[1:] if line]
times = sorted(float(r[0]) * 1000 for r in rows)
rank = lambda p: times[max(0, math.ceil(p / 100 * len(times)) - 1)]
span = max(float(r[7]) + float(r[0]) for r in rows)
other = sum(1 for r in rows if r[6] != "200")
print(f"{rank(50):.1f} {rank(95):.1f} {rank(99):.1f} {len(times) / span:.0f} {other}")'
}

# Warm a page up until two rounds of 2 s agree on the median within a fifth (at most 8 rounds): a server started on
# reused data compiles its code again, and tiered compilation takes tens of seconds on a busy host. Prints the rounds.
warm() {
  local url="$1" previous="" rounds=0 p50 rest; shift
  while (( rounds < 8 )); do
    rounds=$((rounds + 1))
    read -r p50 rest < <(measure "$url" 2 2s "$@")
    if [[ -n "$previous" ]] && python3 -c "import sys; a, b = map(float, sys.argv[1:]); sys.exit(0 if abs(a - b) <= 0.2 * max(b, 0.1) else 1)" "$p50" "$previous"; then
      break
    fi
    previous="$p50"
  done
  echo "$rounds"
}

{
  echo "| page | who | status | bytes | c=1 p50 | c=1 p95 | c=1 p99 | c=1 req/s | c=8 p50 | c=8 p95 | c=8 p99 | c=8 req/s |"
  echo "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
} >"$results.table"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
grep -Ev '^\s*(#|$)' "$root/bench/pages/pages.txt" | while read -r template who; do
  url="$base$(fill "$template")"
  headers=()
  if [[ "$who" != public ]]; then
    [[ -n "${sessions[$who]:-}" ]] || { echo "no page session for '$who': seed again (without --reuse)" >&2; exit 1; }
    headers=(-H "Cookie: vigil_session=${sessions[$who]}")
  fi
  # Answered as what? Only a 200 is measured: a 404 is a page not built yet, a redirect a session the page refused.
  read -r status bytes < <(curl -s -o /dev/null -w '%{http_code} %{size_download}\n' "${headers[@]}" "$url")
  if [[ "$status" != 200 ]]; then
    [[ "$status" == 404 ]] && state="missing (404)" || state="not measured ($status)"
    echo "| \`$template\` | $who | $state | | | | | | | | | |" >>"$results.table"
    say "$template: $state"
    continue
  fi
  rounds=$(warm "$url" "${headers[@]}")
  read -r a50 a95 a99 arps aother < <(measure "$url" 1 "$duration" "${headers[@]}")
  read -r b50 b95 b99 brps bother < <(measure "$url" 8 "$duration" "${headers[@]}")
  state=200
  (( aother + bother > 0 )) && state="200, then $((aother + bother)) other answers"
  echo "| \`$template\` | $who | $state | $bytes | $a50 | $a95 | $a99 | $arps | $b50 | $b95 | $b99 | $brps |" >>"$results.table"
  say "$template: warmed in $rounds rounds of 2 s, p50 ${a50} ms (c=1), ${b50} ms (c=8)"
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

kill "$server_pid"; wait "$server_pid" 2>/dev/null || true
trap - EXIT
if ! $reuse; then
  rm -rf "$seeded" && mkdir -p "$seeded" && cp -a "$data" "$seeded/data" && cp "$manifest" "$seeded/manifest.json"
  if $save; then
    tar -C "$seeded" -cf - data manifest.json | xz -9 -T2 >"$archive"
    say "saved the seeded data to $archive"
  fi
fi

{
  echo "Run of $(date -u '+%Y-%m-%d %H:%M') UTC, $(git -C "$root" rev-parse --short HEAD), $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), .NET $(dotnet --version)"
  echo "load average $load_before before the measurements, $load_after after; each page warmed until steady (see run.sh), then hey -z $duration at each concurrency"
  echo "data: $(value "['counts']" | tr -d "{}'")"
  echo
  cat "$results.table"
  echo
  echo "Times in milliseconds."
} >"$results"
rm "$results.table"
cat "$results"
say "done"
