#!/usr/bin/env bash
# How long the JavaFX thread goes without a pulse while the grid of a Pythia-shaped run computes
# (docs/benchmarks.md): makes a 154-checkpoint x 25-layer run of small cells (512 tokens x 64) if
# absent, opens it uncached in the real desktop app under Xvfb (software pipeline) with
# -Dshapescope.pulseGaps=true, and prints the app's own line on the gaps, then closes it by its PID.
# usage: [JAR=path] app/bench/pulse_gaps.sh [WORKDIR]   (needs app/target/shapescope.jar or JAR, xvfb-run)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jar="${JAR:-$here/../target/shapescope.jar}"   # JAR=… measures another build (before/after)
work="${1:-/tmp/shapescope-pulses}"
run="$work/pythia-shape"
mkdir -p "$work"
[ -d "$run" ] || java -jar "$jar" bench make-run "$run" --checkpoints 154 --layers 25 --tokens 512 --hidden 64
rm -rf "$run/.shapescope-cache"
log="$work/status.log"
rm -f "$log"
xvfb-run -a -s "-screen 0 1600x1000x24" java -Dprism.order=sw -Dshapescope.statusLog="$log" -Dshapescope.pulseGaps=true \
  -jar "$jar" "$run" >"$work/app.out" 2>&1 &
deadline=$((SECONDS + 600))
until grep -q "^pulse gaps" "$log" 2>/dev/null || [ $SECONDS -ge $deadline ]; do sleep 1; done
pid=$(pgrep -f -- "^java .*-Dshapescope.statusLog=$log" | head -n1 || true)   # the JVM, not xvfb-run, whose command line holds the same text
grep "^pulse gaps\|^Done" "$log" || echo "no pulse line within 600 s"
[ -n "$pid" ] && kill "$pid"
