#!/usr/bin/env bash
# Fuzzes every Jazzer @FuzzTest of the project for MINUTES each (default 5), one after the other:
#     bash bench/fuzz.sh [MINUTES] [FILTER]
# FILTER (a regex on Class#method) picks some targets, e.g. 'Checkpoint|Resume'. Needs JDK 25; runs
# offline. Each target runs as JAZZER_FUZZ=1 ./mvnw -o test -Dtest='Class#method' with Jazzer's hooks
# on and -Djazzer.max_duration; libFuzzer's corpus goes to .cifuzz-corpus/ (git-ignored), a finding to
# the target's Inputs folder under src/test/resources (then replayed by every ./mvnw verify: commit it
# with the fix). Prints one line per target (executions, exec/s, result) and a summary; the full logs
# are in target/fuzz/. Exit code: 0 when no target found anything, 1 otherwise.
set -u
cd "$(dirname "$0")/.."
MINUTES=${1:-5}
FILTER=${2:-.}
LOGS=target/fuzz
mkdir -p "$LOGS"
targets=()
while IFS= read -r file; do
  cls=$(basename "$file" .java)
  while IFS= read -r m; do targets+=("$cls#$m"); done < <(
    awk '/@FuzzTest/ { want = 1; next } want && /void [A-Za-z0-9_]+\(/ { match($0, /void [A-Za-z0-9_]+\(/);
         print substr($0, RSTART + 5, RLENGTH - 6); want = 0 }' "$file")
done < <(grep -rl --include='*.java' '@FuzzTest' src/test/java | sort)
findings=0
printf '%-48s %12s %9s  %s\n' target executions exec/s result
for t in "${targets[@]}"; do
  [[ "$t" =~ $FILTER ]] || continue
  log="$LOGS/${t/\#/.}.log"
  JAZZER_FUZZ=1 ./mvnw -o test -Dtest="$t" -Dsurefire.failIfNoSpecifiedTests=false -Djazzer.hooks=true \
      -Djazzer.max_duration="${MINUTES}m" > "$log" 2>&1
  rc=$?
  runs=$(grep -oE 'Done [0-9]+ runs' "$log" | tail -1 | grep -oE '[0-9]+')
  [ -n "$runs" ] || runs=$(grep -oE '^#[0-9]+' "$log" | tail -1 | tr -d '#')
  rate=$(grep -oE 'exec/s: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+')
  if [ $rc -eq 0 ]; then result=ok; else
    findings=$((findings + 1))
    result="FINDING (see $log$(grep -oE 'crash-[0-9a-f]+' "$log" | head -1 | sed 's/^/, /'))"
  fi
  printf '%-48s %12s %9s  %s\n' "$t" "${runs:-?}" "${rate:-?}" "$result"
done
echo "targets with findings: $findings"
[ $findings -eq 0 ]
