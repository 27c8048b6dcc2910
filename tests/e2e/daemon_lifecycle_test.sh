# The demo configuration starts, answers its probes and the admin API, stops cleanly on SIGTERM
# leaving no PostgreSQL behind, and a second start reuses the cluster.
source "$(dirname "$0")/lib.sh"
copy_demo
export CAISSE_TOKEN
CAISSE_TOKEN=$(cat "$WORK/demo/secrets/operator.token")

start_daemon "$WORK/demo/caissed.toml" first
grep -q "reused=false" "$WORK/first.log" || fail "first start did not create a new cluster"

[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE_URL/healthz")" = 200 ] || fail "/healthz not 200"
[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE_URL/readyz")" = 200 ] || fail "/readyz not 200"
curl -s "$BASE_URL/metrics" | grep -q '^caissed_http_requests_total{' || fail "/metrics has no request counter"
curl -s "$BASE_URL/" | grep -q "Montpellier" || fail "landing page does not name the caisses"

status=$("$CAISSECTL" --url "$BASE_URL" status) || fail "caissectl status failed: $status"
echo "$status" | grep -q "montpellier" || fail "caissectl status does not list montpellier: $status"
echo "$status" | grep -q "nantes-ouest" || fail "caissectl status does not list nantes-ouest: $status"
list=$("$CAISSECTL" --url "$BASE_URL" plugin list) || fail "caissectl plugin list failed"
echo "$list" | grep -q "per_person" || fail "plugin list does not show per_person: $list"
describe=$("$CAISSECTL" --url "$BASE_URL" --json plugin describe per_person) || fail "describe failed"
echo "$describe" | grep -q '"amount_per_person"' || fail "describe does not show the schema: $describe"
echo "$describe" | grep -q '"status":"running"' || fail "describe shows no running instance: $describe"

code=0
CAISSE_TOKEN=wrong "$CAISSECTL" --url "$BASE_URL" status >/dev/null 2>&1 || code=$?
[ "$code" -eq 1 ] || fail "a wrong token should make caissectl exit 1, got $code"

cluster="$WORK/data/postgres"
[ -n "$(postgres_processes_of "$cluster")" ] || fail "no PostgreSQL process for $cluster while running"
stop_daemon
[ -z "$(postgres_processes_of "$cluster")" ] || fail "PostgreSQL still running after SIGTERM"

start_daemon "$WORK/demo/caissed.toml" second
grep -q "reused=true" "$WORK/second.log" || fail "second start did not reuse the cluster"
[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE_URL/readyz")" = 200 ] || fail "/readyz not 200 after restart"
stop_daemon
[ -z "$(postgres_processes_of "$cluster")" ] || fail "PostgreSQL still running after the second SIGTERM"
echo "e2e daemon lifecycle: OK"
