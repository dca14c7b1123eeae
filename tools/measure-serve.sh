#!/usr/bin/env bash
# Figures for the walking skeleton, on this machine: time from `./jobmatch serve` to the first search answer (run it
# once before so the jar is built; fresh data directory), latency of searching with a 600-word CV (median and p95 of 20), and the
# resident memory of the service and of the servers it starts.
#   tools/measure-serve.sh [port]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORT="${1:-18080}"
DATA="$(mktemp -d)"
CV="$ROOT/app/src/test/resources/cvs/long-en-java-developer.txt"
trap 'kill "$PID" 2>/dev/null; wait "$PID" 2>/dev/null; rm -rf "$DATA"' EXIT

body="$(jq -Rs '{text: ., language: "en", limit: 10}' < "$CV")"
start=$(date +%s%N)
JOBMATCH_DATA_DIR="$DATA" MICRONAUT_SERVER_PORT="$PORT" "$ROOT/jobmatch" serve > "$DATA/serve.log" 2>&1 &
PID=$!
until curl -sf -o /dev/null -H 'Content-Type: application/json' -d "$body" "http://127.0.0.1:$PORT/api/search" \
    && grep -q "jobmatch ready" "$DATA/serve.log"; do
  kill -0 "$PID" 2>/dev/null || { cat "$DATA/serve.log"; exit 1; }
  sleep 0.2
done
echo "first answer (samples loaded) after: $(( ($(date +%s%N) - start) / 1000000 )) ms"
echo "CV words: $(wc -w < "$CV")"
# Each run's CV differs by one word, so the embedding cache cannot answer: every search runs the model.
for run in $(seq 20); do
  curl -s -o /dev/null -w '%{time_total}\n' -H 'Content-Type: application/json' \
    -d "$(jq -Rs --arg run "$run" '{text: (. + " Reference " + $run + "."), language: "en", limit: 10}' < "$CV")" \
    "http://127.0.0.1:$PORT/api/search"
done | sort -n | awk '{t[NR]=$1*1000} END {printf "search with the CV, 20 runs: median %.1f ms, p95 %.1f ms\n", (t[10]+t[11])/2, t[19]}'
java_pid=$(pgrep -f "jobmatch-app.jar serve" | head -1)
rss() { awk '/VmRSS/ {printf "%.0f MiB", $2/1024}' "/proc/$1/status"; }
echo "resident memory: service $(rss "$java_pid")" \
     ", qdrant $(rss "$(pgrep -f "$DATA/qdrant" -n || pgrep -x qdrant -n)")" \
     ", postgres $(ps -o rss= --ppid "$(pgrep -f "$DATA/postgres" -o)" -p "$(pgrep -f "$DATA/postgres" -o)" \
        | awk '{s+=$1} END {printf "%.0f MiB", s/1024}') (all processes)"
