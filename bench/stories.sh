#!/usr/bin/env bash
# Story assignment cost as the index grows. For each size N (generated corpora, and the
# claim-dense real-text corpus when ../shared is beside the checkout), indexes the same
# files twice in the same run: with stories, and with `--no-stories` (claims extracted,
# no story placed). Prints wall time of both, the story cost per article
# ((with - without) / N), and the throughput ratio with/without.
#   bash bench/stories.sh [SIZES...]        (default: 10000 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=("${@:-10000 100000}")
read -r -a SIZES <<< "${SIZES[*]}"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
BIN=$PWD/target/release/crosscheck
cargo build --release --quiet

seconds() { # command... -> wall seconds
  local start end
  start=$(date +%s.%N)
  "$@" > /dev/null
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}

measure() { # name N corpus-path
  local name=$1 n=$2 corpus=$3 with without
  rm -rf "$WORK/ix"
  without=$(seconds "$BIN" --index "$WORK/ix" index --no-stories "$corpus")
  rm -rf "$WORK/ix"
  with=$(seconds "$BIN" --index "$WORK/ix" index "$corpus")
  local stories
  stories=$("$BIN" --index "$WORK/ix" stories --format jsonl | wc -l)
  printf '%-10s %8d articles  without stories %7.1f s  with %7.1f s  story cost %6.1f us/article  throughput ratio %.3f  %d stories\n' \
    "$name" "$n" "$without" "$with" "$(echo "($with - $without) * 1000000 / $n" | bc -l)" \
    "$(echo "$without / $with" | bc -l)" "$stories"
  rm -rf "$WORK/ix"
}

for n in "${SIZES[@]}"; do
  rm -rf "$WORK/gen"
  "$BIN" gen --articles "$n" --out "$WORK/gen" > /dev/null
  measure generated "$n" "$WORK/gen/corpus"
  rm -rf "$WORK/gen"
  if [ -f ../shared/bench/make_realtext_corpus.py ] && [ "$n" -le 100000 ]; then
    python3 ../shared/bench/make_realtext_corpus.py "$n" "$WORK/real.jsonl" > /dev/null
    measure realtext "$n" "$WORK/real.jsonl"
    rm -f "$WORK/real.jsonl"
  fi
done
