# The admin API against its contract, docs/api/openapi.json: the daemon started on the demo finds
# no route the file lacks and no operation no route serves (it logs api_contract_mismatch
# otherwise), and every role boundary the file states holds on the real daemon
# (role_matrix.mjs: 401 without a token, 403 for each role not listed, through for each listed,
# every POST refused without an Idempotency-Key before it changes anything).
source "$(dirname "$0")/lib.sh"
copy_demo
use_test_database "e2e_api_contract_$$"
caisse=nantes-ouest
data="$WORK/demo/sample-data/$caisse"
operator=$(cat "$WORK/demo/secrets/operator.token")
ctl() { CAISSE_TOKEN=$operator "$CAISSECTL" --url "$BASE_URL" "$@"; }

start_daemon "$WORK/demo/caissed.toml" daemon

# The contract is checked once every route is in, before the daemon says it is ready.
grep -q "event=api_contract_checked" "$WORK/daemon.log" || fail "the daemon did not check its routes"
if grep -q "api_contract_mismatch" "$WORK/daemon.log"; then
  grep "api_contract_mismatch" "$WORK/daemon.log" >&2
  fail "the daemon's routes and docs/api/openapi.json disagree"
fi

# Data for the routes to read: the sample registry and a computed month.
import_sample_registry "$operator" $caisse
out=$(ctl cycle compute --caisse $caisse --month 2026-11) || fail "compute: $out"
before=$(ctl cycle status --caisse $caisse --month 2026-11 --json) || fail "cycle status failed"

# GET /api/v1/me names the token and its role.
me=$(curl -sf -H "Authorization: Bearer $operator" "$BASE_URL/api/v1/me") || fail "GET /api/v1/me failed"
[ "$me" = '{"name":"demo-operator","role":"operator"}' ] || fail "GET /api/v1/me answered $me"

node "$SOURCE_DIR/tests/e2e/role_matrix.mjs" "$BASE_URL" "$SOURCE_DIR/docs/api/openapi.json" \
  "$WORK/demo/secrets" "$data/members.csv" >"$WORK/role_matrix.out" 2>&1 || {
  cat "$WORK/role_matrix.out" >&2
  fail "a role boundary does not hold"
}
tail -n 1 "$WORK/role_matrix.out"

# Every POST was refused before it changed anything: the month is as it was.
after=$(ctl cycle status --caisse $caisse --month 2026-11 --json) || fail "cycle status failed"
[ "$before" = "$after" ] || fail "the cycle changed during the role matrix: $before -> $after"
grep -q "api_contract_mismatch" "$WORK/daemon.log" && fail "api_contract_mismatch logged"
stop_daemon
echo "api contract and role boundaries: ok"
