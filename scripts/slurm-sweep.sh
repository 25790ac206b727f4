#!/usr/bin/env bash
# One shard of the app's sweep per task of a Slurm job array. Submit from the repository's root:
#
#   SPEC=sweep.json SHARDS=100 OUT=shards sbatch --array=0-99 scripts/slurm-sweep.sh
#   # when every task has ended (or chain it: sbatch --dependency=afterany:<jobid> …):
#   node src/cli/bin.mjs merge shards/shard-*.sweep.jsonl --out sweep.sweep.jsonl
#
# SHARDS is given rather than read from the array, so a few failed tasks can be re-run alone
# (sbatch --array=3,17 … with the same SHARDS). A task whose shard is already complete (its
# file ends with the trailer) does nothing. `merge` refuses missing, truncated or mixed shards.
#SBATCH --job-name=transcode-sweep
#SBATCH --ntasks=1
#SBATCH --cpus-per-task=1
#SBATCH --mem=2G
#SBATCH --time=12:00:00
#SBATCH --output=slurm-%A_%a.log
set -euo pipefail

spec=${SPEC:?set SPEC to the sweep file exported from the app}
shards=${SHARDS:?set SHARDS to the number of shards (the array runs 0 … SHARDS-1)}
out=${OUT:-sweep-shards}
index=${SLURM_ARRAY_TASK_ID:?submit with sbatch --array=0-<SHARDS-1>}
if [ "$index" -ge "$shards" ]; then
  echo "task $index is beyond SHARDS=$shards: nothing to do" >&2
  exit 0
fi
# Slurm runs a copy of this script from its spool: find the checkout from where it was submitted.
root=${REPO:-${SLURM_SUBMIT_DIR:-$(cd "$(dirname "$0")/.." && pwd)}}
transcode=${TRANSCODE:-node $root/src/cli/bin.mjs}
file="$out/shard-$index.sweep.jsonl"

mkdir -p "$out"
if [ -s "$file" ] && tail -n 1 "$file" | grep -q '^{"end":true'; then
  echo "shard $index/$shards is already complete: $file" >&2
  exit 0
fi
status=0
$transcode sweep --spec "$spec" --shard "$index/$shards" --out "$file" || status=$?
# 1: the shard is complete but some pairs failed to simulate (their rows say why): not a failed task.
if [ "$status" -eq 1 ]; then
  echo "shard $index/$shards: complete, with pairs that failed to simulate" >&2
  status=0
fi
exit "$status"
