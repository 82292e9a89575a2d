#!/usr/bin/env bash
# Dense articles, measured: claims that repeat one figure, thousands of distinct figures from
# one voice, and two outlets disagreeing on thousands of figures. Prints wall time and peak
# RSS of compare, report and sources for each, so a step that grows with the square of a
# cluster's claims shows as a jump between sizes. The bound checked is the documented one:
# no input within the limits stalls compare, report or run (here: 60 s, 1 GB at most).
#   bash bench/dense_articles.sh [WORKDIR]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -n "${1:-}" ]; then
  WORK=$1
else
  WORK=$(mktemp -d)
  trap 'rm -rf "$WORK"' EXIT
fi
BIN=$PWD/target/release/crosscheck
cargo build --release --quiet
mkdir -p "$WORK"

python3 - "$WORK" <<'PY'
import os, sys
work = sys.argv[1]
def article(path, outlet, body):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(f"Outlet: {outlet}\nDate: 2025-05-18\n\n{body}\n")
for n in (2000, 8000, 50000):
    article(f"{work}/repeated-{n}/a.txt", "Dense Daily", "Police said 12,000 people marched in Port Elin. " * n)
for n in (5000, 20000):
    article(f"{work}/distinct-{n}/a.txt", "Odd Daily",
            "".join(f"Police said {3*i+1} people marched in Port Elin and {2*i+1} people died. " for i in range(n)))
for n in (5000,):
    for outlet, offset in (("Outlet A", 1), ("Outlet B", 2)):
        article(f"{work}/two-outlets-{n}/{outlet[-1]}.txt", outlet,
                "".join(f"Police said {3*i+offset} people marched in Port Elin. " for i in range(n)))
    article(f"{work}/mixed-{n}/a.txt", "Dense Daily", "Police said 12,000 people marched in Port Elin. " * (4 * n))
    article(f"{work}/mixed-{n}/b.txt", "Odd Daily",
            "".join(f"Police said {3*i+1} people marched in Port Elin. " for i in range(n)))
PY

fail=0
printf '%-20s %8s %-8s %8s %9s\n' corpus claims command seconds "peak MB"
for corpus in repeated-2000 repeated-8000 repeated-50000 distinct-5000 distinct-20000 two-outlets-5000 mixed-5000; do
  ix="$WORK/ix-$corpus"
  rm -rf "$ix"
  "$BIN" --index "$ix" index "$WORK/$corpus" > "$WORK/index.log" 2>&1
  claims=$(sed -n 's/.* \([0-9]*\) claims.*/\1/p' "$WORK/index.log")
  for cmd in "compare --format json" "report" "sources"; do
    /usr/bin/time -f "%e %M" -o "$WORK/time" timeout 120 "$BIN" --index "$ix" $cmd > /dev/null
    read -r secs kb < "$WORK/time"
    mb=$((kb / 1024))
    printf '%-20s %8s %-8s %8s %9s\n' "$corpus" "$claims" "${cmd%% *}" "$secs" "$mb"
    if awk -v s="$secs" 'BEGIN{exit !(s > 60)}' || [ "$mb" -gt 1024 ]; then
      echo "  !! over the bound (60 s, 1024 MB)"
      fail=1
    fi
  done
done
exit $fail
