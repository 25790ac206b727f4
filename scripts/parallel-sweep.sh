#!/usr/bin/env bash
# Runs the app's sweep as N shards on one machine with GNU parallel, then merges them.
#
#   scripts/parallel-sweep.sh SPEC.json SHARDS OUT-DIR
#
# SPEC.json is a sweep exported from the app as JSON (or {"spec", "base", "settings"}).
# Writes OUT-DIR/shard-I.sweep.jsonl (+ .log with each shard's progress), OUT-DIR/joblog.tsv
# and OUT-DIR/merged.sweep.jsonl, the file to import into the app.
# JOBS (default 100%: one per core) sets how many shards run at once; TRANSCODE the command
# to run (default: this checkout's CLI through node).
#
# The exit status of each shard is not what decides success: `sweep` exits 1 when some pairs
# failed to simulate (their rows say why, the file is complete), and a shard that crashed or
# was killed leaves a file without its trailer. `merge` checks every file for completeness
# and consistency, so its verdict is the recipe's.
set -euo pipefail

if [ $# -ne 3 ]; then
  echo "usage: $0 SPEC.json SHARDS OUT-DIR" >&2
  exit 2
fi
spec=$1 shards=$2 out=$3
case $shards in '' | *[!0-9]* | 0) echo "$0: SHARDS must be a positive whole number, got '$shards'" >&2; exit 2 ;; esac
root=$(cd "$(dirname "$0")/.." && pwd)
transcode=${TRANSCODE:-node $root/src/cli/bin.mjs}
command -v parallel >/dev/null || { echo "$0: GNU parallel is not installed (Debian: apt-get install parallel)" >&2; exit 2; }

mkdir -p "$out"
rm -f "$out"/shard-*.sweep.jsonl "$out"/shard-*.log "$out/joblog.tsv"

# {} is the shard index; parallel quotes it. Each shard writes its rows as it computes them.
seq 0 $((shards - 1)) | parallel --will-cite --jobs "${JOBS:-100%}" --joblog "$out/joblog.tsv" \
  "$transcode sweep --spec '$spec' --shard {}/$shards --out '$out/shard-{}.sweep.jsonl' 2> '$out/shard-{}.log'" \
  || echo "$0: some shards exited non-zero (1 = pairs that failed to simulate; see $out/joblog.tsv and $out/shard-*.log)" >&2

$transcode merge "$out"/shard-*.sweep.jsonl --out "$out/merged.sweep.jsonl"
