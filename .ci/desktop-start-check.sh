#!/usr/bin/env bash
# Starts the real desktop app as a user would (GTK 3 under Xvfb, not Monocle) and checks three starts:
#  1. no DISPLAY: one line naming the problem and the fix, non-zero exit;
#  2. GTK 3 hidden (bind-mounted /dev/null over libgtk-3.so.0 in a private mount namespace; needs root):
#     one line naming GTK 3 and `apt-get install libgtk-3-0`, non-zero exit;
#  3. a normal start on the bundled sample run: a window titled Shapescope appears and the grid's
#     cells arrive (the status bar's texts, written by -Dshapescope.statusLog), then it is closed by its PID.
# Usage: .ci/desktop-start-check.sh [JAR]   (default app/target/shapescope.jar)
set -euo pipefail
cd "$(dirname "$0")/.."
jar=${1:-app/target/shapescope.jar}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "desktop start check: FAIL: $*" >&2; exit 1; }

one_line_failure() {  # name, expected text, command...
  local name=$1 expected=$2; shift 2
  local out="$work/$name.out" status=0
  timeout 60 "$@" >"$out" 2>&1 || status=$?
  [ "$status" -ne 0 ] && [ "$status" -ne 124 ] || fail "$name: exit status $status (want non-zero, no hang)"
  [ "$(wc -l <"$out")" -eq 1 ] || { cat "$out" >&2; fail "$name: printed $(wc -l <"$out") lines, want 1"; }
  grep -qF -- "$expected" "$out" || { cat "$out" >&2; fail "$name: does not say '$expected'"; }
  echo "desktop start check: $name: exit $status, \"$(cut -c1-110 "$out")…\""
}

one_line_failure no-display "DISPLAY is not set" env -u DISPLAY -u WAYLAND_DISPLAY java -jar "$jar"

# awk reads ldconfig's whole output (no early exit): under pipefail an early exit would let SIGPIPE
# kill ldconfig and fail the script with 141 on a machine whose cache is longer than a pipe's buffer.
gtk=$(ldconfig -p | awk '/libgtk-3.so.0 / && !found {found = $NF} END {print found}')
[ -n "$gtk" ] || fail "libgtk-3.so.0 is not installed (.ci/run installs libgtk-3-0)"
if [ "$(id -u)" -eq 0 ] && command -v unshare >/dev/null; then
  one_line_failure no-gtk "apt-get install libgtk-3-0" \
    xvfb-run -a unshare -m sh -c "mount --bind /dev/null '$gtk' && exec java -jar '$jar'"
else
  echo "desktop start check: no-gtk: NOT RUN (needs root and unshare to hide GTK in a private mount namespace)"
fi

status_log="$work/status.log"
xvfb-run -a -s "-screen 0 1600x1000x24" sh -c "exec java -Dshapescope.statusLog='$status_log' -jar '$jar'" \
  >"$work/app.out" 2>&1 &
runner=$!
deadline=$((SECONDS + 120))
pid=""
while [ $SECONDS -lt $deadline ]; do
  pid=$(pgrep -f -- "-Dshapescope.statusLog=$status_log" | head -n1 || true)
  if [ -n "$pid" ] && grep -q "^Done: " "$status_log" 2>/dev/null; then
    break
  fi
  kill -0 "$runner" 2>/dev/null || { cat "$work/app.out" >&2; fail "the app exited before its grid was done"; }
  sleep 0.5
done
grep -q "^Done: " "$status_log" 2>/dev/null || { cat "$work/app.out" "$status_log" >&2 || true; kill "$pid" 2>/dev/null || true; fail "no 'Done' in the status bar within 120 s"; }
display=$(tr '\0' '\n' <"/proc/$pid/environ" | sed -n 's/^DISPLAY=//p')
xauthority=$(tr '\0' '\n' <"/proc/$pid/environ" | sed -n 's/^XAUTHORITY=//p')
title=$(DISPLAY=$display XAUTHORITY=$xauthority xdotool search --onlyvisible --name 'Shapescope' getwindowname 2>/dev/null | head -n1 || true)
[ -n "$title" ] || { kill "$pid"; fail "no visible window titled Shapescope on display $display"; }
done_line=$(grep "^Done: " "$status_log" | tail -n1)
cp "$work/app.out" "$work/app-before-kill.out"   # what a user saw on the console while the app ran
kill "$pid"
wait "$runner" || true
if grep -q "WARNING\|Exception" "$work/app-before-kill.out"; then
  cat "$work/app-before-kill.out" >&2; fail "the app printed warnings or exceptions"
fi
echo "desktop start check: window \"$title\", status bar \"$done_line\""
