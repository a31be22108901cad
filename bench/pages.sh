#!/usr/bin/env bash
# The HTML pages under load on loopback (issue #4): the home page, the offer search page (a
# query, the same query with a facet, browsing without words) and an offer page, each with
# `wrk` (requests/s, p50/p99) at a few connection counts, its size in bytes and its time to
# first byte (median of single `curl` requests), all with `Accept-Language: pl`.
#
#   bench/pages.sh [N]     # default N = 1000000
#
# Two data sets, both on SQLite, kept under $BENCH_DATA (default /work/tgt/bench-data):
#  - demo: `klaster serve --demo` on a fresh data directory, plus the 24 offers of
#    bench/pages_offers.tsv (8 languages, 3 kinds) published through the JSON API, so the
#    built-in engine translates each into the 11 working languages and the index picks them up
#    from the change log, as in production;
#  - N offers: a copy of the demo database where SQL clones those offers up to N (titles
#    numbered, owners spread over the directory's organisations, each clone keeping its
#    original plus its pl/en/de versions), one change-log row each, then `klaster reindex`.
#    Built once and reused (delete $BENCH_DATA/big$N to rebuild).
#
# Knobs: CONNS="8 32" (wrk connections, 2 threads), SECS=20 (per wrk run), TTFB_RUNS=21,
# PORT=18096, SKIP_DEMO=1 (reuse the demo set if built) / SKIP_BIG=1 / KLASTER_BIN=path (a
# binary built elsewhere, e.g. to compare before and after a change on the same data).
# Results: appended to $BENCH_DATA/results.txt (and printed as a table).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000000}
DATA=${BENCH_DATA:-/work/tgt/bench-data}
CONNS=${CONNS:-"8 32"}
SECS=${SECS:-20}
TTFB_RUNS=${TTFB_RUNS:-21}
PORT=${PORT:-18096}
BASE=http://127.0.0.1:$PORT
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$PWD/target}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk"; exit 1; }
command -v sqlite3 >/dev/null || { echo "sqlite3 is needed: apt-get install sqlite3"; exit 1; }
if [ -z "${KLASTER_BIN:-}" ]; then cargo build --release -q --bin klaster; fi
BIN=${KLASTER_BIN:-$CARGO_TARGET_DIR/release/klaster}
mkdir -p "$DATA"
RESULTS=$DATA/results.txt
OFFERS_TSV=$PWD/bench/pages_offers.tsv
PID=
trap '[ -n "$PID" ] && kill "$PID" 2>/dev/null; true' EXIT

start() { # $1 = data dir, rest = serve options
  local dir=$1; shift
  "$BIN" --data-dir "$dir" serve --bind "127.0.0.1:$PORT" "$@" > "$dir/serve.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 600); do curl -fs "$BASE/api/v1/offers?limit=1" >/dev/null && return; sleep 0.2; done
  echo "the server did not start"; cat "$dir/serve.log"; exit 1
}
stop() { kill "$PID"; wait "$PID" 2>/dev/null || true; PID=; }

# wrk script that asks for a different page each time: the words of the benchmark offers'
# titles (each in its language) on result pages 1-25, and the list without words on pages
# 1-500, in one shuffled cycle of over 1,000 distinct addresses per thread, more than the
# index's result cache holds (512), so these requests are answered by searching.
VARIED=$DATA/varied.lua
python3 - "$OFFERS_TSV" > "$VARIED" <<'PY'
import random, re, sys, urllib.parse
words = set()
for line in open(sys.argv[1], encoding="utf-8"):
    title = line.rstrip("\n").split("\t")[4]
    words.update(w for w in re.findall(r"\w+", title) if len(w) >= 5 and not w.isdigit())
paths = [f"/offers?q={urllib.parse.quote(w)}&offset={k * 20}" for w in sorted(words) for k in range(25)]
paths += [f"/offers?offset={k * 20}" for k in range(500)]
random.Random(4).shuffle(paths)
print("local paths = {" + ",".join('"%s"' % p for p in paths) + "}")
# `setup` runs in the main state and sets the global `id` in each thread's own state, so the
# threads start at different points of the cycle.
print("""local n = 0
local threads = {}
function setup(thread) thread:set("id", #threads); table.insert(threads, thread) end
function init(args) n = (id or 0) * 7919 end
function request()
  n = n + 1
  return wrk.format("GET", paths[(n % #paths) + 1])
end""")
PY

# One page: size, compression, TTFB, then wrk at each connection count. With a wrk script
# as $4, wrk asks for the script's addresses instead (size and TTFB are $3's).
page() { # $1 = data set label, $2 = page label, $3 = path, [$4 = wrk script]
  local set=$1 name=$2 path=$3 script=${4:-}
  local head
  head=$(curl -s -D - -o /dev/null -H 'Accept-Language: pl' -H 'Accept-Encoding: gzip, br' "$BASE$path")
  local code enc bytes
  code=$(echo "$head" | awk 'NR==1{print $2}')
  enc=$(echo "$head" | tr -d '\r' | awk -F': ' 'tolower($1)=="content-encoding"{print $2}')
  bytes=$(curl -s -o /dev/null -w '%{size_download}' -H 'Accept-Language: pl' "$BASE$path")
  local ttfb
  ttfb=$(for _ in $(seq 1 "$TTFB_RUNS"); do
      curl -s -o /dev/null -w '%{time_starttransfer}\n' -H 'Accept-Language: pl' "$BASE$path"
    done | sort -g | awk '{a[NR]=$1} END{printf "%.1f", a[int((NR+1)/2)]*1000}')
  for c in $CONNS; do
    local out
    out=$(wrk -t2 -c"$c" -d"${SECS}s" --latency -H 'Accept-Language: pl' ${script:+-s "$script"} "$BASE$path")
    local rps p50 p99 bad
    rps=$(echo "$out" | awk '/^Requests\/sec/{printf "%.0f", $2}')
    p50=$(echo "$out" | awk '$1=="50%"{print $2}')
    p99=$(echo "$out" | awk '$1=="99%"{print $2}')
    bad=$(echo "$out" | awk '/Non-2xx/{print "NON-2xx:" $NF}')
    # wrk leaves requests slower than its 2 s timeout out of the percentiles: say so.
    local slow
    slow=$(echo "$out" | awk '/Socket errors/{for (i = 1; i < NF; i++) if ($i == "timeout") print $(i + 1)}')
    [ "${slow:-0}" != 0 ] && bad="${bad:+$bad }TIMEOUTS(>2s):$slow"
    printf '%-6s %-14s %4s %7s %8s %9s %9s %7s %9s  %s\n' "$set" "$name" "$c" "$code" "$rps" "$p50" "$p99" \
      "$bytes" "$ttfb" "${enc:-none}${bad:+ $bad}" | tee -a "$RESULTS"
  done
}

measure() { # $1 = data set label, $2 = an offer id
  local set=$1 id=$2
  echo "== $set: $(curl -s "$BASE/api/v1/search?entity=offer&limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])') offers in the index; load: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$RESULTS"
  page "$set" home /
  page "$set" search "/offers?q=obr%C3%B3bka"
  page "$set" search+facet "/offers?q=obr%C3%B3bka&kind=order_handover"
  page "$set" browse /offers
  page "$set" search-varied "/offers?q=konstrukcji&offset=40" "$VARIED"
  page "$set" offer "/offers/$id"
}

printf '\n# %s, %s, N=%s, wrk -t2 -d%ss, TTFB median of %s\n' "$(date -Is)" "$(git rev-parse --short HEAD)" "$N" "$SECS" "$TTFB_RUNS" >> "$RESULTS"
printf '%-6s %-14s %4s %7s %8s %9s %9s %7s %9s  %s\n' set page conns status req/s p50 p99 bytes ttfb_ms encoding | tee -a "$RESULTS"

# --- demo data + 24 offers through the API ---
DEMO=$DATA/demo
if [ -z "${SKIP_DEMO:-}" ] || [ ! -f "$DEMO/offers.done" ]; then
  rm -rf "$DEMO"; mkdir -p "$DEMO"
  start "$DEMO" --demo
  "$BIN" --data-dir "$DEMO" user create --email bench@example.org --role admin >/dev/null 2>&1
  T=$("$BIN" --data-dir "$DEMO" token create --email bench@example.org 2>/dev/null | awk '{print $NF}')
  DB=$DEMO/klaster.db
  mapfile -t ORGS < <(sqlite3 "$DB" "SELECT id FROM organisations ORDER BY id LIMIT 24 OFFSET 20")
  i=0
  while IFS=$'\t' read -r lang kind nace region title desc; do
    BODY=$(LANG_=$lang KIND=$kind NACE=$nace REGION=$region TITLE=$title DESC=$desc ORG=${ORGS[$i]} python3 -c '
import json, os
e = os.environ
kind = e["KIND"]
details = {"kind": kind, "deadline": "2030-06-30"} if kind == "order_handover" else {"kind": kind, "products": [], "target_countries": []}
region = e["REGION"]
print(json.dumps({"organisation_id": int(e["ORG"]), "lang": e["LANG_"], "title": e["TITLE"], "description": e["DESC"],
  "details": details, "nace": [e["NACE"]], "country": "BY" if region == "BY" else "PL",
  "region": None if region == "BY" else region, "expires_on": "2030-06-30"}))')
    ID=$(curl -s -H "Authorization: Bearer $T" -H 'content-type: application/json' -d "$BODY" "$BASE/api/v1/offers" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
    curl -fs -o /dev/null -H "Authorization: Bearer $T" -H 'content-type: application/json' -d '{"action":"submit"}' "$BASE/api/v1/offers/$ID/transitions"
    i=$((i + 1))
  done < "$OFFERS_TSV"
  # Wait for the translations (11 versions each) and the index.
  for _ in $(seq 1 600); do
    t=$(sqlite3 "$DB" "SELECT count(*) FROM offer_texts WHERE status <> 'untranslated'")
    q=$(sqlite3 "$DB" "SELECT count(*) FROM jobs WHERE status IN ('queued', 'running')")
    n=$(curl -s "$BASE/api/v1/search?entity=offer&limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
    [ "$q" = 0 ] && [ "$n" = "$i" ] && break
    sleep 1
  done
  echo "demo: $i offers published, $t language versions" >&2
  touch "$DEMO/offers.done"
else
  start "$DEMO"
fi
DB=$DEMO/klaster.db
measure demo "$(sqlite3 "$DB" "SELECT min(id) FROM offers WHERE status = 'published'")"
stop

# --- N offers ---
[ -n "${SKIP_BIG:-}" ] && exit 0
BIG=$DATA/big$N
if [ ! -f "$BIG/built" ]; then
  rm -rf "$BIG"; mkdir -p "$BIG"
  sqlite3 "$DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
  cp "$DB" "$BIG/"
  BDB=$BIG/$(basename "$DB")
  S=$(sqlite3 "$BDB" "SELECT count(*) FROM offers WHERE status = 'published'")
  M=$((N - S))
  started=$(date +%s)
  sqlite3 "$BDB" <<SQL
PRAGMA journal_mode = WAL;
PRAGMA synchronous = OFF;
PRAGMA cache_size = -400000;
CREATE TEMP TABLE src AS
  SELECT row_number() OVER (ORDER BY id) - 1 AS k, id, kind, status, lang, country, expires_on, data,
         created_at, updated_at, published_at, json_extract(data, '\$.title') AS title
  FROM offers WHERE status = 'published';
CREATE TEMP TABLE firms AS
  SELECT row_number() OVER (ORDER BY id) - 1 AS k, id FROM organisations;
CREATE TEMP TABLE base AS SELECT (SELECT max(id) FROM offers) AS b, (SELECT count(*) FROM firms) AS f;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $M)
INSERT INTO offers (id, organisation_id, kind, status, lang, cluster_id, country, expires_on, data,
                    created_at, updated_at, published_at, version)
SELECT base.b + n.i, firms.id, s.kind, s.status, s.lang, NULL, s.country, s.expires_on,
       json_set(s.data, '\$.title', s.title || ' · ' || n.i, '\$.organisation_id', firms.id),
       s.created_at, s.updated_at, s.published_at, 1
FROM n, base JOIN src s ON s.k = n.i % $S JOIN firms ON firms.k = n.i % base.f;
INSERT INTO offer_texts (offer_id, lang, title, description, status, engine, translated_by, updated_at)
SELECT o.id, t.lang, t.title || ' · ' || (o.id - base.b), t.description, t.status, t.engine, t.translated_by, t.updated_at
FROM base, offers o JOIN src s ON s.k = (o.id - base.b) % $S
JOIN offer_texts t ON t.offer_id = s.id AND (t.lang = s.lang OR t.lang IN ('pl', 'en', 'de'))
WHERE o.id > base.b;
INSERT INTO offer_nace (offer_id, code)
SELECT o.id, x.code FROM base, offers o JOIN src s ON s.k = (o.id - base.b) % $S
JOIN offer_nace x ON x.offer_id = s.id WHERE o.id > base.b;
INSERT INTO offer_regions (offer_id, code)
SELECT o.id, x.code FROM base, offers o JOIN src s ON s.k = (o.id - base.b) % $S
JOIN offer_regions x ON x.offer_id = s.id WHERE o.id > base.b;
INSERT INTO change_log (entity, entity_id, op, at)
SELECT 'offer', o.id, 'upsert', (SELECT at FROM change_log ORDER BY seq DESC LIMIT 1)
FROM base, offers o WHERE o.id > base.b ORDER BY o.id;
COMMIT;
ANALYZE;
PRAGMA wal_checkpoint(TRUNCATE);
SQL
  echo "big$N: $M offers cloned in $(($(date +%s) - started)) s; $(du -h "$BDB" | cut -f1) database" | tee -a "$RESULTS"
  started=$(date +%s)
  "$BIN" --data-dir "$BIG" reindex | tee -a "$RESULTS"
  echo "big$N: reindex took $(($(date +%s) - started)) s; index $(du -sh "$BIG/index" | cut -f1)" | tee -a "$RESULTS"
  touch "$BIG/built"
fi
start "$BIG"
BDB=$BIG/klaster.db
measure "$((N / 1000))k" "$(sqlite3 "$BDB" "SELECT max(id) - $((N / 2)) FROM offers")"
stop
