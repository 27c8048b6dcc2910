# The demo's Montpellier caisse credited through Cyclos: the real caissed with the cyclos adapter,
# talking HTTP to the Cyclos test peer (a separate process) that loses one answer in five after
# committing the payment, cuts connections, breaks bodies and expires sessions. The operator's
# month (import, compute, approve, dispatch, reconcile until settled) ends with exactly one
# payment per household at Cyclos, accounts opened for households that had none, and the ledger
# in agreement. Arguments: lib.sh's five, then the cyclos_peer executable.
source "$(dirname "$0")/lib.sh"
PEER=${6:?the cyclos_peer executable}
copy_demo
use_test_database "e2e_cyclos_month_$$"
month=2026-11
caisse=montpellier
data="$WORK/demo/sample-data/$caisse"
operator=$(cat "$WORK/demo/secrets/operator.token")
treasurer=$(cat "$WORK/demo/secrets/treasurer.token")
ctl() { CAISSE_TOKEN=$operator "$CAISSECTL" --url "$BASE_URL" "$@"; }
cycle() { ctl cycle "$1" --caisse $caisse --month $month "${@:2}"; }
json_field() { sed -n "s/.*\"$1\":\"\\{0,1\\}\\([^\",}]*\\).*/\\1/p" | head -n 1; }

# Faults that leave a payment findable at once; those that need lost_after_seconds (a request
# that never arrived) are covered by tests/adapters/cyclos/cyclos_cycle_test with a fake clock.
export CAISSE_CYCLOS_TOKEN=e2e-access-client
"$PEER" --port-file "$WORK/cyclos.port" --token "$CAISSE_CYCLOS_TOKEN" --currency MONA \
  --fault-rate 20 --seed 11 --hold-ms 800 \
  --faults drop_after_commit,timeout_after_commit,malformed_after_commit,logged_out \
  >"$WORK/cyclos_peer.log" 2>&1 &
PEER_PID=$!
trap "kill $PEER_PID 2>/dev/null || true; psql \"\$CAISSE_TEST_PG_URL\" -qAt -c 'DROP DATABASE IF EXISTS e2e_cyclos_month_$$' >/dev/null 2>&1; cleanup" EXIT
for _ in $(seq 1 100); do [ -s "$WORK/cyclos.port" ] && break; sleep 0.1; done
[ -s "$WORK/cyclos.port" ] || fail "the Cyclos peer did not start"
cyclos="http://127.0.0.1:$(cat "$WORK/cyclos.port")"

# Montpellier's currency runs on Cyclos instead of files.
printf '\n[plugins.cyclos]\nrequired = true\n' >>"$WORK/demo/caissed.toml"
sed -i 's/^adapter = "monnaie"/adapter = "cyclos"/' "$WORK/demo/caisses/$caisse.toml"
cat >>"$WORK/demo/caisses/$caisse.toml" <<TOML

[[plugin]]
instance = "cyclos"
plugin = "cyclos"
http_allow = ["$cyclos"]
[plugin.config]
base_url = "$cyclos/api"
access_client_token = "env:CAISSE_CYCLOS_TOKEN"
currency = "MONA"
payment_type = "debit.toUser"
household_field = "caisse_household"
operation_field = "caisse_operation"
member_group = "consumers"
timeout_ms = 400
TOML

start_daemon "$WORK/demo/caissed.toml" daemon
import_sample_registry "$operator" $caisse
households=$(tail -n +2 "$data/households.csv" | wc -l)

out=$(cycle compute) || fail "compute: $out"
out=$(CAISSE_TOKEN=$treasurer "$CAISSECTL" --url "$BASE_URL" cycle approve --caisse $caisse \
  --month $month) || fail "approve: $out"
state=""
for round in $(seq 1 60); do
  out=$(cycle dispatch 2>&1) || fail "dispatch (round $round): $out"
  out=$(cycle reconcile 2>&1) || fail "reconcile (round $round): $out"
  state=$(cycle status --json | json_field state)
  [ "$state" = settled ] && break
done
[ "$state" = settled ] ||
  fail "not settled after 60 rounds: $(cycle status --json) $(cycle report --json | grep -o "\"status\":\"UNKNOWN\"[^}]*" | head -5)"

# Exactly one payment per household, and the peer really failed some calls.
transfers=$(curl -sf "$cyclos/_peer/transfers") || fail "cannot read the peer's transfers"
operations=$(echo "$transfers" | grep -o "\"caisse_operation\":\"alloc/$caisse/$month/[^\"]*" | sort)
[ "$(echo "$operations" | wc -l)" -eq "$households" ] ||
  fail "$(echo "$operations" | wc -l) payments for $households households"
[ -z "$(echo "$operations" | uniq -d)" ] || fail "paid twice: $(echo "$operations" | uniq -d)"
grep -q "event=plugin_http_failed status=UNKNOWN_OUTCOME" "$WORK/daemon.log" ||
  fail "no answer was lost: the peer injected no fault"
users=$(curl -sf "$cyclos/_peer/users") || fail "cannot read the peer's users"
[ "$(echo "$users" | grep -o '"household":"[^"]\+"' | sort -u | wc -l)" -eq "$households" ] ||
  fail "not one account per household: $users"

check=$(ctl ledger check --caisse $caisse) || fail "ledger check: $check"
echo "$check" | grep -q "OK, 4 invariants hold" || fail "ledger invariants: $check"
stop_daemon
echo "e2e cyclos month: OK ($households households, paid once each through faults)"
