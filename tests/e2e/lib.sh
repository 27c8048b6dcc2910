# Shared helpers of the end-to-end tests: a copy of the demo territory in a temp dir pointing at
# the built plugins, a daemon started in the background, and assertions that say what failed.
set -euo pipefail

CAISSED=$1
CAISSECTL=$2
PLUGIN_DIR=$3
SOURCE_DIR=$4
PEER_PLUGIN_DIR=${5:-}  # test peers standing in for external systems (tests/peers)

WORK=$(mktemp -d /tmp/caisse-e2e.XXXXXX)
chmod 0755 "$WORK"  # the embedded PostgreSQL runs as `postgres` when we are root
DAEMON_PID=""

cleanup() {
  if [ -n "$DAEMON_PID" ] && kill -0 "$DAEMON_PID" 2>/dev/null; then
    kill -TERM "$DAEMON_PID" 2>/dev/null || true
    wait "$DAEMON_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

fail() {
  echo "FAIL: $*" >&2
  for f in "$WORK"/*.log; do [ -f "$f" ] && { echo "--- $f" >&2; tail -n 40 "$f" >&2; }; done
  exit 1
}

# Copies examples/demo to $WORK/demo with the plugin directory and the currency operator's
# exchange folders made absolute (the daemon runs from another directory than scripts/demo.sh).
copy_demo() {
  cp -r "$SOURCE_DIR/examples/demo" "$WORK/demo"
  rm -rf "$WORK/demo/data" "$WORK/demo/exchange"
  sed -i "s|^dirs = .*|dirs = [\"$PLUGIN_DIR\"]|" "$WORK/demo/caissed.toml"
  sed -i "s|\"exchange/|\"$WORK/demo/exchange/|" "$WORK"/demo/caisses/*.toml
  mkdir -p "$WORK"/demo/exchange/{montpellier,nantes-ouest}/{outbox,inbox}
}

# start_daemon CONFIG LOG [extra args]: starts caissed on an ephemeral port, waits for its
# "ready" line and sets BASE_URL.
start_daemon() {
  local config=$1 log=$2
  shift 2
  "$CAISSED" --config "$config" --listen 127.0.0.1:0 --data-dir "$WORK/data" "$@" \
    >"$WORK/$log.out" 2>"$WORK/$log.log" &
  DAEMON_PID=$!
  for _ in $(seq 1 600); do
    if grep -q "caissed is ready: open " "$WORK/$log.out" 2>/dev/null; then
      BASE_URL=$(sed -n 's|.*open \(http[s]*://[^/]*\)/.*|\1|p' "$WORK/$log.out" | head -n 1)
      return 0
    fi
    kill -0 "$DAEMON_PID" 2>/dev/null || fail "caissed exited before it was ready"
    sleep 0.1
  done
  fail "caissed was not ready after 60 s"
}

stop_daemon() {
  kill -TERM "$DAEMON_PID"
  local code=0
  wait "$DAEMON_PID" || code=$?
  DAEMON_PID=""
  [ "$code" -eq 0 ] || fail "caissed exited with $code after SIGTERM"
}

# use_test_database NAME: a fresh database NAME on the test server of scripts/test.sh, dropped
# on exit, its URL in CAISSE_E2E_DB_URL for a config's `[storage] url = "env:CAISSE_E2E_DB_URL"`.
use_test_database() {
  local db=$1
  [ -n "${CAISSE_TEST_PG_URL:-}" ] || fail "CAISSE_TEST_PG_URL is not set (run through scripts/test.sh)"
  psql "$CAISSE_TEST_PG_URL" -qAt -c "CREATE DATABASE $db" || fail "cannot create database $db"
  trap "psql \"\$CAISSE_TEST_PG_URL\" -qAt -c 'DROP DATABASE IF EXISTS $db' >/dev/null 2>&1; cleanup" EXIT
  export CAISSE_E2E_DB_URL="${CAISSE_TEST_PG_URL/dbname=postgres/dbname=$db}"
  printf '\n[storage]\nurl = "env:CAISSE_E2E_DB_URL"\n' >>"$WORK/demo/caissed.toml"
}

postgres_processes_of() {
  pgrep -f -- "-D $1" || true
}

# add_test_backend CAISSE PLUGIN_DIR: gives the copied demo's CAISSE a second currency instance,
# "app", of the test plugin merchant_currency (tests/host/plugins/test_plugins, built into
# PLUGIN_DIR): it lists the purchases of $WORK/backend/purchases.txt and writes the merchant
# list it is pushed to $WORK/backend/synced.txt. Call it after copy_demo, before start_daemon.
add_test_backend() {
  local caisse=$1 plugin_dir=$2
  mkdir -p "$WORK/backend"
  sed -i "s|^dirs = \[\(.*\)\]|dirs = [\1, \"$plugin_dir\"]|" "$WORK/demo/caissed.toml"
  printf '\n[plugins.merchant_currency]\nrequired = true\n' >>"$WORK/demo/caissed.toml"
  # The instance goes among the other [[plugin]] blocks, before the rules.
  sed -i "s|^\[\[rules.allocation\]\]|[[plugin]]\ninstance = \"app\"\nplugin = \"merchant_currency\"\n[plugin.config]\npurchases_file = \"$WORK/backend/purchases.txt\"\nsynced_file = \"$WORK/backend/synced.txt\"\n\n&|" \
    "$WORK/demo/caisses/$caisse.toml"
}

# import_sample_registry TOKEN CAISSE: the copied demo's sample registry of CAISSE (households,
# members, contributions, funders, receipts) imported through caissectl with TOKEN, in the order
# their references need; fails naming the file that was refused.
import_sample_registry() {
  local token=$1 caisse=$2 kind out
  for kind in households members contributions funders receipts; do
    out=$(CAISSE_TOKEN=$token "$CAISSECTL" --url "$BASE_URL" import "$kind" --caisse "$caisse" \
      "$WORK/demo/sample-data/$caisse/$kind.csv") || fail "import $kind into $caisse: $out"
  done
}
