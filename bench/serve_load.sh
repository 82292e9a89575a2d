#!/usr/bin/env bash
# Bounded load test of `crosscheck serve`: an index of N generated articles (default
# 100000; an existing index can be given as the second argument), the server on a free
# port, then 32 clients for 10 s of mixed API requests (search, stories, a story with its
# clusters, a cluster, claims, sources; the start, story, cluster and sources pages). Prints
# requests, errors, latency percentiles and
# the server's peak resident memory.
#   bash bench/serve_load.sh [N] [INDEX_DIR]
# WARM=0 skips the warm-up round (each request once, in turn, before the timed run).
# SERVE_ARGS is passed to `serve` (e.g. SERVE_ARGS="--cache-mb 0": nothing kept, every
# request computed afresh).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
WORK=$(mktemp -d)
trap 'kill "${SERVER:-0}" 2>/dev/null || true; rm -rf "$WORK"' EXIT
BIN=$PWD/target/release/crosscheck
cargo build --release --quiet --example serve_load
INDEX=${2:-}
if [ -z "$INDEX" ]; then
  INDEX=$WORK/index
  "$BIN" gen --articles "$N" --outlets 60 --seed 7 --out "$WORK/corpus" > /dev/null
  "$BIN" --index "$INDEX" index "$WORK/corpus/corpus" > /dev/null
fi
# shellcheck disable=SC2086
"$BIN" --index "$INDEX" serve --addr 127.0.0.1:0 ${SERVE_ARGS:-} > "$WORK/serve.out" &
SERVER=$!
for _ in $(seq 100); do grep -q listening "$WORK/serve.out" 2>/dev/null && break; sleep 0.1; done
PORT=$(grep -o '[0-9]*$' "$WORK/serve.out")
get() { curl -sf "http://127.0.0.1:$PORT$1"; }
# the paths: the biggest stories and their most disputed clusters, and common words
read -r -a STORIES <<< "$(get /api/stories | python3 -c 'import json,sys; print(" ".join(s["story_id"] for s in json.load(sys.stdin)["stories"][:5]))')"
PATHS=(/api/stories "/api/stories?limit=20" / /sources "/sources?offset=100" /api/sources)
# two sources' pages, by the links the sources page gives
while read -r link; do PATHS+=("$link"); done < <(get /sources | grep -o 'href="/sources/[^"]*"' | head -2 | sed 's/^href="//; s/"$//')
for s in "${STORIES[@]}"; do
  PATHS+=("/api/stories/$s" "/api/sources?story=$s" "/api/claims?story=$s&limit=50" "/stories/$s")
  C=$(get "/api/stories/$s" | python3 -c 'import json,sys; c=json.load(sys.stdin)["clusters"]; print(c[0]["cluster_id"] if c else "")')
  [ -n "$C" ] && PATHS+=("/api/clusters/$C?story=$s" "/api/clusters/$C" "/clusters/$C?story=$s")
done
for q in flood toll protest hostages officials police ministry "death+toll" rescue march; do
  PATHS+=("/api/search?q=$q&limit=10" "/api/search?q=$q&limit=10&offset=10" "/api/claims?q=$q&limit=20" "/search?q=$q" "/claims?q=$q")
done
echo "index: $INDEX ($(du -sh "$INDEX" | cut -f1)) · ${#PATHS[@]} distinct requests"
# one round first, one request at a time, as the first person to open each page would:
# the answers a server keeps are then built, and what building them cost is printed
if [ "${WARM:-1}" = 1 ]; then
  for p in "${PATHS[@]}"; do
    curl -s -o /dev/null -w "%{time_total} %{http_code} $p\n" "http://127.0.0.1:$PORT$p"
  done | sort -rn > "$WORK/warm.txt"
  echo "warm-up round, slowest first (seconds, status, request):"
  head -5 "$WORK/warm.txt" | sed 's/^/  /'
  # the start page ranks every story once per index version on a background thread:
  # steady state begins when it is done
  START=$(date +%s)
  for _ in $(seq 240); do get / | grep -q "Of all" && break; sleep 0.5; done
  echo "start page's ranking of every story done $(( $(date +%s) - START )) s after the warm-up"
fi
"$PWD/target/release/examples/serve_load" "$PORT" 32 10 "${PATHS[@]}"
echo "server peak resident memory: $(grep VmHWM /proc/$SERVER/status | awk '{print $2/1024 " MB"}')"
