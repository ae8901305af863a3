#!/usr/bin/env bash
# The geometry benchmark of docs/benchmarks.md, in one invocation: makes the synthetic
# GPT-2-small-sized run (12 checkpoints x 13 layers x 4096 tokens x 768, float16) with its npy
# twin if absent, times Shapescope's grid (no cache), the numpy/scikit-learn reference and the
# PyTorch script (torch_reference.py) on the same values, compares the numbers, and prints the ratios,
# with each kernel's rate as a fraction of one thread's SGEMM (sgemm_peak.py) measured in the same run.
# usage: app/bench/grid_benchmark.sh [WORKDIR]   (needs app/target/shapescope.jar, Debian python3-numpy/-sklearn/-torch)
#   HIDDEN=2048 CHECKPOINTS=6 LAYERS=25 app/bench/grid_benchmark.sh /work/bench-2048   for the d 2048 workload
#   SKIP_NUMPY=1 leaves out the numpy/scikit-learn reference (about 10 minutes at d 2048)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jar="$here/../target/shapescope.jar"
work="${1:-/tmp/shapescope-bench}"
workers="${WORKERS:-2}"
threads="${THREADS:-1}"
mkdir -p "$work"
if [ ! -d "$work/gpt2-synth" ]; then
  java -jar "$jar" bench make-run "$work/gpt2-synth" --npy "$work/gpt2-synth-npy" --hidden "${HIDDEN:-768}" \
    --checkpoints "${CHECKPOINTS:-12}" --layers "${LAYERS:-13}"
fi
peak=$(/usr/bin/python3 "$here/sgemm_peak.py" --inner "${HIDDEN:-768}")
echo "peak: $peak"
sgemm=$(echo "$peak" | sed -n 's/^sgemm \([0-9.]*\) .*/\1/p')
ours=$( { OPENBLAS_NUM_THREADS=${OPENBLAS_NUM_THREADS:-1} /usr/bin/time -f "max RSS %M kB" java -Xmx1g -jar "$jar" bench grid "$work/gpt2-synth" --workers "$workers" --threads "$threads" --out "$work/ours.csv" --sgemm-peak "$sgemm"; } 2>&1 )
echo "shapescope: $ours"
if [ "${SKIP_NUMPY:-0}" = 1 ]; then
  ref="numpy/scikit-learn reference skipped (SKIP_NUMPY=1)"
else
  ref=$(/usr/bin/python3 "$here/reference_grid.py" "$work/gpt2-synth-npy" "$work/reference.csv")
  /usr/bin/python3 "$here/compare_grids.py" "$work/ours.csv" "$work/reference.csv" || true
fi
echo "$ref"
torch_out=$(/usr/bin/python3 "$here/torch_reference.py" "$work/gpt2-synth-npy" "$work/torch.csv" "$((workers * threads))")
echo "$torch_out"
/usr/bin/python3 "$here/compare_grids.py" "$work/ours.csv" "$work/torch.csv" || true
t_ours=$(echo "$ours" | sed -n 's/.*wall \([0-9.]*\) s.*/\1/p')
t_ref=$(echo "$ref" | sed -n 's/.*wall \([0-9.]*\) s.*/\1/p')
t_torch=$(echo "$torch_out" | sed -n 's/.*wall \([0-9.]*\) s.*/\1/p')
[ -n "$t_ref" ] && python3 -c "print(f'ratio: numpy/scikit-learn time / shapescope time = {float(\"$t_ref\")/float(\"$t_ours\"):.2f}')"
python3 -c "print(f'ratio: pytorch script time / shapescope time = {float(\"$t_torch\")/float(\"$t_ours\"):.2f}')"
