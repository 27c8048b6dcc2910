#!/usr/bin/env bash
# Webhook ingestion, side by side: the same wrk run (the peers' wrk-webhooks.lua replaying
# requests signed by gen-requests.mjs, Standard Webhooks, distinct ids) against caissed's
# POST /webhooks/{caisse}/{instance} (card plugin, scheme standard_webhooks) and against the Node
# peer webhook-peer-node.mjs (npm standardwebhooks + pg), each with its own database on one
# private PostgreSQL. Both verify the signature, store the event (unique per id) and commit
# before they answer. Prints wrk's figures for both, the ratio, the CPU each side used, and
# checks after each run that what was answered 2xx is in the database.
#
#   bench/webhook_load.sh BUILD_DIR
#
# BUILD_DIR holds caissed and plugins/card.so (this script builds nothing). Environment:
#   DURATION=15s CONNECTIONS=32 THREADS=1  wrk's -d -c -t (the peers' README: -t1 -c32 -d15s)
#   REQUESTS=400000   requests generated (each id sent once unless wrk gets through them all)
#   POOL=16           database connections on both sides (the peer's default is 16)
#   FSYNC=on          the server's fsync: on is durable storage; off is the test suite's setting
#   PERF=1            also profile the receiver during its run (perf record, 499 Hz)
#   KEEP=1            keep the work folder (configs, logs, wrk output)
# docs/performance.md ("Money coming in") has a run's figures and how to read them.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "$0")/lib.sh"

start_bench webhook-bench "$@"
CAISSED=$(need_built host/src/daemon/caissed caissed)
need_built plugins/card.so card >/dev/null
DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-1}
REQUESTS=${REQUESTS:-400000}
POOL=${POOL:-16}
FSYNC=${FSYNC:-on}

need_command wrk wrk
need_command psql postgresql-client
SERVER_PID=""
bench_cleanup_hook() {
  [ -n "$SERVER_PID" ] || return 0
  kill -TERM "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
}

NPM_DIR="$BUILD/bench/npm-peers"
install_peer_packages "$NPM_DIR"
start_bench_postgres "$WORK" "$FSYNC"

# The same secret on both sides: a Standard Webhooks secret is whsec_ + base64 of the key.
SECRET="whsec_$(head -c 24 /dev/urandom | base64)"
export CAISSE_BENCH_WEBHOOK_SECRET="$SECRET"
echo "generating $REQUESTS signed requests"
(cd "$NPM_DIR" && node gen-requests.mjs "$REQUESTS" "$SECRET") >"$WORK/requests.tsv"

# wrk_run NAME URL PATH: one bounded wrk run, its report in $WORK/NAME.wrk.
wrk_run() {
  local name=$1 url=$2 path=$3
  REQS="$WORK/requests.tsv" WPATH="$path" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" \
    -s "$NPM_DIR/wrk-webhooks.lua" --latency "$url" >"$WORK/$name.wrk"
  cat "$WORK/$name.wrk"
}

# wrk_field NAME FIELD: requests (completed), non2xx, rps, p50, p99 from a run's report.
wrk_field() {
  local report="$WORK/$1.wrk"
  case $2 in
    requests) awk '/ requests in / {print $1}' "$report" ;;
    non2xx) awk '/Non-2xx or 3xx responses:/ {n = $NF} END {print n + 0}' "$report" ;;
    rps) awk '/^Requests\/sec:/ {print $2}' "$report" ;;
    p50) awk '$1 == "50%" {print $2}' "$report" ;;
    p99) awk '$1 == "99%" {print $2}' "$report" ;;
  esac
}

# check_stored NAME DB_URL ROWS_SQL DUPLICATES_SQL: the durability check of one run. Every
# request answered 2xx was stored before its answer, so the table holds at least that many
# rows; at most that plus the requests in flight when wrk stopped (answered too late to count).
# As long as wrk did not get through the whole file, no id was sent twice: no duplicates.
check_stored() {
  local name=$1 url=$2 rows_sql=$3 duplicates_sql=$4 answered ok rows duplicates
  answered=$(wrk_field "$name" requests)
  ok=$((answered - $(wrk_field "$name" non2xx)))
  rows=$(psql "$url" -qAt -c "$rows_sql")
  duplicates=$(psql "$url" -qAt -c "$duplicates_sql")
  echo "$name: $answered answered, $ok with 2xx; $rows rows stored, $duplicates duplicates counted"
  [ "$ok" -gt 0 ] || die "$name: no request was answered 2xx (see $WORK/$name.log)"
  [ "$rows" -ge "$ok" ] || die "$name: $ok answered 2xx but only $rows stored"
  [ "$rows" -le $((answered + CONNECTIONS)) ] || die "$name: $rows stored, more than were sent"
  if [ $((answered + CONNECTIONS)) -lt "$REQUESTS" ]; then
    [ "$duplicates" -eq 0 ] || die "$name: $duplicates duplicates although no id was sent twice"
  fi
}

# measured NAME PID DB_URL URL PATH: a wrk run with the CPU used meanwhile by the receiver and
# by PostgreSQL and the WAL written, in $WORK/NAME.cpu as "receiver_ticks postgres_ticks
# wal_bytes", then the statements that took the server's time; with PERF=1, the receiver's
# hottest functions (perf).
measured() {
  local name=$1 pid=$2 db=$3 url=$4 path=$5 pg_before receiver_before wal_before perf_pid=""
  local -a pg_start pg_end
  psql "$db" -qAt -c "SELECT pg_stat_statements_reset()" >/dev/null
  echo "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
  if [ -n "${PERF:-}" ]; then
    need_command perf linux-perf
    perf record -q -F 499 -p "$pid" -o "$WORK/$name.perf" -- sleep "${DURATION%s}" 2>/dev/null &
    perf_pid=$!
  fi
  mapfile -t pg_start < <(postgres_pids)
  pg_before=$(cpu_ticks "${pg_start[@]}")
  receiver_before=$(cpu_ticks "$pid")
  wal_before=$(psql "$db" -qAt -c "SELECT pg_current_wal_lsn()")
  wrk_run "$name" "$url" "$path"
  mapfile -t pg_end < <(postgres_pids)
  echo "$(($(cpu_ticks "$pid") - receiver_before)) $(($(cpu_ticks "${pg_end[@]}") - pg_before))" \
    "$(psql "$db" -qAt -c "SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '$wal_before')::bigint")" \
    >"$WORK/$name.cpu"
  echo "$name: statements by server time (calls | total | mean | statement):"
  statement_report "$db"
  if [ -n "$perf_pid" ]; then
    wait "$perf_pid" || true
    # awk, not head: an early close would fail the pipeline (pipefail) and stop the script.
    echo "$name: where its CPU went (perf, self time by library, then hottest functions):"
    perf report -i "$WORK/$name.perf" --no-children --sort dso 2>/dev/null \
      | awk '/%/ && !/^#/ && n++ < 8 { print substr($0, 1, 100) }'
    perf report -i "$WORK/$name.perf" --no-children --sort dso,symbol 2>/dev/null \
      | awk '/%/ && !/^#/ && n++ < 15 { print substr($0, 1, 140) }'
  fi
}

# --- caissed ---------------------------------------------------------------------------------
export CAISSE_BENCH_DB_URL
CAISSE_BENCH_DB_URL=$(create_bench_database bench_caissed)
cat >"$WORK/caissed.toml" <<EOF
[daemon]
data_dir = "$WORK/data"
caisses = ["bench.toml"]

[log]
level = "info"

[http]
listen = "127.0.0.1:0"

[storage]
url = "env:CAISSE_BENCH_DB_URL"
pool_size = $POOL

[plugins]
dirs = ["$BUILD/plugins"]

[plugins.card]
required = true
EOF
cat >"$WORK/bench.toml" <<'EOF'
[caisse]
id = "bench"
name = "Webhook bench"

[currency]
code = "MONA"
name = "MonA"
parity_eur = "1.00"

[[plugin]]
instance = "psp"
plugin = "card"
[plugin.config]
scheme = "standard_webhooks"
secret = "env:CAISSE_BENCH_WEBHOOK_SECRET"
EOF
"$CAISSED" --config "$WORK/caissed.toml" >"$WORK/caissed.out" 2>"$WORK/caissed.log" &
SERVER_PID=$!
for _ in $(seq 1 600); do
  grep -q "caissed is ready: open " "$WORK/caissed.out" 2>/dev/null && break
  kill -0 "$SERVER_PID" 2>/dev/null || { tail -n 20 "$WORK/caissed.log" >&2; die "caissed exited before it was ready"; }
  sleep 0.1
done
CAISSED_URL=$(sed -n 's|.*open \(http://[^/]*\)/.*|\1|p' "$WORK/caissed.out" | head -n 1)
[ -n "$CAISSED_URL" ] || die "caissed was not ready after 60 s"

echo "=== caissed $CAISSED_URL/webhooks/bench/psp (pool $POOL, fsync $FSYNC)"
measured caissed "$SERVER_PID" "$CAISSE_BENCH_DB_URL" "$CAISSED_URL" /webhooks/bench/psp
check_stored caissed "$CAISSE_BENCH_DB_URL" "SELECT count(*) FROM inbound_events" \
  "SELECT coalesce(sum(duplicates), 0) FROM inbound_events"
echo "caissed: notifications by state after the run (the processor reads them in the background):"
psql "$CAISSE_BENCH_DB_URL" -qAt -F ' ' -c "SELECT state, attempts, count(*), left(coalesce(min(last_error), ''), 100)
  FROM inbound_events GROUP BY 1, 2 ORDER BY 1, 2"
kill -TERM "$SERVER_PID"
wait "$SERVER_PID" || die "caissed exited with $? after SIGTERM"
SERVER_PID=""

# --- the Node peer ---------------------------------------------------------------------------
NODE_DB_URL=$(create_bench_database bench_node)
NODE_PG="postgresql://caissed@localhost/bench_node?host=$BENCH_PG_DIR"
PORT=$(free_port)
node "$NPM_DIR/webhook-peer-node.mjs" "$PORT" "$NODE_PG" "$SECRET" "$POOL" >"$WORK/node.log" 2>&1 &
SERVER_PID=$!
wait_for_port "$PORT" "$SERVER_PID"
echo "=== Node peer http://127.0.0.1:$PORT/webhooks/bench/psp (pool $POOL, fsync $FSYNC)"
measured node "$SERVER_PID" "$NODE_DB_URL" "http://127.0.0.1:$PORT" /webhooks/bench/psp
check_stored node "$NODE_DB_URL" "SELECT count(*) FROM inbound_events" "SELECT 0"
kill -TERM "$SERVER_PID"
wait "$SERVER_PID" 2>/dev/null || true
SERVER_PID=""

# --- side by side ----------------------------------------------------------------------------
TICKS=$(getconf CLK_TCK)
echo
echo "| receiver | webhooks/s | p50 | p99 | answered (non-2xx) | CPU µs/webhook: receiver | PostgreSQL | WAL bytes/webhook |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for name in caissed node; do
  read -r receiver pg wal <"$WORK/$name.cpu"
  awk -v n="$name" -v rps="$(wrk_field $name rps)" -v p50="$(wrk_field $name p50)" \
    -v p99="$(wrk_field $name p99)" -v done="$(wrk_field $name requests)" \
    -v bad="$(wrk_field $name non2xx)" -v r="$receiver" -v pg="$pg" -v hz="$TICKS" -v wal="$wal" \
    'BEGIN { printf "| %s | %.0f | %s | %s | %d (%d) | %.0f | %.0f | %.0f |\n", n, rps, p50, p99,
             done, bad, r / hz * 1e6 / done, pg / hz * 1e6 / done, wal / done }'
done
awk -v a="$(wrk_field caissed rps)" -v b="$(wrk_field node rps)" \
  'BEGIN { printf "ratio caissed / Node peer: %.2f (webhooks per second, same run)\n", a / b }'
