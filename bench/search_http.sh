#!/usr/bin/env bash
# Search over HTTP on loopback: `klaster serve` answering /api/v1/search from a large index
# (built by crates/search/examples/index_bench.rs: N offers in 11 languages + N/10 organisations),
# under wrk with a mix of typical queries with filters.
#
#   bench/search_http.sh [N]        # default N = 1000000; the index is kept in $IDX for reruns
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000000}
IDX=${IDX:-/work/tgt/search-bench/idx$N}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$PWD/target}
cargo build --release -q -p klaster-cli --bin klaster -p klaster-search --example index_bench
BIN=$CARGO_TARGET_DIR/release/klaster
if [ ! -f "$IDX/meta.json" ]; then
  mkdir -p "$IDX"
  /usr/bin/time -v "$CARGO_TARGET_DIR/release/examples/index_bench" --offers "$N" --orgs $((N / 10)) --dir "$IDX" \
    2> "$IDX.build.time" | tee "$IDX.build.log"
  grep -E "Elapsed|Maximum resident" "$IDX.build.time"
fi
du -sh "$IDX"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk"; exit 1; }
D=$(mktemp -d)
ln -s "$IDX" "$D/index"
$BIN --data-dir "$D" serve --bind 127.0.0.1:18095 > "$D/serve.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; rm -rf "$D"' EXIT
for _ in $(seq 1 300); do curl -fs "http://127.0.0.1:18095/api/v1/search?q=x" >/dev/null && break; sleep 0.2; done
cat > "$D/mix.lua" <<'LUA'
-- typical portal searches: words in several languages with filters, browsing, organisations
local paths = {
  "/api/v1/search?q=obr%C3%B3bka&lang=pl&country=PL&entity=offer&limit=20",
  "/api/v1/search?q=machining%20steel&lang=en&nace=25&limit=20",
  "/api/v1/search?q=Bearbeitung&lang=de&region=PL8&sort=deadline&limit=20",
  "/api/v1/search?q=%D0%BE%D0%B1%D1%80%D0%B0%D0%B1%D0%BE%D1%82%D0%BA%D0%B0%20%D0%BC%D0%B0%D1%88%D0%B8%D0%BD%D0%B0&lang=ru&limit=20",
  "/api/v1/search?nace=C&country=PL&sort=newest&entity=offer&limit=20",
  "/api/v1/search?q=cluster&lang=en&entity=organisation&limit=20",
  "/api/v1/search?q=welding&lang=en&kind=cooperation,supply&region=PL84,BY&limit=20",
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
LUA
for p in $(grep -o '"/api[^"]*"' "$D/mix.lua" | tr -d '"'); do
  printf '%-110s %s\n' "$p" "$(curl -s -o /dev/null -w '%{http_code} %{size_download} B %{time_total} s' "http://127.0.0.1:18095$p")"
done
wrk -t2 -c${CONNS:-8} -d${SECS:-30}s --latency -s "$D/mix.lua" http://127.0.0.1:18095
