#!/usr/bin/env bash
# Smoke test of an app image (run by .ci/run after jpackage/build.sh image): the packaged launcher
# prints its version and analyses the sample run bundled in the image, every cell of
# 10 checkpoints x 7 layers with an anisotropy in [0, 1].
#   jpackage/check.sh [IMAGE]   (default target/jpackage/shapescope)
set -euo pipefail
cd "$(dirname "$0")/.."

IMAGE="${1:-target/jpackage/shapescope}"
LAUNCHER="$IMAGE/bin/shapescope"
SAMPLE="$IMAGE/lib/app/sample-data/tiny-decoder"

version=$("$LAUNCHER" --version)
echo "$version"
grep -q '^shapescope [0-9]' <<<"$version" || { echo "unexpected --version output" >&2; exit 1; }

csv=$(mktemp)
trap 'rm -f "$csv"' EXIT
"$LAUNCHER" analyze "$SAMPLE" --metrics anisotropy --no-cache >"$csv"

python3 - "$csv" <<'PY'
import csv, sys

with open(sys.argv[1], newline="") as f:
    rows = list(csv.reader(f))
header, cells = rows[0], rows[1:]
assert header[:3] == ["step", "layer", "anisotropy"], f"header {header}"
assert len(cells) == 70, f"{len(cells)} rows, expected 10 checkpoints x 7 layers"
assert len({(r[0], r[1]) for r in cells}) == 70, "repeated (step, layer) cells"
assert {r[1] for r in cells} == {str(layer) for layer in range(7)}, "layers are not 0..6"
values = [float(r[2]) for r in cells]
assert all(0.0 <= v <= 1.0 for v in values), f"anisotropy outside [0, 1]: {min(values)}..{max(values)}"
print(f"analyze through the packaged launcher: 70 cells, anisotropy {min(values):.3f}..{max(values):.3f}")
PY
