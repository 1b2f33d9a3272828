#!/usr/bin/env bash
# Integration check of `statescope sweep --executor slurm` on a one-node Slurm cluster of this machine
# (not part of ./mvnw verify; docs/sweeps.md). Run as root from the repository root, with JAVA_HOME
# pointing at a JDK 25:
#
#   JAVA_HOME=/path/to/jdk-25 bench/slurm-sweep.sh
#
# It installs Debian's slurmctld, slurmd, slurm-client and munge (apt-get), starts munged, slurmctld
# and slurmd from a temporary folder (slurm.conf with SlurmctldHost=localhost, NodeName=localhost
# CPUs=2, proctrack/linuxproc, task/none, no cgroups, no accounting, ports 16817/16818), runs a small
# sweep (2 languages x 2 init seeds, 1,500 steps of a small model) through --executor slurm,
# kills one task's JVM mid-run (kill -9, its pid from the cell's lock file), shows that `sweep status`
# calls it failed and that running the command again re-submits it alone, checks every checkpoint
# loads and `eval --suite` reads the folder, and stops every daemon it started, by its pid.
set -euo pipefail

[ "$(id -u)" = 0 ] || { echo "run as root (the one-node cluster runs its daemons as root)" >&2; exit 2; }
[ -f pom.xml ] && [ -d bench ] || { echo "run from the repository root" >&2; exit 2; }
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
"$JAVA" -version 2>&1 | grep -q 'version "2[5-9]' || { echo "needs a JDK 25: set JAVA_HOME" >&2; exit 2; }

step() { printf '\n== %s\n' "$*"; }

step "install slurmctld, slurmd, slurm-client, munge"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq slurmctld slurmd slurm-client munge >/dev/null
dpkg-query -W -f '${Package} ${Version}\n' slurmctld slurmd slurm-client munge

if [ ! -f target/statescope.jar ]; then
  step "build the jar"
  ./mvnw -q package -DskipTests
fi
JAR="$(pwd)/target/statescope.jar"

WORK="$(mktemp -d /tmp/statescope-slurm.XXXXXX)"
chmod 755 "$WORK"
PIDS=()
stop_daemons() {
  # newest first: slurmd, slurmctld, munged; each by the pid this script started
  for (( i=${#PIDS[@]}-1; i>=0; i-- )); do
    pid="${PIDS[$i]}"
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid"
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
      kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
      echo "stopped pid $pid"
    fi
  done
}
trap 'step "stop the daemons"; stop_daemons' EXIT

step "start munged, slurmctld, slurmd in $WORK"
mkdir -p "$WORK/munge" "$WORK/state" "$WORK/spool"
chown munge:munge "$WORK/munge"
chmod 755 "$WORK/munge"
setpriv --reuid=munge --regid=munge --init-groups /usr/sbin/munged -F --socket="$WORK/munge/munge.socket" \
  --pid-file="$WORK/munge/munged.pid" --log-file="$WORK/munge/munged.log" --seed-file="$WORK/munge/munged.seed" \
  >"$WORK/munged.out" 2>&1 &
PIDS+=($!)
for _ in $(seq 50); do [ -S "$WORK/munge/munge.socket" ] && break; sleep 0.2; done
cat >"$WORK/slurm.conf" <<EOF
ClusterName=statescope
SlurmctldHost=localhost
SlurmUser=root
SlurmdUser=root
SlurmctldPort=16817
SlurmdPort=16818
AuthType=auth/munge
AuthInfo=socket=$WORK/munge/munge.socket
CredType=cred/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=none
ReturnToService=2
StateSaveLocation=$WORK/state
SlurmdSpoolDir=$WORK/spool
SlurmctldPidFile=$WORK/slurmctld.pid
SlurmdPidFile=$WORK/slurmd.pid
SlurmctldLogFile=$WORK/slurmctld.log
SlurmdLogFile=$WORK/slurmd.log
NodeName=localhost CPUs=2 State=UNKNOWN
PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP
EOF
export SLURM_CONF="$WORK/slurm.conf"
/usr/sbin/slurmctld -D -f "$SLURM_CONF" >"$WORK/slurmctld.out" 2>&1 &
PIDS+=($!)
/usr/sbin/slurmd -D -N localhost -f "$SLURM_CONF" >"$WORK/slurmd.out" 2>&1 &
PIDS+=($!)
echo "munged, slurmctld, slurmd: pids ${PIDS[*]}"
for _ in $(seq 150); do [ "$(sinfo -h -o %T 2>/dev/null)" = idle ] && break; sleep 0.2; done
sinfo

statescope() { "$JAVA" --add-modules jdk.incubator.vector -jar "$JAR" "$@" 2> >(grep -v '^WARNING: Using incubator' >&2); }
wait_for_jobs() { # until none of this user's jobs is queued or running
  for _ in $(seq 1800); do [ -z "$(squeue -h -u root)" ] && return; sleep 1; done
  echo "the jobs did not end within 30 minutes" >&2; exit 1
}

PLAN="$WORK/plan.yaml"
OUT="$WORK/results"
cat >"$PLAN" <<'EOF'
# 2 languages x 2 init seeds, a small model, 1,500 steps (tomita-3 never stops early)
name: slurm-check
languages: [parity-signed, tomita-3]
init-seeds: [1, 2]
sizes: [{layers: 2, d-model: 32}]
steps: 1500
max-words: 400
threads: 1
EOF

step "the job script (--dry-run)"
statescope sweep "$PLAN" --out "$OUT" --executor slurm --dry-run

step "submit"
statescope sweep "$PLAN" --out "$OUT" --executor slurm
squeue -r

step "kill one task's JVM mid-run (kill -9 the pid in its cell's lock file, once it has saved a resume state)"
victim=""
for _ in $(seq 9000); do
  for lock in "$OUT"/*.run.lock; do
    [ -s "$lock" ] || continue
    cell="${lock%.run.lock}"
    [ -f "$cell.resume.safetensors" ] || continue
    pid="$(awk '{print $2}' "$lock")"
    if kill -0 "$pid" 2>/dev/null; then victim="$pid"; victim_cell="$(basename "$cell")"; break 2; fi
  done
  sleep 0.2
done
[ -n "$victim" ] || { echo "no task reached its first resume state" >&2; exit 1; }
echo "killing pid $victim, training $victim_cell: $(cat "$OUT/$victim_cell.run.lock")"
kill -9 "$victim"
wait_for_jobs

step "status after the array ended"
statescope sweep status "$OUT"
ls "$OUT" | grep -F "$victim_cell"

step "run the command again: only the failed cell is re-submitted"
statescope sweep "$PLAN" --out "$OUT" --executor slurm
squeue -r
wait_for_jobs

step "status"
statescope sweep status "$OUT"
statescope sweep status "$OUT" | tail -1 | grep -q '^4 cells: 4 done$'
echo "log of the re-submitted task:"; cat "$(ls -t "$OUT"/sweep/logs/*.log | head -1)"

step "every checkpoint loads, and eval reads the folder"
n=0
for m in "$OUT"/*.safetensors; do
  case "$m" in *.resume.*) continue ;; esac
  statescope eval --model "$m" --backend cpu | tail -1
  n=$((n + 1))
done
[ "$n" = 4 ] || { echo "expected 4 models, found $n" >&2; exit 1; }
statescope eval --suite "$OUT" --backend cpu
grep -h -o '"notes" : "[^;]*' "$OUT/$victim_cell.json" | cut -c1-160

step "OK: 4 cells trained through Slurm, one of them killed and re-submitted"
