"""crosscheck on Spark: the pipeline's steps as a PySpark job, with the crosscheck binary as
the worker of each step (the stream filters of `crosscheck extract`, `stories --articles`,
`compare --claims -` and `sources --claims -`).

    map      each task runs `crosscheck extract` on its share of the input files
             (WARC, JSON Lines, JSON, HTML, text) -> claims, one JSON object per line
    stories  one task runs `crosscheck stories --articles` over every input, in order: the
             global step (story ids are hashes of a story's first article, so they are
             the ones a single machine gives)
    join     each claim gets its article's story
    compare  claims repartitioned by story; each task runs `crosscheck compare --claims -`
             on its stories -> clusters (never across stories) -> clusters.jsonl
    sources  `crosscheck sources --claims -` over all claims -> sources.json

In the style of Common Crawl's cc-pyspark: inputs are paths (files, folders) or a listing
file of them (`--input-list`), one task per group of files; http(s) URLs (for example
https://data.commoncrawl.org/crawl-data/CC-NEWS/...) are fetched by the task that reads
them. The binary is `--binary PATH` on every node (a shared path, or local mode), or shipped
with `spark-submit --files crosscheck` and found through SparkFiles.

    spark-submit --master local[2] crosscheck_job.py --binary target/release/crosscheck \
        --out out/ corpus/
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import urllib.request

from pyspark import SparkFiles
from pyspark.sql import SparkSession

# Input file names crosscheck reads (the binary's own discovery decides inside folders).
KNOWN = (".txt", ".text", ".json", ".jsonl", ".ndjson", ".html", ".htm", ".warc", ".warc.gz")


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("inputs", nargs="*", help="files, folders or http(s) URLs of articles")
    parser.add_argument("--input-list", help="a file listing one input path or URL per line")
    parser.add_argument("--out", required=True, help="output folder (local or shared)")
    parser.add_argument("--binary", help="path of the crosscheck binary on every node")
    parser.add_argument("--partitions", type=int, default=0,
                        help="tasks for extraction and for comparison (default: Spark's parallelism)")
    args = parser.parse_args(argv)
    if args.input_list:
        with open(args.input_list, encoding="utf-8") as listing:
            args.inputs += [line.strip() for line in listing if line.strip() and not line.startswith("#")]
    if not args.inputs:
        parser.error("no inputs")
    return args


def expand(inputs):
    """Files in the order crosscheck's own discovery walks them (sorted, hidden skipped)."""
    files = []
    for item in inputs:
        if item.startswith(("http://", "https://")) or os.path.isfile(item):
            files.append(item)
            continue
        for root, dirs, names in os.walk(item):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(names):
                if not name.startswith(".") and name.lower().endswith(KNOWN):
                    files.append(os.path.join(root, name))
    return files


def binary_path(configured):
    if configured and os.path.exists(configured):
        return configured
    return SparkFiles.get("crosscheck")


def local_copy(item, folder):
    """A path the binary can read: URLs are fetched into the task's temporary folder."""
    if not item.startswith(("http://", "https://")):
        return item
    name = os.path.basename(item.split("?")[0]) or "input"
    target = os.path.join(folder, name)
    with urllib.request.urlopen(item) as response, open(target, "wb") as out:
        while True:
            block = response.read(1 << 20)
            if not block:
                break
            out.write(block)
    return target


def run(binary, args, stdin_lines=None):
    """Runs the binary; its stdout lines. Exit code 1 (rejected input, reported on stderr)
    keeps the rest of the output, as on one machine; anything else fails the task."""
    data = None if stdin_lines is None else "".join(line + "\n" for line in stdin_lines).encode()
    done = subprocess.run([binary] + args, input=data, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, check=False)
    if done.stderr:
        sys.stderr.write(done.stderr.decode("utf-8", "replace"))
    if done.returncode not in (0, 1):
        raise RuntimeError(f"crosscheck {args[0]} exited with {done.returncode}")
    return done.stdout.decode("utf-8").splitlines()


def extract_task(configured_binary):
    def task(items):
        items = list(items)
        if not items:
            return
        binary = binary_path(configured_binary)
        with tempfile.TemporaryDirectory() as folder:
            paths = [local_copy(item, folder) for item in items]
            for line in run(binary, ["extract"] + paths):
                yield line
    return task


def stories_task(configured_binary, files):
    def task(_):
        binary = binary_path(configured_binary)
        with tempfile.TemporaryDirectory() as folder:
            paths = [local_copy(item, folder) for item in files]
            for line in run(binary, ["stories", "--articles"] + paths + ["--format", "jsonl"]):
                placed = json.loads(line)
                yield placed["article_id"], placed["story"]
    return task


def compare_task(configured_binary):
    def task(keyed_claims):
        lines = [line for _, line in keyed_claims]
        if not lines:
            return
        binary = binary_path(configured_binary)
        comparison = json.loads("\n".join(run(binary, ["compare", "--claims", "-", "--format", "json"], lines)))
        for cluster in comparison.get("clusters", []):
            yield json.dumps({"type": "cluster", **cluster}, sort_keys=True)
        for check in comparison.get("internal", []):
            yield json.dumps({"type": "internal", **check}, sort_keys=True)
    return task


def sources_task(configured_binary):
    def task(lines):
        lines = list(lines)
        binary = binary_path(configured_binary)
        yield from run(binary, ["sources", "--claims", "-", "--format", "json"], lines)
    return task


def with_story(pair):
    _, (line, story) = pair
    claim = json.loads(line)
    claim["story"] = story
    return story or "", json.dumps(claim)


def main(argv):
    args = parse_args(argv)
    spark = SparkSession.builder.appName("crosscheck").getOrCreate()
    sc = spark.sparkContext
    partitions = args.partitions or sc.defaultParallelism
    files = expand(args.inputs)
    if not files:
        sys.exit("no input files found")
    os.makedirs(args.out, exist_ok=True)

    claims = (sc.parallelize(files, min(partitions, len(files)))
              .mapPartitions(extract_task(args.binary))
              .map(lambda line: (json.loads(line)["article_id"], line)))
    stories = sc.parallelize([0], 1).mapPartitions(stories_task(args.binary, files))
    # Every claim's article has a story; a left join keeps a claim whose article the story
    # step rejected (it stays out of any story's comparison, as on one machine).
    claims_with_story = claims.leftOuterJoin(stories).map(with_story).cache()

    # Streamed to the driver a partition at a time: its memory holds one partition's
    # clusters, not all of them.
    written = 0
    with open(os.path.join(args.out, "clusters.jsonl"), "w", encoding="utf-8") as out:
        for line in (claims_with_story.partitionBy(partitions)
                     .mapPartitions(compare_task(args.binary))
                     .toLocalIterator()):
            out.write(line + "\n")
            written += 1

    # Ratings need every claim at once (truth discovery iterates over all of them): one
    # task, not the driver, holds them.
    sources = (claims_with_story.map(lambda pair: pair[1]).coalesce(1)
               .mapPartitions(sources_task(args.binary)).collect())
    with open(os.path.join(args.out, "sources.json"), "w", encoding="utf-8") as out:
        out.write("\n".join(sources) + "\n")
    print(f"crosscheck on Spark: {len(files)} input files, {claims_with_story.count()} claims, "
          f"{written} clusters and internal checks in {args.out}/clusters.jsonl, "
          f"ratings in {args.out}/sources.json")
    spark.stop()


if __name__ == "__main__":
    main(sys.argv[1:])
