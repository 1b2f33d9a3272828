#!/usr/bin/env bash
# StateScope's GPU check in one command, for a bare NVIDIA machine (no JDK, no Maven, no network).
# Before: bash bench/prepare-gpu-carry.sh  (here, with JDK 25), then carry ".gpu" with the working tree.
# On the GPU machine, from the repository root:
#     bash bench/gpu-check.sh            (figures go to $OUT, default ./gpu-check-out)
# Steps (each logged; a failing step does not stop the later ones):
#   1. unpack the Java runtime from .gpu/jrt.tgz
#   2. nvidia-smi
#   3. ptxas (if the machine has a CUDA toolkit): the shipped PTX compiled for this GPU, registers/spills
#   4. equivalence: GPU vs CPU reference within 1e-5 on y, every h_t, hLast (B=64 T=4096 D=64 N=16,
#      both gate ranges, padding, h0, plus edge shapes)  -> equivalence.txt/.json
#   5. compute-sanitizer memcheck + racecheck on the quick cases (if installed)
#   6. benchmark, ours: B=256 T=4096 D=256 N=16, both gate ranges -> bench-statescope-*.txt/.json
#   7. benchmark, PyTorch on the same GPU and shapes -> bench-torch-*.txt/.json
#   8. summary.txt: everything above in one page
# Exit code: 0 when the equivalence check passed, 1 otherwise.
set -u
cd "$(dirname "$0")/.."
OUT=${OUT:-$PWD/gpu-check-out}
mkdir -p "$OUT"
summary=$OUT/summary.txt
: > "$summary"
say() { echo "$@" | tee -a "$summary"; }
section() { say ""; say "== $* =="; }
T0=$(date +%s)

section "1. Java runtime"
if [ ! -f .gpu/jrt.tgz ] || [ ! -f .gpu/statescope-gpu.jar ]; then
  say "missing .gpu/jrt.tgz or .gpu/statescope-gpu.jar: run bash bench/prepare-gpu-carry.sh first and carry .gpu"
  exit 1
fi
rt=${TMPDIR:-/tmp}/statescope-jrt
rm -rf "$rt" && mkdir -p "$rt" && tar -xzf .gpu/jrt.tgz -C "$rt"
JAVA="$rt/jrt/bin/java"
say "$("$JAVA" -version 2>&1 | head -1); $(cat .gpu/manifest.txt 2>/dev/null | head -1)"
run_java() {
  "$JAVA" -Xmx32g --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector \
    -cp .gpu/statescope-gpu.jar "$@"
}

section "2. nvidia-smi"
if command -v nvidia-smi > /dev/null; then
  nvidia-smi > "$OUT/nvidia-smi.txt" 2>&1
  nvidia-smi --query-gpu=name,driver_version,memory.total,clocks.max.memory,clocks.max.sm --format=csv \
    2>&1 | tee -a "$summary"
else
  say "nvidia-smi not found"
fi

section "3. ptxas on the shipped PTX"
ptx=src/main/resources/statescope/ssm/gpu/selective_scan.ptx
if command -v ptxas > /dev/null; then
  arch=$(nvidia-smi --query-gpu=compute_cap --format=csv,noheader 2>/dev/null | head -1 | tr -d '.')
  arch=sm_${arch:-90}
  ptxas -arch="$arch" -v "$ptx" -o /dev/null > "$OUT/ptxas.txt" 2>&1
  say "ptxas -arch=$arch (exit $?): $(grep -c 'Used' "$OUT/ptxas.txt") entry points"
  sed -nE "s/.*Compiling entry function '([^']+)'.*/\1/p; s/.*(Used [0-9]+ registers).*/  \1/p; s/.*[^0-9]([0-9]+ bytes spill stores).*/  \1/p" \
    "$OUT/ptxas.txt" | paste -sd' ' | sed 's/ selective/\nselective/g' | tee -a "$summary"
else
  say "ptxas not found (the driver JIT-compiles the PTX anyway)"
fi

section "4. equivalence: CUDA scan vs CPU reference (tolerance 1e-5, max abs)"
run_java statescope.ssm.gpu.GpuCheck --json "$OUT/equivalence.json" 2>&1 | tee "$OUT/equivalence.txt" | tee -a "$summary"
check_rc=${PIPESTATUS[0]}
say "equivalence exit code: $check_rc (0 agree, 5 mismatch, 2 no usable GPU)"

section "5. compute-sanitizer (quick cases)"
if command -v compute-sanitizer > /dev/null && [ "$check_rc" -ne 2 ]; then
  for tool in memcheck racecheck; do
    timeout 300 compute-sanitizer --tool $tool --print-limit 20 \
      "$JAVA" -Xmx8g --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector \
      -cp .gpu/statescope-gpu.jar statescope.ssm.gpu.GpuCheck --quick > "$OUT/sanitizer-$tool.txt" 2>&1
    say "$tool (exit $?): $(grep -E 'ERROR SUMMARY|RACECHECK SUMMARY' "$OUT/sanitizer-$tool.txt" | tail -1)"
  done
else
  say "compute-sanitizer not found or no GPU: skipped"
fi

section "6. benchmark: StateScope (CUDA kernel, CPU per token)"
for gates in nonnegative signed; do
  run_java statescope.bench.GpuBench --gates $gates --json "$OUT/bench-statescope-$gates.json" \
    > "$OUT/bench-statescope-$gates.txt" 2> "$OUT/bench-statescope-$gates.log"
  say "gates $gates (exit $?):"
  tee -a "$summary" < "$OUT/bench-statescope-$gates.txt"
done

section "7. benchmark: PyTorch on the same GPU"
if command -v python3 > /dev/null && python3 -c "import torch" 2> /dev/null; then
  for gates in nonnegative signed; do
    timeout 400 python3 bench/torch_gpu_scan.py --gates $gates --json "$OUT/bench-torch-$gates.json" \
      > "$OUT/bench-torch-$gates.txt" 2>&1
    say "gates $gates (exit $?):"
    tee -a "$summary" < "$OUT/bench-torch-$gates.txt"
  done
else
  say "python3 with torch not found: skipped"
fi

section "done in $(( $(date +%s) - T0 )) s; files in $OUT"
ls "$OUT" | tee -a "$summary"
[ "$check_rc" -eq 0 ]
