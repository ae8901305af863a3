#!/bin/sh
# Regenerates sample-data/tiny-decoder and sample-data/tiny-encoder from scratch:
#   1. renders the git manual pages (Debian package git-man) to plain ASCII text, splits off held-out pages;
#   2. trains the two tiny transformers (in parallel, one torch thread each; decoder 1024 steps,
#      encoder 2048 steps, the masked objective learns more slowly), writing the npy layout
#      (hidden states of every layer at every checkpoint, loss.csv, run.json) to sample-data/recipe/out/;
#   3. converts each npy run to an Arrow run folder with `shapescope import-npy`.
#
# Usage (from anywhere):  sh sample-data/recipe/make_sample_data.sh
# Environment: PYTHON (default /usr/bin/python3: Debian python3-torch, python3-numpy, python3-scipy),
#              SHAPESCOPE_JAR (default app/target/shapescope.jar of this checkout),
#              TRAIN_ARGS (extra arguments for train.py, e.g. "--steps 16" for a quick try),
#              SAMPLE_OUT (npy output, default sample-data/recipe/out), SAMPLE_DEST (where the Arrow
#              runs go, default sample-data; set both for a trial that leaves the committed data alone).
# Needs: groff, dpkg, git-man installed (apt-get install git-man groff-base).
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
PYTHON=${PYTHON:-/usr/bin/python3}
JAR=${SHAPESCOPE_JAR:-$ROOT/app/target/shapescope.jar}
OUT=${SAMPLE_OUT:-$HERE/out}
DEST=${SAMPLE_DEST:-$ROOT/sample-data}
TRAIN_ARGS=${TRAIN_ARGS:-}
mkdir -p "$OUT/logs"

"$PYTHON" "$HERE/prepare_data.py" --out "$OUT/data"

rm -rf "$OUT/tiny-decoder" "$OUT/tiny-encoder"
# shellcheck disable=SC2086
"$PYTHON" "$HERE/train.py" --arch decoder --data "$OUT/data" --out "$OUT/tiny-decoder" $TRAIN_ARGS > "$OUT/logs/decoder.log" 2>&1 &
DEC=$!
# shellcheck disable=SC2086
"$PYTHON" "$HERE/train.py" --arch encoder --steps 2048 --first-checkpoint 8 --data "$OUT/data" --out "$OUT/tiny-encoder" $TRAIN_ARGS > "$OUT/logs/encoder.log" 2>&1 &
ENC=$!
STATUS=0
wait $DEC || { echo "decoder training failed, see $OUT/logs/decoder.log" >&2; STATUS=1; }
wait $ENC || { echo "encoder training failed, see $OUT/logs/encoder.log" >&2; STATUS=1; }
[ $STATUS -eq 0 ] || exit $STATUS
tail -n 1 "$OUT/logs/decoder.log" "$OUT/logs/encoder.log"

"$PYTHON" "$HERE/summarize.py" "$OUT/tiny-decoder" "$OUT/tiny-encoder"

if [ -f "$JAR" ]; then
    for run in tiny-decoder tiny-encoder; do
        rm -rf "${DEST:?}/$run"
        java -jar "$JAR" import-npy "$OUT/$run" "$DEST/$run"
    done
    du -sh "$DEST/tiny-decoder" "$DEST/tiny-encoder"
else
    echo "no $JAR: build it (mvn -q package) and run" >&2
    echo "  java -jar $JAR import-npy $OUT/tiny-decoder $DEST/tiny-decoder" >&2
    echo "  java -jar $JAR import-npy $OUT/tiny-encoder $DEST/tiny-encoder" >&2
    exit 3
fi
