#!/usr/bin/env bash
# Time to the first visible Shapescope window, packaged launcher against `java -jar`, in one run
# (docs/PACKAGING.md). Needs the app image (jpackage/build.sh), Xvfb and xdotool; starts its own
# X server:   jpackage/startup.sh [RUNS]   (default 5 alternating runs each, after one warm-up each)
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${SHAPESCOPE_STARTUP_DISPLAY:-}" ]; then
  exec env SHAPESCOPE_STARTUP_DISPLAY=1 xvfb-run -a -s "-screen 0 1600x1000x24" "$0" "$@"
fi

RUNS="${1:-5}"
PACKAGED=(target/jpackage/shapescope/bin/shapescope)
JAR=(java -jar app/target/shapescope.jar)

# Seconds from launch until xdotool sees a visible window named Shapescope (polled every 50 ms).
time_to_window() {
  local start pid elapsed=""
  start=$(date +%s.%N)
  "$@" >/dev/null 2>&1 &
  pid=$!
  for _ in $(seq 1200); do
    if xdotool search --onlyvisible --name Shapescope >/dev/null 2>&1; then
      elapsed=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.2f", e - s }')
      break
    fi
    sleep 0.05
  done
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  # let the window go before the next launch
  while xdotool search --name Shapescope >/dev/null 2>&1; do sleep 0.05; done
  [ -n "$elapsed" ] || { echo "no window within 60 s: $*" >&2; return 1; }
  echo "$elapsed"
}

median() {
  sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

time_to_window "${PACKAGED[@]}" >/dev/null
time_to_window "${JAR[@]}" >/dev/null
packaged=() jar=()
for i in $(seq "$RUNS"); do
  packaged+=("$(time_to_window "${PACKAGED[@]}")")
  jar+=("$(time_to_window "${JAR[@]}")")
  echo "run $i: packaged ${packaged[-1]} s, java -jar ${jar[-1]} s"
done
echo "median of $RUNS: packaged $(printf '%s\n' "${packaged[@]}" | median) s, java -jar $(printf '%s\n' "${jar[@]}" | median) s"
