#!/usr/bin/env bash
# Directory benchmark (issue: the spine): with 100,000 organisations,
#  - import of a 100,000-row CSV: wall time and peak memory (RSS), on SQLite and PostgreSQL;
#  - the list endpoint filtered by NACE prefix and region: p50/p99 latency and requests per
#    second under wrk on loopback, on SQLite and on PostgreSQL.
# Usage: bench/directory.sh [N]   (default 100000). Needs PostgreSQL on 127.0.0.1:5432 (trust).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
OUT=${BENCH_OUT:-bench-out}
mkdir -p "$OUT"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

cargo build --release -q --bin klaster --example gen_orgs
BIN=target/release/klaster
target/release/examples/gen_orgs "$N" > "$OUT/orgs.csv"
echo "data: $N organisations, $(du -h "$OUT/orgs.csv" | cut -f1) of CSV"

URL='/api/v1/organisations?nace=25&region=PL84&limit=50'
PORT=18080

measure() { # $1 = label, rest = klaster global options
  local label=$1; shift
  /usr/bin/time -f "%e s, %M KiB peak RSS" -o "$OUT/import-$label.time" "$BIN" "$@" import "$OUT/orgs.csv" > "$OUT/import-$label.log"
  echo "$label import: $(cat "$OUT/import-$label.time") ($(tail -n 1 "$OUT/import-$label.log"))"
  "$BIN" "$@" serve --bind "127.0.0.1:$PORT" 2> "$OUT/serve-$label.log" &
  local pid=$!
  for _ in $(seq 1 50); do curl -fs "http://127.0.0.1:$PORT/api/v1/organisations?limit=1" >/dev/null && break; sleep 0.2; done
  echo "$label list ($URL): $(curl -s "http://127.0.0.1:$PORT$URL" | head -c 200000 | grep -o '"id":' | wc -l) items on the first page"
  wrk -t2 -c32 -d15s --latency "http://127.0.0.1:$PORT$URL" > "$OUT/wrk-$label.txt"
  grep -E "Requests/sec|^ +50%|^ +99%" "$OUT/wrk-$label.txt" | sed "s/^/$label: /"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

rm -rf "$OUT/sqlite-data"
measure sqlite --data-dir "$OUT/sqlite-data"

psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS klaster_bench WITH (FORCE)" -c "CREATE DATABASE klaster_bench"
measure postgres --data-dir "$OUT/pg-data" --database-url postgres://postgres@127.0.0.1:5432/klaster_bench
