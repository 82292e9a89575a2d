#!/usr/bin/env bash
# Runs the Spark job (crosscheck_job.py) on this machine with `local[2]` over the sample
# corpus, and checks that its clusters, internal checks and ratings equal what a single
# machine's `crosscheck index` + `compare` + `sources` give. Exit 0 when equal.
#
# Installs what it needs: pyspark in its own virtual environment (deploy/spark/.venv, or
# $CROSSCHECK_SPARK_VENV), and Java 17 from Debian's packages when no Java 17 is found.
# The crosscheck binary is $CROSSCHECK_BIN, or the debug build (`cargo build`).
#
#   bash deploy/spark/run-local.sh [INPUT...]      (default: corpus/)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
venv="${CROSSCHECK_SPARK_VENV:-$here/.venv}"

java_major() {
  java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1
}
if ! command -v java >/dev/null 2>&1 || [ "$(java_major)" != 17 ]; then
  if [ -d /usr/lib/jvm/java-17-openjdk-amd64 ]; then
    export JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64
  else
    echo "== installing Java 17 (Debian package openjdk-17-jre-headless)"
    if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq openjdk-17-jre-headless >/dev/null
    export JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64
  fi
  export PATH="$JAVA_HOME/bin:$PATH"
fi
java -version 2>&1 | head -1

if ! "$venv/bin/python" -c 'import pyspark' >/dev/null 2>&1; then
  echo "== installing pyspark into $venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$here/requirements.txt"
fi

bin="${CROSSCHECK_BIN:-}"
if [ -z "$bin" ]; then
  (cd "$repo" && cargo build --quiet)
  bin="$repo/target/debug/crosscheck"
fi

inputs=("$@")
[ ${#inputs[@]} -gt 0 ] || inputs=("$repo/corpus")

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "== one machine: crosscheck index, compare, sources"
"$bin" --index "$work/index" index "${inputs[@]}" || [ $? -eq 1 ]
"$bin" --index "$work/index" compare --format json > "$work/compare.json"
"$bin" --index "$work/index" sources --format json > "$work/sources.json"

echo "== Spark, local[2]"
export PYSPARK_PYTHON="$venv/bin/python"
export SPARK_LOCAL_IP=127.0.0.1
"$venv/bin/spark-submit" --master 'local[2]' --conf spark.ui.enabled=false \
  --driver-java-options '-Dlog4j.rootLogger=WARN' \
  "$here/crosscheck_job.py" --binary "$bin" --partitions 4 --out "$work/spark" "${inputs[@]}" \
  2> "$work/spark.log" || { cat "$work/spark.log" >&2; exit 1; }
grep -v -E '^\s*$|WARN|INFO|^Setting default log level|^To adjust logging level' "$work/spark.log" >&2 || true

echo "== equal?"
"$venv/bin/python" "$here/check_equal.py" "$work/compare.json" "$work/spark/clusters.jsonl" \
  "$work/sources.json" "$work/spark/sources.json"
