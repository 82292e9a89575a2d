#!/usr/bin/env python3
"""Extraction throughput of crosscheck against quantulum3 on the same sentences, one core.

Usage: python3 bench/extraction_vs_quantulum.py SENTENCES.txt [--limit N]

SENTENCES.txt holds one sentence per line (bench/scale.sh writes one from a generated
corpus). quantulum3 (`pip install quantulum3`) parses every line; crosscheck's
`examples/extract_sentences` (release build) extracts claims from the same lines. Prints
both throughputs and their ratio.
"""

import argparse
import os
import subprocess
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("sentences")
    ap.add_argument("--limit", type=int, default=3000, help="sentences given to quantulum3")
    args = ap.parse_args()
    try:
        from quantulum3 import parser
    except ImportError:
        print("skipped: quantulum3 is not installed (pip install quantulum3)")
        return 0
    with open(args.sentences, encoding="utf-8") as f:
        lines = [l.strip() for l in f if l.strip()][: args.limit]
    sample = os.path.join(os.path.dirname(os.path.abspath(args.sentences)), "sentences-sample.txt")
    with open(sample, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    size = sum(len(l.encode("utf-8")) for l in lines)
    parser.parse(lines[0])  # load models before timing
    started = time.perf_counter()
    found = 0
    for line in lines:
        found += len(parser.parse(line))
    secs = time.perf_counter() - started
    q_mbs = size / 1e6 / secs
    print(f"quantulum3: {len(lines)} sentences ({size / 1e6:.2f} MB) in {secs:.2f} s: {q_mbs:.3f} MB/s, {found} quantities")
    binary = os.path.join(REPO, "target", "release", "examples", "extract_sentences")
    out = subprocess.run([binary, sample, "20"], capture_output=True, text=True, check=True).stdout.strip()
    print(f"crosscheck: {out}")
    ours = float(out.split(": ", 1)[1].split(" MB/s")[0])
    print(f"ratio: crosscheck is {ours / q_mbs:.0f}x faster than quantulum3 on the same sentences")
    return 0


if __name__ == "__main__":
    sys.exit(main())
