#!/usr/bin/env bash
# Start-up time and idle CPU of the app (issue 16's "Speed and quiet"), printed as figures:
#     bash bench/start.sh [RUNS]        (default 5 runs of each)
# 1. the built app (java -jar target/statescope.jar, as the README starts it, launcher re-exec included):
#    wall time from the launch to the window's first painted frame (the opening pane, ui.OpeningPane: the
#    views are built after it), and to the first step shown (the views built, the opening model's trace in,
#    one step taken, its frame painted; StartupClock); median, min and max over RUNS;
# 2. ./mvnw -o javafx:run after a first run (Maven's own start-up and an up-to-date build included),
#    to the window and to the first step shown; median over RUNS;
# 3. idle: the app left alone 30 s after its first step, CPU of all its processes as % of one core, beside
#    a bare JavaFX window's (bench/IdleFloor.java), alternating, IDLE_ROUNDS rounds (default 2); IDLE_ONLY=1
#    measures this part alone.
# The app prints the moments itself when started with -Dstatescope.startup=exit (statescope.ui.StartupClock).
# Needs a display: runs itself under xvfb-run when DISPLAY is unset (apt-get install -y xvfb libgtk-3-0).
# Report the load (uptime) with the figures: this 2-core machine is shared. To keep other jobs' load out
# of the figures, run it as root under a real-time policy: chrt -r 10 bash bench/start.sh (docs/performance.md).
# The built app's first run after a build writes its class-data archive when it exits (ClassDataArchive):
# the script's first run is a warm-up and is not counted.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1600x1000x24" bash "$0" "$@"
fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
[ -f target/statescope.jar ] || ./mvnw -o -q package -DskipTests
now() { date +%s%3N; }
median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "median %d ms, min %d, max %d", m, a[1], a[NR]}'; }
measure() {   # measure CMD...: prints "WINDOW STEP" in ms after the launch
  local t0 out
  t0=$(now)
  out=$("$@" 2>/dev/null | grep -oE 'startup (window|step)=[0-9]+' || true)
  local w s
  w=$(sed -n 's/^startup window=//p' <<<"$out"); s=$(sed -n 's/^startup step=//p' <<<"$out")
  [ -n "$w" ] && [ -n "$s" ] || { echo "the app did not report its start-up (is the build current?)" >&2; exit 1; }
  echo "$((w - t0)) $((s - t0))"
}
echo "load before: $(uptime | sed 's/.*load average: //')"
if [ -z "${IDLE_ONLY:-}" ]; then    # IDLE_ONLY=1: the idle figures alone
: > target/start-window.txt; : > target/start-step.txt
measure "$JAVA" -Dstatescope.startup=exit -jar target/statescope.jar > /dev/null   # writes the archive when it is new
for i in $(seq "$RUNS"); do
  read -r w s < <(measure "$JAVA" -Dstatescope.startup=exit -jar target/statescope.jar)
  echo "$w" >> target/start-window.txt; echo "$s" >> target/start-step.txt
  echo "  built app, run $i: window $w ms, first step $s ms"
done
echo "built app, window shown:      $(median < target/start-window.txt)"
echo "built app, first step shown:  $(median < target/start-step.txt)"
# the first run online (it downloads the javafx plugin once: offline, Maven cannot resolve the "javafx"
# prefix before the plugin is in the local repository), the measured ones offline
measure env JAVA_TOOL_OPTIONS=-Dstatescope.startup=exit ./mvnw javafx:run > /dev/null
: > target/start-mvn-window.txt; : > target/start-mvn-step.txt
for i in $(seq "$RUNS"); do
  read -r w s < <(measure env JAVA_TOOL_OPTIONS=-Dstatescope.startup=exit ./mvnw -o javafx:run)
  echo "$w" >> target/start-mvn-window.txt; echo "$s" >> target/start-mvn-step.txt
  echo "  ./mvnw -o javafx:run, run $((i + 1)): window $w ms, first step $s ms"
done
echo "./mvnw -o javafx:run, window shown:     $(median < target/start-mvn-window.txt)"
echo "./mvnw -o javafx:run, first step shown: $(median < target/start-mvn-step.txt)"
fi
# idle: start, wait for the first step, settle 10 s, then count CPU ticks of the process tree for 30 s;
# alternating with the same count for a bare JavaFX window (bench/IdleFloor.java: a label and a button),
# the toolkit's own floor on this machine (its GTK pulse timer wakes 60 times a second even when idle)
tree() { echo "$1"; for c in $(pgrep -P "$1"); do tree "$c"; done; }
idle() {   # idle CMD...: % of one core used by CMD's processes in 30 s, 10 s after it reported its first step
  local log pid a b
  log=$(mktemp)
  "$@" > "$log" 2>&1 &
  pid=$!
  for _ in $(seq 600); do grep -q '^startup step=' "$log" && break; sleep 0.1; done
  if ! grep -q '^startup step=' "$log"; then
    echo "$* did not start within 60 s; its output:" >&2; tail -20 "$log" >&2; kill "$pid" 2>/dev/null; exit 1
  fi
  sleep 10
  ticks() { local t=0 v; for p in $(tree "$pid"); do v=$(awk '{print $14+$15}' "/proc/$p/stat" 2>/dev/null || echo 0); t=$((t + v)); done; echo "$t"; }
  a=$(ticks); sleep 30; b=$(ticks)
  kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -f "$log"
  awk -v d=$((b - a)) -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.2f\n", d / hz / 30 * 100}'
}
: > target/start-idle-app.txt; : > target/start-idle-floor.txt
for i in $(seq "${IDLE_ROUNDS:-2}"); do
  app=$(idle "$JAVA" -Dstatescope.startup=report -jar target/statescope.jar)
  floor=$(idle "$JAVA" --enable-native-access=ALL-UNNAMED -cp "target/lib/*" bench/IdleFloor.java)
  echo "$app" >> target/start-idle-app.txt; echo "$floor" >> target/start-idle-floor.txt
  echo "  idle, round $i: app $app%, bare JavaFX window $floor% of one core"
done
awk 'NR == FNR {a += $1; n++; next} {f += $1} END {printf "idle, 30 s after the first step (mean of %d): app %.2f%% of one core, bare JavaFX window %.2f%%, ratio %.2f\n", n, a / n, f / n, (f > 0 ? a / f : 0)}' \
  target/start-idle-app.txt target/start-idle-floor.txt
echo "load after: $(uptime | sed 's/.*load average: //')"
