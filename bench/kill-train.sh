#!/usr/bin/env bash
# The kill test of docs/reliability.md: kills `statescope train` KILLS times (default 50) at random
# moments and checks after each kill that every checkpoint on disk loads and that its weights and
# manifest belong together (statescope.ssm.CheckpointAudit); then lets the run finish and checks again.
#     bash bench/kill-train.sh [KILLS] [MAX_DELAY_SECONDS]
# The moment is drawn uniformly from 0..MAX_DELAY (default 10) seconds after the run reports its first
# step (when it starts writing; a loaded machine can take half a minute to get there), except every
# tenth kill, which comes during start-up (0..2 s after the launch).
# A second part (SAVE_KILLS, default 50; 0 skips it) kills statescope.ssm.CheckpointSaveLoop, which does
# nothing but save a 26 MB checkpoint over and over, 0..3 s after its first save: there most kills land
# inside a save, between or during the two renames, and the audit sees the pairs a stopped save leaves.
# Needs JDK 25 and the project compiled with its tests (./mvnw -o -q test-compile); the classpath is
# written to target/kill-train.classpath once. Every kill is a SIGKILL (the process gets no chance to
# save), except every fifth, a SIGTERM (the run saves its state and exits 143). Prints one line per kill
# and the counts at the end. Exit code: 0 when no checkpoint ever failed to load or match, 1 otherwise.
set -u
cd "$(dirname "$0")/.."
KILLS=${1:-50}
SAVE_KILLS=${SAVE_KILLS:-50}
MAX_DELAY=${2:-10}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
CPFILE=target/kill-train.classpath
if [ ! -d target/test-classes ] || [ ! -f "$CPFILE" ]; then
  ./mvnw -o -q test-compile dependency:build-classpath -Dmdep.outputFile="$CPFILE" || exit 1
fi
CP="target/classes:target/test-classes:$(cat "$CPFILE")"
FLAGS="--add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/statescope-kill.XXXXXX")
OUTFILE="$WORK/m.safetensors"
TRAIN=(train --language parity --layers 1 --d-model 8 --d-state 4 --gates signed --batch 8 --max-words 40
       --eval-every 1 --steps 300 --threads 1 --out "$OUTFILE" --resume)
declare -A count=()
failures=0
temporaries_seen=0
last_step=0
regressions=0

audit() {  # audit LABEL: checks the folder, adds to the counts, prints one line
  local out
  out=$("$JAVA" $FLAGS -cp "$CP" statescope.ssm.CheckpointAudit "$WORK" 2>/dev/null)
  local rc=$?
  local summary=""
  while read -r state step file rest; do
    case "$state" in
      "") ;;
      temporaries) temporaries_seen=$((temporaries_seen + step)); summary+=" tmp=$step" ;;
      locks) summary+=" locks=$step" ;;
      *) count[$state]=$(( ${count[$state]:-0} + 1 )); summary+=" $file:$state@$step"
         if [ "$state" = FAILED ]; then echo "  $file $rest"; fi
         if [ "$file" = m.resume.safetensors ]; then
           if [ "$step" -lt "$last_step" ]; then regressions=$((regressions + 1)); fi
           last_step=$step
         fi ;;
    esac
  done <<< "$out"
  [ $rc -eq 0 ] || failures=$((failures + 1))
  echo "$1:$summary"
}

echo "kill test: $KILLS kills of 'statescope ${TRAIN[*]}', 0..${MAX_DELAY} s after its first step, in $WORK"
for i in $(seq 1 "$KILLS"); do
  "$JAVA" $FLAGS -cp "$CP" statescope.Launcher "${TRAIN[@]}" > "$WORK/run.log" 2>&1 &
  pid=$!
  if [ $((i % 10)) -eq 0 ]; then
    max=2
  else
    max=$MAX_DELAY
    for _ in $(seq 1 600); do                     # up to 2 minutes for the first step
      grep -q 'step [0-9]' "$WORK/run.log" 2>/dev/null && break
      kill -0 $pid 2>/dev/null || break
      sleep 0.2
    done
  fi
  delay=$(awk -v m="$max" -v s="$RANDOM$i" 'BEGIN { srand(s); printf "%.2f", rand() * m }')
  sleep "$delay"
  step=$(tr '\r' '\n' < "$WORK/run.log" | grep -oE 'step [0-9]+' | tail -1)
  if [ $((i % 5)) -eq 0 ]; then sig=TERM; else sig=KILL; fi
  kill -s $sig $pid 2>/dev/null
  wait $pid 2>/dev/null
  rc=$?
  count["exit$rc"]=$(( ${count["exit$rc"]:-0} + 1 ))
  audit "kill $i (SIG$sig ${delay}s after $([ $max = 2 ] && echo launch || echo 'the first step'), at ${step:-start-up}, exit $rc)"
done
echo "final run to the end (--steps 300):"
"$JAVA" $FLAGS -cp "$CP" statescope.Launcher "${TRAIN[@]}" > "$WORK/run.log" 2>&1
final=$?
audit "final (exit $final)"
[ $final -eq 0 ] || failures=$((failures + 1))
declare -A train_count=()
for k in "${!count[@]}"; do train_count[$k]=${count[$k]}; done
count=()
if [ "$SAVE_KILLS" -gt 0 ]; then
  echo "save loop: $SAVE_KILLS kills of statescope.ssm.CheckpointSaveLoop, 0..3 s after its first save"
  for i in $(seq 1 "$SAVE_KILLS"); do
    "$JAVA" $FLAGS -cp "$CP" statescope.ssm.CheckpointSaveLoop "$WORK" > "$WORK/save.log" 2>&1 &
    pid=$!
    for _ in $(seq 1 600); do
      grep -q '^saved' "$WORK/save.log" 2>/dev/null && break
      kill -0 $pid 2>/dev/null || break
      sleep 0.2
    done
    delay=$(awk -v s="$RANDOM$i" 'BEGIN { srand(s); printf "%.2f", rand() * 3 }')
    sleep "$delay"
    saved=$(grep -c '^saved' "$WORK/save.log")
    kill -s KILL $pid 2>/dev/null
    wait $pid 2>/dev/null
    audit "save kill $i (${delay}s after the first save, $saved saves)"
  done
fi
echo
echo "== counts: train =="
echo "kills: $KILLS (SIGKILL $((KILLS - KILLS / 5)), SIGTERM $((KILLS / 5)))"
for k in $(printf '%s\n' "${!train_count[@]}" | sort); do echo "$k: ${train_count[$k]}"; done
echo "== counts: save loop =="
echo "kills: $SAVE_KILLS (SIGKILL)"
for k in $(printf '%s\n' "${!count[@]}" | sort); do echo "$k: ${count[$k]}"; done
for k in "${!train_count[@]}"; do count[$k]=$(( ${count[$k]:-0} + ${train_count[$k]} )); done
echo "== counts: all =="
echo "checkpoint files checked: $(( ${count[MATCHED]:-0} + ${count[MANIFEST_MISSING]:-0} + ${count[MANIFEST_STALE]:-0} + ${count[UNCHECKED]:-0} + ${count[FAILED]:-0} ))"
echo "temporaries seen after kills (cleaned by the next run): $temporaries_seen"
echo "resume step went backwards: $regressions times"
echo "audits that failed: $failures"
if [ $failures -eq 0 ] && [ $regressions -eq 0 ]; then echo "PASS"; rm -rf "$WORK"; exit 0; fi
echo "FAIL (files kept in $WORK)"
exit 1
