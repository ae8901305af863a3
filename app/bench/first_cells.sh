#!/usr/bin/env bash
# How soon an uncached run shows its first cells (docs/benchmarks.md, "First cells"), before and
# after a change, in one script: for ROUNDS rounds, alternating the two jars, `bench first-cells`
# at R = 1 and R = 5 and the desktop app's ExplorerModel headless (app/bench/ModelFirstCells.java,
# which also asks for the projection and GRIDE curve as the app does), each line with the load.
# usage: app/bench/first_cells.sh OLD.jar NEW.jar RUN [ROUNDS]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
old="$1"; new="$2"; run="$3"; rounds="${4:-3}"
line() { printf '%-28s load %-16s %s\n' "$1" "$(cut -d' ' -f1-3 /proc/loadavg)" "$(tr '\n' ' ' <<<"$2")"; }
for round in $(seq 1 "$rounds"); do
  echo "== round $round"
  for side in old new; do
    jar="$old"; [ "$side" = new ] && jar="$new"
    for r in 1 5; do
      extra=""; [ "$side" = new ] && extra="--no-store"
      line "$side bench R$r${extra:+ no store}" "$(java -jar "$jar" bench first-cells "$run" --resamples $r $extra)"
      [ "$side" = new ] && line "$side bench R$r fresh store" "$(java -jar "$jar" bench first-cells "$run" --resamples $r)"
    done
    line "$side app model (R5)" "$(java --add-opens=java.base/java.nio=ALL-UNNAMED -cp "$jar" "$here/ModelFirstCells.java" "$run" 60 2>/dev/null)"
  done
done
