#!/usr/bin/env bash
# Prepares .gpu/ (git-ignored) for bench/gpu-check.sh, which runs on a bare GPU machine (no JDK, no
# Maven, no network). Run it here, with JDK 25:
#     bash bench/prepare-gpu-carry.sh
# It writes:
#   .gpu/jrt.tgz             a jlink'ed Java runtime with the modules the GPU classes need (jdeps)
#   .gpu/statescope-gpu.jar  the compiled statescope.ssm classes + the PTX resource and the GPU benchmark
#                            statescope.bench.GpuBench (no ND4J, no other jar)
#   .gpu/manifest.txt        commit, modules, sizes
# and checks that the runtime starts the equivalence check and the benchmark, which here report the
# missing GPU (exit 2). JDK 25: JAVA_HOME, else the java on the PATH.
# Then carry ".gpu" to the GPU machine with the working tree and run bench/gpu-check.sh there.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${JAVA_HOME:-}" ] && command -v java > /dev/null; then
  JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
fi
[ -n "${JAVA_HOME:-}" ] || { echo "set JAVA_HOME to a JDK 25" >&2; exit 1; }
export JAVA_HOME
jbin=$JAVA_HOME/bin
"$jbin/java" -version 2>&1 | head -1 | grep -q '"25' || { echo "JAVA_HOME=$JAVA_HOME is not a JDK 25" >&2; exit 1; }

./mvnw -q -o compile 2>/dev/null || ./mvnw -q compile
classes=target/classes
[ -f $classes/statescope/ssm/gpu/selective_scan.ptx ] || { echo "PTX resource missing from $classes" >&2; exit 1; }

modules=$("$jbin/jdeps" --multi-release 25 --print-module-deps --ignore-missing-deps \
  $classes/statescope/ssm/gpu/*.class $classes/statescope/ssm/*.class $classes/statescope/bench/GpuBench*.class)
echo "modules: $modules"

rm -rf .gpu
mkdir -p .gpu/tmp
"$jbin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=zip-9 \
  --output .gpu/tmp/jrt
tar -czf .gpu/jrt.tgz -C .gpu/tmp jrt
mkdir -p .gpu/tmp/classes/statescope/bench
cp -r $classes/statescope/ssm .gpu/tmp/classes/statescope/
cp $classes/statescope/bench/GpuBench*.class .gpu/tmp/classes/statescope/bench/
"$jbin/jar" --create --file .gpu/statescope-gpu.jar -C .gpu/tmp/classes statescope

# the small runtime must start the GPU mains with nothing else on the class path
set +e
.gpu/tmp/jrt/bin/java --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector \
  -cp .gpu/statescope-gpu.jar statescope.ssm.gpu.GpuCheck --quick > .gpu/tmp/check.txt 2>&1
rc=$?
set -e
echo "equivalence check in the small runtime (exit $rc):"
sed 's/^/  /' .gpu/tmp/check.txt
if [ "$rc" -ne 0 ] && [ "$rc" -ne 2 ]; then
  echo "the GPU check did not run in the small runtime" >&2
  exit 1
fi
set +e
.gpu/tmp/jrt/bin/java --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector \
  -cp .gpu/statescope-gpu.jar statescope.bench.GpuBench --batch 2 --length 64 --d-inner 32 --d-state 8 \
  --cpu-batch 1 --reps 1 > .gpu/tmp/bench.txt 2>&1
rc=$?
set -e
echo "benchmark in the small runtime (exit $rc):"
sed 's/^/  /' .gpu/tmp/bench.txt
if [ "$rc" -ne 0 ] && [ "$rc" -ne 2 ]; then
  echo "the GPU benchmark did not run in the small runtime" >&2
  exit 1
fi
rm -rf .gpu/tmp

{
  echo "commit: $(git rev-parse HEAD)$(git diff --quiet HEAD -- src || echo ' (with uncommitted changes)')"
  echo "built: $(date -u +%Y-%m-%dT%H:%M:%SZ) with $("$jbin/java" -version 2>&1 | head -1)"
  echo "modules: $modules"
  ls -l .gpu | awk 'NR > 1 { print $NF ": " $5 " bytes" }'
} > .gpu/manifest.txt
cat .gpu/manifest.txt
total=$(du -sb .gpu | cut -f1)
echo "total: $((total / 1024 / 1024)) MiB (the carry limit is 64 MiB)"
[ "$total" -lt $((64 * 1024 * 1024)) ] || { echo ".gpu is too large to carry" >&2; exit 1; }
