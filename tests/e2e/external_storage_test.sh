# With [storage] url (here through env:) the daemon uses that server instead of an embedded
# cluster: it migrates the database, reports mode "external", starts no PostgreSQL of its own,
# and a second start finds the schema already there. Needs the test server of scripts/test.sh.
source "$(dirname "$0")/lib.sh"
[ -n "${CAISSE_TEST_PG_URL:-}" ] || fail "CAISSE_TEST_PG_URL is not set (run through scripts/test.sh)"
copy_demo
export CAISSE_TOKEN
CAISSE_TOKEN=$(cat "$WORK/demo/secrets/operator.token")

db="e2e_external_$$"
psql "$CAISSE_TEST_PG_URL" -qAt -c "CREATE DATABASE $db" || fail "cannot create database $db"
trap 'psql "$CAISSE_TEST_PG_URL" -qAt -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1; cleanup' EXIT
export CAISSE_E2E_DB_URL="${CAISSE_TEST_PG_URL/dbname=postgres/dbname=$db}"
printf '\n[storage]\nurl = "env:CAISSE_E2E_DB_URL"\n' >>"$WORK/demo/caissed.toml"

start_daemon "$WORK/demo/caissed.toml" external
[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE_URL/readyz")" = 200 ] || fail "/readyz not 200"
status=$("$CAISSECTL" --url "$BASE_URL" --json status) || fail "status failed: $status"
echo "$status" | grep -q '"mode":"external"' || fail "status does not say external: $status"
[ ! -e "$WORK/data/postgres" ] || fail "an embedded cluster was created although url is set"
version=$(psql "$CAISSE_E2E_DB_URL" -qAt -c "SELECT max(version) FROM schema_migrations") \
  || fail "no schema_migrations table in $db"
[ "$version" -ge 1 ] || fail "schema not migrated: version '$version'"
stop_daemon

start_daemon "$WORK/demo/caissed.toml" external-again
grep -q "from_version=$version to_version=$version" "$WORK/external-again.log" \
  || fail "second start did not find the schema in place"
stop_daemon
echo "e2e external storage: OK"
