#!/usr/bin/env bash
# Benchmark of the analytics engine against Python ecomplexity and a NumPy pipeline.
# Synthetic data (seeded generator, examples/gen_synthetic.rs): 3,000 regions x 1,000
# industries x 10 years, written OUTSIDE the repository (default /work/tgt/bench).
#
#   crates/analytics/bench/run_bench.sh            # everything (about 3 minutes + pip install)
#   SKIP_PEERS=1 crates/analytics/bench/run_bench.sh
#
# Prints one JSON line per run and a summary; peak memory from /usr/bin/time -v.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
OUT="${OUT:-/work/tgt/bench}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/work/tgt/analytics}"
mkdir -p "$OUT"
cd "$root"
cargo build -q --release -p klaster-analytics --example bench --example gen_synthetic
bin="$CARGO_TARGET_DIR/release/examples"
[ -f "$OUT/syn_3000x1000x10.csv" ] || "$bin/gen_synthetic" "$OUT/syn_3000x1000x10.csv" 3000 1000 10 99
[ -f "$OUT/syn_3000x1000x1.csv" ] || "$bin/gen_synthetic" "$OUT/syn_3000x1000x1.csv" 3000 1000 1 99
results="$OUT/results.jsonl"
: > "$results"

run() { # label, command...
  local label="$1"; shift
  /usr/bin/time -v "$@" > "$OUT/run.json" 2> "$OUT/time.txt"
  local rss wall user sys
  rss=$(awk -F': ' '/Maximum resident/ {print $2}' "$OUT/time.txt")
  wall=$(awk -F'): ' '/Elapsed/ {print $2}' "$OUT/time.txt")
  user=$(awk -F': ' '/User time/ {print $2}' "$OUT/time.txt")
  sys=$(awk -F': ' '/System time/ {print $2}' "$OUT/time.txt")
  echo "{\"run\":\"$label\",\"wall\":\"$wall\",\"user_s\":$user,\"sys_s\":$sys,\"peak_rss_kB\":$rss,\"load\":\"$(cut -d' ' -f1-3 /proc/loadavg)\",\"result\":$(tail -1 "$OUT/run.json")}" | tee -a "$results"
}

# REPEAT=n runs each Klaster measurement n times (the machine may be shared: take the best)
for _ in $(seq "${REPEAT:-1}"); do
run klaster_full_1y "$bin/bench" "$OUT/syn_3000x1000x1.csv" full "$OUT/klaster_indices_1y.csv"
run klaster_full_10y "$bin/bench" "$OUT/syn_3000x1000x10.csv" full
run klaster_complexity_1y "$bin/bench" "$OUT/syn_3000x1000x1.csv" complexity
run klaster_complexity_10y "$bin/bench" "$OUT/syn_3000x1000x10.csv" complexity
done

if [ -z "${SKIP_PEERS:-}" ]; then
  if [ ! -x "$OUT/venv/bin/python" ]; then
    python3 -m venv "$OUT/venv"
    "$OUT/venv/bin/pip" install -q ecomplexity==0.5.3 pandas numpy scipy scikit-learn
  fi
  run python_ecomplexity_1y "$OUT/venv/bin/python" "$here/peers.py" "$OUT/syn_3000x1000x1.csv" "$OUT/klaster_indices_1y.csv" ecomplexity
  run python_numpy_1y "$OUT/venv/bin/python" "$here/peers.py" "$OUT/syn_3000x1000x1.csv" "$OUT/klaster_indices_1y.csv" numpy
  run python_numpy_10y "$OUT/venv/bin/python" "$here/peers.py" "$OUT/syn_3000x1000x10.csv" "$OUT/klaster_indices_1y.csv" numpy
fi
echo "results in $results"
