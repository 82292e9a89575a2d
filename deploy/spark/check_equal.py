"""Exit 0 when the Spark job's clusters (and internal checks) are the single machine's.

    python3 check_equal.py SINGLE_COMPARE.json SPARK_CLUSTERS.jsonl [SINGLE_SOURCES.json SPARK_SOURCES.json]

SINGLE_COMPARE.json is `crosscheck compare --format json` on an index of the same input;
SPARK_CLUSTERS.jsonl is the job's clusters.jsonl. Both are compared as sets of objects
(every field, every claim), whatever their order. With the two sources files, the ratings
must be equal too.
"""

import json
import sys


def canonical(record):
    return json.dumps(record, sort_keys=True)


def main(argv):
    if len(argv) not in (2, 4):
        sys.exit(__doc__)
    single = json.load(open(argv[0], encoding="utf-8"))
    expected = {("cluster", canonical(c)) for c in single.get("clusters", [])}
    expected |= {("internal", canonical(c)) for c in single.get("internal", [])}
    got = set()
    for line in open(argv[1], encoding="utf-8"):
        if line.strip():
            record = json.loads(line)
            kind = record.pop("type")
            got.add((kind, canonical(record)))
    ok = True
    if got != expected:
        ok = False
        print(f"clusters differ: {len(expected - got)} only on one machine, "
              f"{len(got - expected)} only from Spark")
        for kind, record in sorted(expected ^ got)[:4]:
            print(f"  {kind}: {record[:300]}")
    else:
        clusters = sum(1 for kind, _ in got if kind == "cluster")
        print(f"equal: {clusters} clusters and {len(got) - clusters} internal checks")
    if len(argv) == 4:
        single_sources = json.load(open(argv[2], encoding="utf-8"))
        spark_sources = json.load(open(argv[3], encoding="utf-8"))
        if canonical(single_sources) == canonical(spark_sources):
            print("equal: sources")
        else:
            ok = False
            print("sources differ")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
