# The month that examples/demo/README.md walks through, run for real on the demo's Nantes Ouest
# caisse: its sample data imported, the allocations computed by the first_plus_extra plugin,
# approved by a second operator, dispatched through the file_exchange adapter, confirmed by a
# file dropped in the inbox as the currency operator would (one account refused), settled,
# reported and closed, with the ledger's invariants holding at the end.
source "$(dirname "$0")/lib.sh"
copy_demo
use_test_database "e2e_demo_month_$$"
month=2026-11
caisse=nantes-ouest
data="$WORK/demo/sample-data/$caisse"
exchange="$WORK/demo/exchange/$caisse"
operator=$(cat "$WORK/demo/secrets/operator.token")
treasurer=$(cat "$WORK/demo/secrets/treasurer.token")
ctl() { CAISSE_TOKEN=$operator "$CAISSECTL" --url "$BASE_URL" "$@"; }
ctl_treasurer() { CAISSE_TOKEN=$treasurer "$CAISSECTL" --url "$BASE_URL" "$@"; }
cycle() { ctl cycle "$1" --caisse $caisse --month $month "${@:2}"; }
json_field() { sed -n "s/.*\"$1\":\"\\{0,1\\}\\([^\",}]*\\).*/\\1/p" | head -n 1; }

start_daemon "$WORK/demo/caissed.toml" daemon

import_sample_registry "$operator" $caisse
households=$(tail -n +2 "$data/households.csv" | wc -l)

# The export for the committee leaves out names, emails and IBANs.
exported=$(curl -sf -H "Authorization: Bearer $operator" \
  "$BASE_URL/api/v1/caisses/$caisse/exports/members") || fail "export of members failed"
first_iban=$(sed -n '2p' "$data/members.csv" | awk -F, '{ print $5 }')
[ -n "$first_iban" ] || fail "the sample members file has no IBAN in column 5"
case "$exported" in *"$first_iban"* | *@example.org*) fail "the export leaks personal data" ;; esac

# The reste-à-vivre grid (3 %, at least 5.00 a person) for 2 adults and a child declaring
# 2000.00 of income and 1100.00 of fixed costs: 900.00 / 3 = 300.00 a person, 3 % = 9.00, × 3.
out=$(ctl contribution suggest --caisse $caisse --month $month adults=2 children=1 \
  income=2000.00 fixed_costs=1100.00) || fail "contribution suggest: $out"
echo "$out" | grep -q "27.00 EUR a month" || fail "reste_a_vivre_grid did not suggest 27.00: $out"
out=$(ctl contribution suggest --caisse $caisse adults=2 salary=2000 2>&1) &&
  fail "an unknown field was accepted: $out"
echo "$out" | grep -q "salary: unknown field" || fail "the unknown field is not named: $out"
out=$(ctl contribution suggest --caisse montpellier adults=2 2>&1) &&
  fail "montpellier has no grid but suggested: $out"
echo "$out" | grep -q "no contribution_grid rule in force" || fail "no grid, unclear error: $out"

out=$(cycle compute) || fail "compute: $out"
out=$(cycle approve 2>&1) && fail "the operator who computed could approve: $out"
echo "$out" | grep -q "second operator" || fail "self-approval refused without saying why: $out"
out=$(ctl_treasurer cycle approve --caisse $caisse --month $month) || fail "approve: $out"

status=$(cycle status --json) || fail "status failed"
total=$(echo "$status" | json_field total_minor)
[ -n "$total" ] && [ "$total" -gt 0 ] || fail "no total in the cycle status: $status"
# first_plus_extra: 100.00 for the first member, 50.00 for each other, computed from the file.
expected=$(tail -n +2 "$data/households.csv" |
  awk -F, '{ n = $2 + $3; s += 10000 + 5000 * (n - 1) } END { print s }')
[ "$total" -eq "$expected" ] || fail "total $total, first_plus_extra gives $expected"

out=$(cycle dispatch) || fail "dispatch: $out"
credits="$exchange/outbox/credits.csv"
[ -f "$credits" ] || fail "dispatch wrote no $credits"
[ "$(tail -n +2 "$credits" | wc -l)" -eq "$households" ] || fail "credits.csv: not one line per household"
[ "$(head -n 1 "$credits")" = "operation_id;household_id;amount;currency;description" ] ||
  fail "credits.csv header: $(head -n 1 "$credits")"
[ "$(cycle status --json | json_field state)" = dispatched ] || fail "not dispatched"

# The currency operator credits every account but the first, whose account is closed.
refused=$(sed -n '2p' "$credits" | cut -d';' -f1)
{
  echo "operation_id;status;reference;message"
  tail -n +2 "$credits" | awk -F';' -v refused="$refused" '{
    if ($1 == refused) print $1 ";REJECTED;;compte clos";
    else print $1 ";OK;MNK-" NR ";" }'
} >"$exchange/inbox/confirmation-$month.csv"

out=$(cycle reconcile) || fail "reconcile: $out"
status=$(cycle status --json)
[ "$(echo "$status" | json_field state)" = settled ] || fail "not settled: $status"
echo "$status" | grep -q "\"DECLINED\":{\"count\":1," || fail "the refused line is not DECLINED: $status"
echo "$status" | grep -q "\"SUCCEEDED\":{\"count\":$((households - 1))," ||
  fail "the confirmed lines are not SUCCEEDED: $status"

report=$(cycle report) || fail "report: $report"
echo "$report" | grep -q "compte clos" || fail "the report does not say why a line was declined"
out=$(cycle close) || fail "close: $out"
[ "$(cycle status --json | json_field state)" = closed ] || fail "not closed"

check=$(ctl ledger check --caisse $caisse) || fail "ledger check: $check"
echo "$check" | grep -q "OK, 4 invariants hold" || fail "ledger invariants: $check"

# Nothing crossed to the other caisse of the daemon.
other=$(ctl cycle status --caisse montpellier --month $month 2>&1) && fail "montpellier has a cycle: $other"
stop_daemon
echo "e2e demo month: OK ($households households, one declined)"
