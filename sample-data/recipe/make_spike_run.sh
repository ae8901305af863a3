#!/bin/sh
# Regenerates sample-data/tiny-spikes: the tiny decoder of make_sample_data.sh, trained for 700 steps
# with two learning-rate bursts (the rate ramps up to 60x over 40 steps, holds 10 steps, drops back)
# starting at steps 250 and 450, and checkpoints every 10 steps around each burst, so that the
# geometry before the loss spikes can be looked at (`shapescope spikes sample-data/tiny-spikes`).
# The schedule was fixed before any geometry of the run was looked at; a first try with 20x gave
# only a small loss bump (none flagged at k = 5), so the factor was raised to 60 after looking at
# the loss alone; see README.md.
#
# Usage (from anywhere):  sh sample-data/recipe/make_spike_run.sh
# Environment: PYTHON, SHAPESCOPE_JAR, SAMPLE_OUT, SAMPLE_DEST, TRAIN_ARGS as in make_sample_data.sh.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
PYTHON=${PYTHON:-/usr/bin/python3}
JAR=${SHAPESCOPE_JAR:-$ROOT/app/target/shapescope.jar}
OUT=${SAMPLE_OUT:-$HERE/out}
DEST=${SAMPLE_DEST:-$ROOT/sample-data}
TRAIN_ARGS=${TRAIN_ARGS:-}
mkdir -p "$OUT/logs"
# One thread for everything (torch intra-op, OpenMP, BLAS): the machine is shared, and one thread keeps reruns bit-identical.
export OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1

[ -f "$OUT/data/train.txt" ] || "$PYTHON" "$HERE/prepare_data.py" --out "$OUT/data"

dense() { # dense FROM TO: every 10th step
    s=$1; list=""
    while [ "$s" -le "$2" ]; do list="$list,$s"; s=$((s + 10)); done
    echo "${list#,}"
}
CHECKPOINTS="0,100,$(dense 200 300),$(dense 400 500),700"

rm -rf "$OUT/tiny-spikes"
# shellcheck disable=SC2086
"$PYTHON" "$HERE/train.py" --arch decoder --steps 700 --checkpoints "$CHECKPOINTS" \
    --lr-bursts 250:40:10:60,450:40:10:60 --export-tokens 512 --name tiny-spikes \
    --description "The tiny decoder with two learning-rate bursts (the rate ramps to 60x over 40 steps from steps 250 and 450, holds 10 steps, drops back), to show loss spikes; checkpoints every 10 steps around each burst." \
    --data "$OUT/data" --out "$OUT/tiny-spikes" $TRAIN_ARGS > "$OUT/logs/spikes.log" 2>&1 \
    || { echo "training failed, see $OUT/logs/spikes.log" >&2; exit 1; }
tail -n 1 "$OUT/logs/spikes.log"

"$PYTHON" "$HERE/summarize.py" "$OUT/tiny-spikes"

if [ -f "$JAR" ]; then
    rm -rf "${DEST:?}/tiny-spikes"
    java -jar "$JAR" import-npy "$OUT/tiny-spikes" "$DEST/tiny-spikes"
    du -sh "$DEST/tiny-spikes"
else
    echo "no $JAR: build it (mvn -q package) and run" >&2
    echo "  java -jar $JAR import-npy $OUT/tiny-spikes $DEST/tiny-spikes" >&2
    exit 3
fi
