#!/usr/bin/env bash
# Time from publishing an offer (Polish) to finding it with a German query, built-in engine, SQLite.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q --bin klaster
BIN=target/release/klaster
D=$(mktemp -d)
$BIN --data-dir $D serve --demo --bind 127.0.0.1:18090 > $D/serve.log 2>&1 &
PID=$!
for _ in $(seq 1 100); do curl -fs http://127.0.0.1:18090/api/v1/offers >/dev/null && break; sleep 0.2; done
$BIN --data-dir $D user create --email a@example.org --role admin >/dev/null 2>&1
T=$($BIN --data-dir $D token create --email a@example.org 2>/dev/null | awk '{print $NF}')
sleep 3  # let the first index sync of the demo data finish
for i in 1 2 3 4 5; do
  ID=$(curl -s -H "Authorization: Bearer $T" -H 'content-type: application/json' -d "{\"organisation_id\": 30, \"lang\":\"pl\",\"title\":\"Zlecenie $i\",\"description\":\"Szukamy podwykonawcy.\",\"details\":{\"kind\":\"order_handover\",\"deadline\":\"2027-03-01\"},\"nace\":[\"25.62\"],\"country\":\"PL\",\"region\":\"PL841\"}" http://127.0.0.1:18090/api/v1/offers | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  start=$(date +%s.%N)
  curl -s -o /dev/null -H "Authorization: Bearer $T" -H 'content-type: application/json' -d '{"action":"submit"}' http://127.0.0.1:18090/api/v1/offers/$ID/transitions
  while true; do
    n=$(curl -s "http://127.0.0.1:18090/api/v1/search?q=Unterauftragnehmer&lang=de&entity=offer&limit=200" | python3 -c "import json,sys; d=json.load(sys.stdin); print(sum(1 for h in d['hits'] if h['id']==$ID))")
    langs=$(curl -s "http://127.0.0.1:18090/api/v1/offers/$ID" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["texts"]))')
    [ "$n" = 1 ] && [ "$langs" = 11 ] && break
    sleep 0.05
  done
  end=$(date +%s.%N)
  echo "offer $ID: searchable in German, 11 language versions after $(python3 -c "print(round($end-$start,2))") s"
done
kill $PID; rm -rf $D
