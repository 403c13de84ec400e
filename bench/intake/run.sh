#!/usr/bin/env bash
# Intake throughput: a real Vigil.Server process (Release) on a fresh database against a bare ASP.NET Core endpoint
# that stores the body with one durable INSERT into a WAL SQLite file (synchronous=FULL), in the same run, driven from
# this shell's processes: `wrk` (16 connections) at saturation, and `hey` at a fixed rate for p50/p99.
#
#   bench/intake/run.sh [--duration 20s] [--rate 300] [--connections 16] [--port 5400] [--no-build] [--no-baseline]
#                       [--postgres CONNECTION-STRING] [--processes N] [--before GIT-REVISION]
#
# --before REV also measures the server as it was at that revision (built from `git archive`), in the same run, so
# that a change's gain is a ratio taken under the same load. VIGIL_SERVER_ARGS adds settings to every Vigil process.
# --postgres runs Vigil on PostgreSQL instead (a fresh database is created beside the one the connection string
# names, with psql); --processes starts N server processes on that one database and spreads the load evenly across
# them (each gets connections/N of wrk's connections and rate/N of the fixed rate). The baseline is always SQLite.
# Results: bench/artifacts/intake/results.md (and on stdout).
set -euo pipefail

duration=20s
rate=300
connections=16
port=5400
build=true
baseline=true
postgres=""
processes=1
before=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --duration) duration="$2"; shift 2 ;;
    --rate) rate="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --no-build) build=false; shift ;;
    --no-baseline) baseline=false; shift ;;
    --postgres) postgres="$2"; shift 2 ;;
    --processes) processes="$2"; shift 2 ;;
    --before) before="$2"; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
[[ -n "$postgres" || "$processes" == 1 ]] || { echo "--processes needs --postgres (SQLite is one process's file)" >&2; exit 2; }

root="$(cd "$(dirname "$0")/../.." && pwd)"
here="$root/bench/intake"
work="${VIGIL_BENCH_ARTIFACTS:-$root/bench/artifacts}/intake"
report="$here/report.json"
results="$work/results.md"
for tool in wrk hey curl python3; do
  command -v "$tool" >/dev/null || { echo "$tool is missing: apt-get install $tool (as root)" >&2; exit 1; }
done
[[ -z "$postgres" ]] || command -v psql >/dev/null || { echo "psql is missing: apt-get install postgresql-client" >&2; exit 1; }
mkdir -p "$work"
# Every server (Vigil before and after, the baseline) compiles each method fully optimised once: with tiered
# compilation a server this size keeps recompiling for minutes on a busy 2-core host, and the steady state is what
# is measured here. VIGIL_TIERED=1 keeps the runtime's default.
[[ "${VIGIL_TIERED:-0}" == 1 ]] || export DOTNET_TieredCompilation=0
started=$(date +%s)
start_time=$(date -u '+%H:%M')
say() { printf '[%4d s] %s\n' $(( $(date +%s) - started )) "$*" >&2; }

if $build || [[ ! -f "$work/server/Vigil.Server.dll" || ! -f "$work/baseline/Vigil.Bench.Intake.Baseline.dll" ]]; then
  say "publishing the server and the baseline (Release)"
  dotnet publish "$root/src/Vigil.Server" -c Release -o "$work/server" --nologo -v quiet >/dev/null
  dotnet publish "$here/Baseline" -c Release -o "$work/baseline" --nologo -v quiet >/dev/null
fi
if [[ -n "$before" ]] && { $build || [[ ! -f "$work/server-before/Vigil.Server.dll" ]]; }; then
  say "publishing the server as of $before"
  rm -rf "$work/before-src" && mkdir -p "$work/before-src"
  git -C "$root" archive "$before" src regimes .editorconfig Directory.Build.props Directory.Packages.props global.json BannedSymbols.txt | tar -x -C "$work/before-src"
  dotnet publish "$work/before-src/src/Vigil.Server" -c Release -o "$work/server-before" --nologo -v quiet >/dev/null
fi
rm -rf "$work/run" && mkdir -p "$work/run"

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

wait_healthy() {
  local url="$1" pid="$2" log="$3"
  for _ in $(seq 1 240); do
    curl -sf "$url/healthz" >/dev/null 2>&1 && return 0
    kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.5
  done
  echo "$url did not answer /healthz" >&2; exit 1
}

# wrk on every URL at once, each with its share of the connections, for $duration -> "req/s non2xx".
saturate() {
  local share=$(( connections / $# )) i=0 pids_wrk=()
  for url in "$@"; do
    VIGIL_REPORT="$report" wrk -t 2 -c "$share" -d "$duration" --timeout 10s -s "$here/post.lua" "$url/api/v1/incidents" \
      >"$work/run/wrk-$i.txt" 2>&1 &
    pids_wrk+=($!); i=$((i + 1))
  done
  for pid in "${pids_wrk[@]}"; do wait "$pid"; done
  python3 - "$work/run" "$#" <<'PY'
import re, sys
total = failed = 0.0
for i in range(int(sys.argv[2])):
    text = open(f"{sys.argv[1]}/wrk-{i}.txt").read()
    total += float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    failed += int(bad.group(1)) if bad else 0
    errors = re.search(r"Socket errors:.*", text)
    failed += sum(int(n) for n in re.findall(r"\d+", errors.group(0))) if errors else 0
print(f"{total:.0f} {failed:.0f}")
PY
}

# hey at a fixed total rate spread over the URLs (hey's -q is per worker: 10 workers a URL) -> "rate p50 p99 non201".
# Nearest-rank percentiles in milliseconds over every request's time (hey's CSV).
fixed_rate() {
  local workers=10 share i=0 pids_hey=()
  share=$(python3 -c "print($rate / $# / 10)")
  for url in "$@"; do
    hey -z "$duration" -c "$workers" -q "$share" -m POST -T application/json -D "$report" -o csv "${auth[@]}" \
      "$url/api/v1/incidents" >"$work/run/hey-$i.csv" &
    pids_hey+=($!); i=$((i + 1))
  done
  for pid in "${pids_hey[@]}"; do wait "$pid"; done
  python3 - "$work/run" "$#" <<'PY'
import math, sys
rows = []
for i in range(int(sys.argv[2])):
    rows += [line.split(",") for line in open(f"{sys.argv[1]}/hey-{i}.csv").read().splitlines()[1:] if line]
times = sorted(float(r[0]) * 1000 for r in rows)
rank = lambda p: times[max(0, math.ceil(p / 100 * len(times)) - 1)]
span = max(float(r[7]) + float(r[0]) for r in rows)
other = sum(1 for r in rows if r[6] != "201")
print(f"{len(times) / span:.0f} {rank(50):.1f} {rank(99):.1f} {other}")
PY
}

# Warms a server up with saturating rounds of 5 s until two in a row agree within a tenth (at most 8): on a busy
# host tiered compilation of a server this size goes on for tens of seconds, and it is the steady state that counts.
warm() {
  local keep="$duration" previous=0 rps failed rounds=0
  duration=5s
  while (( rounds < 8 )); do
    rounds=$((rounds + 1))
    read -r rps failed < <(saturate "$@")
    python3 -c "import sys; a, b = map(float, sys.argv[1:]); sys.exit(0 if b > 0 and abs(a - b) <= 0.1 * b else 1)" "$rps" "$previous" && break
    previous="$rps"
  done
  duration="$keep"
  say "warmed up in $rounds rounds of 5 s (last $rps/s)"
}

declare -A figures
measure() {
  local name="$1"; shift
  warm "$@"
  local load_before; load_before=$(cut -d' ' -f1 /proc/loadavg)
  read -r figures[$name.rps] figures[$name.failed] < <(saturate "$@")
  say "$name: ${figures[$name.rps]} reports/s at saturation (${figures[$name.failed]} not 2xx)"
  read -r figures[$name.rate] figures[$name.p50] figures[$name.p99] figures[$name.rfailed] < <(fixed_rate "$@")
  say "$name: at ${figures[$name.rate]}/s p50 ${figures[$name.p50]} ms, p99 ${figures[$name.p99]} ms (${figures[$name.rfailed]} not 201)"
  figures[$name.load]="$load_before → $(cut -d' ' -f1 /proc/loadavg)"
}

if $baseline; then
  base_url="http://127.0.0.1:$((port + 99))"
  (cd "$work/baseline" && exec dotnet Vigil.Bench.Intake.Baseline.dll --urls "$base_url" --Database="$work/run/baseline.db") \
    >"$work/run/baseline.log" 2>&1 &
  pids+=($!)
  wait_healthy "$base_url" "$!" "$work/run/baseline.log"
  auth=()
  export VIGIL_TOKEN=""
  measure baseline "$base_url"
  kill "${pids[0]}"; wait "${pids[0]}" 2>/dev/null || true; pids=()
fi

# Vigil: a fresh database for each server measured, rate limits far above what is sent (one reporter asking thousands
# of times a second), reminders off. On PostgreSQL the processes share one data directory (keys, vault, blobs) as
# they would share a volume.
limits=()
for limit in SignIn TokenUse Submissions Anonymous Heavy; do limits+=("--RateLimits:$limit:PermitLimit=1000000000"); done
# Starts the server published in $1 on a fresh database, creates an organisation and a reporter through the API,
# and sets urls, VIGIL_TOKEN and auth for the measurements.
start_vigil() {
  local server_dir="$1" n url
  rm -rf "$work/run/data" "$work/run/data-keys"
  storage=(--Storage:DataDirectory="$work/run/data")
  if [[ -n "$postgres" ]]; then
    local database="vigil_intake_$(date +%s)"
    psql "$(python3 -c 'import sys; print(" ".join(p.replace("Host=","host=").replace("Username=","user=").replace("Password=","password=").replace("Database=","dbname=").replace("Port=","port=") for p in sys.argv[1].split(";") if p))' "$postgres")" \
      -qc "CREATE DATABASE $database" >/dev/null
    storage+=(--Storage:Provider=postgres --Storage:ConnectionString="$(python3 -c 'import re, sys; s = sys.argv[1]; print(re.sub(r"(?i)Database=[^;]*", "Database=" + sys.argv[2], s) if re.search(r"(?i)Database=", s) else s.rstrip(";") + ";Database=" + sys.argv[2])' "$postgres" "$database")")
  fi
  urls=()
  for n in $(seq 1 "$processes"); do
    url="http://127.0.0.1:$((port + n - 1))"
    (cd "$server_dir" && exec dotnet Vigil.Server.dll --urls "$url" "${storage[@]}" --Reminders:Enabled=false "${limits[@]}" \
      ${VIGIL_SERVER_ARGS:-}) >"$work/run/server-$n.log" 2>&1 &
    pids+=($!)
    wait_healthy "$url" "$!" "$work/run/server-$n.log"
    urls+=("$url")
    say "Vigil process $n ($!) listening on $url"
  done

  local bootstrap organisation reporter code
  bootstrap=$(grep -Eo 'vgl_[A-Za-z0-9_-]+' "$work/run/server-1.log" | head -n1)
  [[ -n "$bootstrap" ]] || { echo "the server printed no bootstrap token" >&2; exit 1; }
  organisation=$(post "$bootstrap" /api/v1/organisations '{"name":"Northern Grid Power","sector":"energy","country":"IN","point_of_contact":{"name":"Anita Rao","role":"CISO","email":"security@northerngrid.example","phone":"+91 11 5555 0100"}}' id)
  reporter=$(post "$bootstrap" /api/v1/users "{\"email\":\"reporter@northerngrid.example\",\"role\":\"reporter\",\"organisation_id\":\"$organisation\"}" id)
  export VIGIL_TOKEN
  VIGIL_TOKEN=$(post "$bootstrap" "/api/v1/users/$reporter/tokens" '{"name":"intake benchmark"}' token)
  auth=(-H "Authorization: Bearer $VIGIL_TOKEN")
  code=$(curl -s -o "$work/run/first.json" -w '%{http_code}' -X POST "${auth[@]}" -H 'Content-Type: application/json' --data-binary "@$report" "${urls[0]}/api/v1/incidents")
  [[ "$code" == 201 ]] || { echo "the report was refused ($code):" >&2; cat "$work/run/first.json" >&2; exit 1; }
}

stop_vigil() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  pids=()
}

post() {
  curl -sf -X POST -H "Authorization: Bearer $1" -H 'Content-Type: application/json' -d "$3" "${urls[0]}$2" \
    | python3 -c "import json, sys; print(json.load(sys.stdin)['$4'])"
}

if [[ -n "$before" ]]; then
  start_vigil "$work/server-before"
  measure before "${urls[@]}"
  stop_vigil
fi
start_vigil "$work/server"

if [[ -n "${VIGIL_PROFILE:-}" ]]; then
  # Profiling: keep the first server under load until interrupted (attach dotnet-trace/dotnet-counters to it).
  say "profiling: server pid ${pids[0]}, wrk runs for $VIGIL_PROFILE"
  duration="$VIGIL_PROFILE"; saturate "${urls[@]}"; exit 0
fi

measure vigil "${urls[@]}"
export VIGIL_IDEMPOTENCY=1
read -r figures[keyed.rps] figures[keyed.failed] < <(saturate "${urls[@]}")
say "vigil with an Idempotency-Key on each report: ${figures[keyed.rps]} reports/s (${figures[keyed.failed]} not 2xx)"
unset VIGIL_IDEMPOTENCY

database_name=$([[ -n "$postgres" ]] && echo "PostgreSQL, $processes process(es)" || echo SQLite)
{
  echo "Intake, $(date -u '+%Y-%m-%d %H:%M UTC') (started $start_time), commit $(git -C "$root" rev-parse --short HEAD), $(nproc) cores, $database_name"
  echo "wrk -c $connections -d $duration (saturation); hey at $rate/s for $duration; report $(wc -c <"$report") bytes"
  echo
  echo "| server | load average | reports/s | not 2xx | at fixed rate, /s | p50 ms | p99 ms | not 201 |"
  echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |"
  for name in baseline before vigil; do
    [[ -n "${figures[$name.rps]:-}" ]] || continue
    echo "| $name | ${figures[$name.load]} | ${figures[$name.rps]} | ${figures[$name.failed]} | ${figures[$name.rate]} | ${figures[$name.p50]} | ${figures[$name.p99]} | ${figures[$name.rfailed]} |"
  done
  echo "| vigil, Idempotency-Key on each | | ${figures[keyed.rps]} | ${figures[keyed.failed]} | | | | |"
  if [[ -n "${figures[baseline.rps]:-}" ]]; then
    echo
    python3 -c "import sys; print(f'Vigil / baseline at saturation: {float(sys.argv[1]) / float(sys.argv[2]):.2f}x')" "${figures[vigil.rps]}" "${figures[baseline.rps]}"
  fi
  if [[ -n "${figures[before.rps]:-}" ]]; then
    python3 -c "import sys; print(f'Vigil / Vigil as of $before at saturation: {float(sys.argv[1]) / float(sys.argv[2]):.2f}x')" "${figures[vigil.rps]}" "${figures[before.rps]}"
  fi
} | tee "$results"
