#!/usr/bin/env python3
"""Run crosscheck's source-reliability engine and the reference algorithms of the
`truthdiscovery` package side by side on the real truth-discovery benchmarks.

Datasets (see shared/data/truth/README.md for the conversion rules):
  population  Wikipedia edits of city populations (Pasternack & Roth 2010)
  flights     one day of flight times from 38 sources (Li et al. 2012)

Each dataset is converted once to the structured-claims CSV of
shared/contracts/sources.md (`source,object,value`), our engine reads that file, and the
reference algorithms get exactly the same (source, object, value) triples.

Accuracy is computed the way `truthdiscovery.SupervisedData.get_accuracy` does it: over the
gold objects for which more than one distinct value is claimed (an object with a single
claimed value is right or wrong for every algorithm alike), the share whose believed value
equals the gold value exactly. The package breaks ties between equally believed values at
random; the script seeds Python's `random` (--seed) so a run is reproducible.

Usage:
  python3 bench/truth_benchmarks.py [--data DIR] [--cmd "COMMAND {file}"] [--seed N]

The engine command defaults to $CROSSCHECK_SOURCES_CMD, else
`target/release/crosscheck sources --claims {file} --format json`, run from the repo root
(`{file}` is replaced by the claims CSV; without `{file}` the path is appended).
It must print the JSON of the contract (an object with a `truths` list of `{key, value}`).
"""

import argparse
import csv
import json
import os
import random
import shlex
import subprocess
import sys
import tempfile
import time
from collections import defaultdict

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_DATA = os.path.normpath(os.path.join(REPO_ROOT, "..", "shared", "data", "truth"))
DEFAULT_CMD = "target/release/crosscheck sources --claims {file} --format json"

FLIGHT_ATTRS = ["sched_dep_time", "act_dep_time", "sched_arr_time", "act_arr_time"]


# --------------------------------------------------------------------------- conversion


def decode_line(raw):
    """Population lines are mostly UTF-8 with some Latin-1 bytes: decode per line."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def load_population(folder):
    """Claims: source = contributor, object = city_year lower-cased, value = the number.
    Where one source gives several values for one object, the last line wins.
    Gold: object = `city, state_year` lower-cased (all fields but the last two joined by
    ", ", then `_year`), value = the population."""
    claims = {}
    with open(os.path.join(folder, "population-new.txt"), "rb") as f:
        for raw in f:
            line = decode_line(raw).rstrip("\r\n")
            if not line:
                continue
            parts = line.split("\t")
            if len(parts) < 3:
                continue
            obj, source, value = parts[0].strip().lower(), parts[1].strip(), parts[2].strip()
            claims[(source, obj)] = value  # last line wins
    gold = {}
    with open(os.path.join(folder, "population-gd.txt"), "rb") as f:
        for raw in f:
            line = decode_line(raw).strip()
            if not line:
                continue
            fields = [x.strip() for x in line.split(",")]
            if len(fields) < 3:
                continue
            obj = (", ".join(fields[:-2]) + "_" + fields[-2]).lower()
            gold[obj] = fields[-1]
    triples = [(s, o, v) for (s, o), v in claims.items()]
    return triples, gold


def load_flights(folder):
    """Claims: source = `src`, object = `flight|attribute`, value = the cell as written
    (empty cells are no claim; a repeated (source, object) keeps the last row).
    Gold: the clean file's value for the object."""
    claims = {}
    with open(os.path.join(folder, "flights_dirty.csv"), newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            for attr in FLIGHT_ATTRS:
                cell = row.get(attr) or ""
                if cell.strip() == "":
                    continue
                claims[(row["src"], row["flight"] + "|" + attr)] = cell
    gold = {}
    with open(os.path.join(folder, "flights_clean.csv"), newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            for attr in FLIGHT_ATTRS:
                cell = (row.get(attr) or "").strip()
                if cell:
                    gold[row["flight"] + "|" + attr] = cell
    triples = [(s, o, v) for (s, o), v in claims.items()]
    return triples, gold


DATASETS = [
    ("population", "population", ["population-new.txt", "population-gd.txt"], load_population),
    ("flights", "flights", ["flights_dirty.csv", "flights_clean.csv"], load_flights),
]


def write_claims_csv(triples, path):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["source", "object", "value"])
        for s, o, v in triples:
            w.writerow([s, o, v])


# --------------------------------------------------------------------------- scoring


def same_value(believed, gold):
    """Exact agreement. Numbers compare as numbers (the engine's JSON may write 74000 for
    the CSV's "74000"), everything else as the exact string."""
    if believed is None:
        return False
    if isinstance(believed, (int, float)) and not isinstance(believed, bool):
        try:
            return float(gold) == float(believed)
        except ValueError:
            return False
    return str(believed) == str(gold)


def scored_objects(triples, gold):
    """Gold objects with more than one distinct claimed value (the package's rule)."""
    values = defaultdict(set)
    for _, o, v in triples:
        values[o].add(v)
    return [o for o in gold if len(values.get(o, ())) > 1]


def run_engine(cmd_template, claims_path):
    if "{file}" in cmd_template:
        cmd = shlex.split(cmd_template.replace("{file}", shlex.quote(claims_path)))
    else:
        cmd = shlex.split(cmd_template) + [claims_path]
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=REPO_ROOT, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise RuntimeError(
            "engine failed ({}): {}".format(proc.returncode, proc.stderr.strip()[-2000:])
        )
    out = json.loads(proc.stdout)
    truths = {t["key"]: t.get("value") for t in out.get("truths", [])}
    return truths, elapsed


def run_reference(triples, gold, algorithms):
    from truthdiscovery.input.dataset import Dataset
    from truthdiscovery.input.supervised_data import SupervisedData

    dataset = Dataset(triples)
    sup = SupervisedData(dataset, gold)
    rows = []
    for name, make in algorithms:
        alg = make()
        start = time.perf_counter()
        result = alg.run(dataset)
        elapsed = time.perf_counter() - start
        rows.append((name, sup.get_accuracy(result), elapsed))
    return rows


def reference_algorithms():
    from truthdiscovery.algorithm import (
        AverageLog,
        Investment,
        MajorityVoting,
        PooledInvestment,
        Sums,
        TruthFinder,
    )

    return [
        ("MajorityVoting", MajorityVoting),
        ("Sums", Sums),
        ("AverageLog", AverageLog),
        ("Investment", Investment),
        ("PooledInvestment", PooledInvestment),
        ("TruthFinder", TruthFinder),
    ]


# --------------------------------------------------------------------------- main


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default=DEFAULT_DATA, help="folder holding population/ and flights/")
    ap.add_argument(
        "--cmd",
        default=os.environ.get("CROSSCHECK_SOURCES_CMD", DEFAULT_CMD),
        help="engine command; {file} is replaced by the claims CSV (run from the repo root)",
    )
    ap.add_argument("--seed", type=int, default=0, help="seed for the package's random tie-breaks")
    ap.add_argument("--no-reference", action="store_true", help="run only our engine")
    ap.add_argument("--keep", metavar="DIR", help="write the claims CSVs here and keep them")
    args = ap.parse_args()

    random.seed(args.seed)
    try:
        algorithms = [] if args.no_reference else reference_algorithms()
    except ImportError as e:
        print("truthdiscovery not installed ({}); pip install -r bench/requirements.txt".format(e),
              file=sys.stderr)
        return 2

    names = ["crosscheck"] + [n for n, _ in algorithms]
    lines = []
    lines.append("| dataset | objects scored | " + " | ".join(names) + " |")
    lines.append("| --- | --- | " + " | ".join("---" for _ in names) + " |")
    timing = []
    workdir = args.keep or tempfile.mkdtemp(prefix="truthbench-")
    os.makedirs(workdir, exist_ok=True)

    for label, sub, files, loader in DATASETS:
        folder = os.path.join(args.data, sub)
        if not all(os.path.exists(os.path.join(folder, f)) for f in files):
            print("{}: skipped (no data in {})".format(label, folder))
            continue
        triples, gold = loader(folder)
        claims_path = os.path.join(workdir, label + "_claims.csv")
        write_claims_csv(triples, claims_path)
        scored = scored_objects(triples, gold)
        n_sources = len({s for s, _, _ in triples})
        n_objects = len({o for _, o, _ in triples})
        print("{}: {} claims, {} sources, {} objects, {} gold, {} scored -> {}".format(
            label, len(triples), n_sources, n_objects, len(gold), len(scored), claims_path),
            file=sys.stderr)

        cells = []
        times = []
        try:
            truths, secs = run_engine(args.cmd, claims_path)
            acc = sum(same_value(truths.get(o), gold[o]) for o in scored) / max(len(scored), 1)
            cells.append("**{:.3f}**".format(acc))
            times.append("{:.2f}s".format(secs))
        except (RuntimeError, OSError, ValueError) as e:
            print("{}: crosscheck: {}".format(label, e), file=sys.stderr)
            cells.append("error")
            times.append("-")
        for name, acc, secs in run_reference(triples, gold, algorithms):
            cells.append("{:.3f}".format(acc))
            times.append("{:.2f}s".format(secs))
        lines.append("| {} | {} | {} |".format(label, len(scored), " | ".join(cells)))
        timing.append("| {} (time) | | {} |".format(label, " | ".join(times)))

    if len(lines) > 2:
        print("\n".join(lines + timing))
        print("\nAccuracy: exact match with gold over gold objects with more than one distinct "
              "claimed value (as truthdiscovery.SupervisedData computes it); reference ties "
              "broken at random with seed {}. crosscheck time includes process start and "
              "reading the CSV; reference times are the algorithm run only.".format(args.seed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
