#!/usr/bin/env bash
# A normal client beside many slow ones. Publishes Vigil (Release) and starts it twice on fresh SQLite data
# directories: once with Kestrel's own limits (header timeout 30 s, keep-alive 130 s, no connection cap) and once
# with Vigil's ClientLimits defaults. On each, `hey` (8 connections) reads GET /api/v1/categories with no slow
# clients, then beside N connections sending headers a byte a second, then beside N bodies trickling at 100 bytes/s;
# each slow connection the server closes is opened again. Prints p50/p99 and how many the server closed.
#
#   bench/clients/run.sh [--slow 1000] [--duration 20s] [--port 5395] [--no-build]
set -euo pipefail

slow=1000
duration=20s
port=5395
build=true
while [[ $# -gt 0 ]]; do
  case "$1" in
    --slow) slow="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --no-build) build=false; shift ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

root="$(cd "$(dirname "$0")/../.." && pwd)"
work="${VIGIL_BENCH_ARTIFACTS:-$root/bench/artifacts}/clients"
server_dir="$work/server"
base="http://127.0.0.1:$port"
command -v hey >/dev/null || { echo "hey is missing: apt-get install hey (as root)" >&2; exit 1; }
mkdir -p "$work"
if $build || [[ ! -f "$server_dir/Vigil.Server.dll" ]]; then
  echo "publishing the server (Release)" >&2
  dotnet publish "$root/src/Vigil.Server" -c Release -o "$server_dir" --nologo -v quiet >/dev/null
fi

limits=()
for limit in SignIn TokenUse Submissions Anonymous Heavy Costly; do limits+=("--RateLimits:$limit:PermitLimit=1000000000"); done
kestrel=(--ClientLimits:RequestHeadersTimeout=00:00:30 --ClientLimits:KeepAliveTimeout=00:02:10 --ClientLimits:MaxConcurrentConnections=1000000)
seconds=${duration%s}

measure() { # label, then none, headers or body
  local label="$1" kind="$2"
  local attack=""
  if [[ $kind != none ]]; then
    local body=()
    [[ $kind == body ]] && body=(--body)
    python3 "$root/bench/clients/slowloris.py" --port "$port" --connections "$slow" --seconds $((seconds + 10)) "${body[@]}" >"$work/run/slow.txt" 2>&1 &
    attack=$!
    sleep 8
  fi
  hey -z "$duration" -c 8 "$base/api/v1/categories" >"$work/run/hey.txt"
  local closed="-"
  if [[ -n "$attack" ]]; then
    wait "$attack"
    closed=$(awk -F': ' '/^closed by the server/ {split($2, n, ","); print n[1]}' "$work/run/slow.txt")
  fi
  local p50 p99 rps non200
  p50=$(awk '/ 50% in/ {print $3*1000}' "$work/run/hey.txt")
  p99=$(awk '/ 99% in/ {print $3*1000}' "$work/run/hey.txt")
  rps=$(awk '/Requests\/sec/ {print int($2)}' "$work/run/hey.txt")
  non200=$(awk '/^ *\[[0-9]+\]/ && !/\[200\]/ {s+=$2} END {print s+0}' "$work/run/hey.txt")
  printf '| %s | %s | %s | %s | %s | %s |\n' "$config" "$label" "$rps" "$p50" "$p99" "$closed ($non200 not 200)"
}

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%F)"
echo "| limits | slow clients ($slow) | requests/s | p50 ms | p99 ms | slow closed by server in ${seconds}+10 s |"
echo "| --- | --- | --- | --- | --- | --- |"
for config in kestrel vigil; do
  rm -rf "$work/run" && mkdir -p "$work/run/data"
  extra=()
  [[ $config == kestrel ]] && extra=("${kestrel[@]}")
  (cd "$server_dir" && exec dotnet Vigil.Server.dll --urls "$base" --Storage:DataDirectory="$work/run/data" --FirstStart:CreateAdmin=false \
    --Reminders:Enabled=false "${limits[@]}" "${extra[@]}") >"$work/run/server.log" 2>&1 &
  server=$!
  trap 'kill "$server" 2>/dev/null || true' EXIT
  for _ in $(seq 1 120); do curl -sf "$base/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
  measure "none" none
  measure "headers, a byte a second" headers
  measure "bodies, 100 bytes a second" body
  kill "$server"; wait "$server" 2>/dev/null || true
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
