#!/usr/bin/env bash
# Time from publishing an offer (Polish) to finding it with a German query in every process,
# with all 11 language versions made by the built-in engine.
#
#   bench/publish_to_search.sh            # SQLite, one `klaster serve`
#   ENGINE=postgres bench/publish_to_search.sh
#       # PostgreSQL (PGURL, default postgres://postgres@127.0.0.1:5432), two `klaster serve`
#       # processes with their own search indexes; published through the first, searched in both
#   BASE_INDEX=/work/tgt/search-bench/idx1000000 bench/publish_to_search.sh
#       # each process starts from a copy of a large index (bench/search_http.sh builds one:
#       # 1,000,000 offers in 11 languages), so publishing meets a full-size index
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q --bin klaster
BIN=$PWD/target/release/klaster
ENGINE=${ENGINE:-sqlite}
D=$(mktemp -d)
PIDS=()
cleanup() { kill "${PIDS[@]}" 2>/dev/null || true; rm -rf "$D"; }
trap cleanup EXIT

if [ "$ENGINE" = postgres ]; then
  PGURL=${PGURL:-postgres://postgres@127.0.0.1:5432}
  DB=klaster_bench_$$
  psql "$PGURL/postgres" -q -c "CREATE DATABASE $DB"
  trap 'cleanup; psql "$PGURL/postgres" -q -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)"' EXIT
  export KLASTER_DATABASE_URL="$PGURL/$DB"
  $BIN --data-dir "$D/a" demo > /dev/null
  PORTS=(18090 18091)
  for i in 0 1; do
    mkdir -p "$D/$i"
    [ -n "${BASE_INDEX:-}" ] && cp -r "$BASE_INDEX" "$D/$i/index"
    $BIN --data-dir "$D/$i" serve --bind 127.0.0.1:${PORTS[$i]} > "$D/serve$i.log" 2>&1 &
    PIDS+=($!)
  done
  ADMIN_DIR="$D/0"
else
  PORTS=(18090)
  mkdir -p "$D/0"
  [ -n "${BASE_INDEX:-}" ] && cp -r "$BASE_INDEX" "$D/0/index"
  $BIN --data-dir "$D/0" serve --demo --bind 127.0.0.1:18090 > "$D/serve0.log" 2>&1 &
  PIDS+=($!)
  ADMIN_DIR="$D/0"
fi
for p in "${PORTS[@]}"; do
  for _ in $(seq 1 300); do curl -fs "http://127.0.0.1:$p/api/v1/offers" >/dev/null && break; sleep 0.2; done
done
$BIN --data-dir "$ADMIN_DIR" user create --email a@example.org --role admin >/dev/null 2>&1
T=$($BIN --data-dir "$ADMIN_DIR" token create --email a@example.org 2>/dev/null | awk '{print $NF}')
sleep 10  # let the first index sync of the demo data finish
A=http://127.0.0.1:${PORTS[0]}
for i in 1 2 3 4 5; do
  ID=$(curl -s -H "Authorization: Bearer $T" -H 'content-type: application/json' -d "{\"organisation_id\": 30, \"lang\":\"pl\",\"title\":\"Zlecenie $i $$\",\"description\":\"Szukamy podwykonawcy.\",\"details\":{\"kind\":\"order_handover\",\"deadline\":\"2099-03-01\"},\"nace\":[\"25.62\"],\"country\":\"PL\",\"region\":\"PL841\"}" "$A/api/v1/offers" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  start=$(date +%s.%N)
  curl -s -o /dev/null -H "Authorization: Bearer $T" -H 'content-type: application/json' -d '{"action":"submit"}' "$A/api/v1/offers/$ID/transitions"
  line="offer $ID:"
  for p in "${PORTS[@]}"; do
    while true; do
      n=$(curl -s "http://127.0.0.1:$p/api/v1/search?q=Unterauftragnehmer&lang=de&entity=offer&sort=newest&limit=50" | python3 -c "import json,sys; d=json.load(sys.stdin); print(sum(1 for h in d['hits'] if h['id']==$ID))")
      langs=$(curl -s "http://127.0.0.1:$p/api/v1/offers/$ID" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["texts"]))')
      [ "$n" = 1 ] && [ "$langs" = 11 ] && break
      sleep 0.05
    done
    line="$line process :$p $(python3 -c "print(round($(date +%s.%N)-$start,2))") s;"
  done
  echo "$line searchable in German with 11 language versions ($ENGINE)"
done
