#!/usr/bin/env bash
# Whole-process scale benchmarks (issue "Scale and speed"). Run on demand, not in CI:
#   bash bench/scale.sh [ARTICLES] [WORKDIR]
#   STEPS="ingest search" bash bench/scale.sh 1000000   # only some steps (default: all of
#                                                      # ingest search compare extract)
# Writes a synthetic corpus of ARTICLES (default 100000) and measures, in one run:
#   - ingest end to end vs the index-only baseline (same files, same schema, no extraction)
#   - peak RSS of the full ingest (/usr/bin/time -v)
#   - search latency p50/p99 on the resulting index
#   - compare and sources time at ARTICLES/10 and ARTICLES
#   - extraction throughput vs quantulum3 on sentences from the corpus
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
WORK=${2:-$(mktemp -d)}
BIN=target/release/crosscheck
cargo build --release --quiet --examples
cargo build --release --quiet
mkdir -p "$WORK"
STEPS=${STEPS:-ingest search compare extract}
step() { [[ " $STEPS " == *" $1 "* ]]; }
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(lscpu | sed -n 's/Model name: *//p')"

timed() { # label, command...
  local label=$1; shift
  /usr/bin/time -f "$label: %e s wall, %M KB peak RSS" "$@"
}

echo "== generate $N articles"
rm -rf "$WORK/gen" && $BIN gen --articles "$N" --outlets 60 --seed 7 --out "$WORK/gen"
BYTES=$(du -sb "$WORK/gen/corpus" | cut -f1)

if step ingest; then
echo "== ingest: baseline (index only) and full (with extraction)"
rm -rf "$WORK/base-index" "$WORK/full-index"
B0=$(date +%s.%N); timed "baseline" $BIN --index "$WORK/base-index" index "$WORK/gen/corpus" --no-extract; B1=$(date +%s.%N)
F0=$(date +%s.%N); timed "full" $BIN --index "$WORK/full-index" index "$WORK/gen/corpus"; F1=$(date +%s.%N)
python3 - "$BYTES" "$N" "$B0" "$B1" "$F0" "$F1" <<'PY'
import sys
size, n, b0, b1, f0, f1 = map(float, sys.argv[1:])
base, full = b1 - b0, f1 - f0
print(f"baseline: {size/1e6/base:.1f} MB/s, {n/base:.0f} articles/s ({base:.1f} s)")
print(f"full:     {size/1e6/full:.1f} MB/s, {n/full:.0f} articles/s ({full:.1f} s)")
print(f"ratio full/baseline throughput: {base/full:.2f} (goal >= 0.5)")
PY
fi

if step search; then
echo "== search latency"
target/release/examples/search_latency "$WORK/full-index" 50
fi

if step compare; then
echo "== compare and sources: 1/10 of the corpus vs all of it"
SMALL=$((N / 10))
rm -rf "$WORK/gen-small" "$WORK/small-index"
$BIN gen --articles "$SMALL" --outlets 60 --seed 7 --out "$WORK/gen-small" >/dev/null
$BIN --index "$WORK/small-index" index "$WORK/gen-small/corpus" >/dev/null
for what in compare sources; do
  S0=$(date +%s.%N); $BIN --index "$WORK/small-index" $what --format json >/dev/null; S1=$(date +%s.%N)
  L0=$(date +%s.%N); $BIN --index "$WORK/full-index" $what --format json >/dev/null; L1=$(date +%s.%N)
  python3 -c "import sys; s=$S1-$S0; l=$L1-$L0; print(f'$what: {s:.2f} s at $SMALL articles, {l:.2f} s at $N: {l/s:.1f}x for 10x the claims (goal <= 12x)')"
done
fi

step extract || exit 0
echo "== extraction vs quantulum3"
python3 - "$WORK/gen/corpus" "$WORK/sentences.txt" <<'PY'
import json, os, re, sys
root, out = sys.argv[1], sys.argv[2]
sentences = []
for dirpath, _, files in sorted(os.walk(root)):
    for name in sorted(files):
        if name.endswith(".jsonl"):
            with open(os.path.join(dirpath, name), encoding="utf-8") as f:
                for line in f:
                    obj = json.loads(line)
                    text = obj.get("text") or obj.get("maintext") or ""
                    sentences += [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if re.search(r"\d", s)]
        if len(sentences) > 20000:
            break
    if len(sentences) > 20000:
        break
with open(out, "w", encoding="utf-8") as f:
    f.write("\n".join(sentences[:20000]) + "\n")
PY
python3 bench/extraction_vs_quantulum.py "$WORK/sentences.txt" --limit 3000
