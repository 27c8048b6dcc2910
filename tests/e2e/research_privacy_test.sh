# What a researcher's token can and cannot read (issue 7: "a researcher token cannot read a name,
# an email, an IBAN or a single household's contribution, and each of those attempts has a
# test"). The demo's Nantes Ouest caisse gets its sample registry, three contributions in October
# (too few households to publish), merchants whose names are people's names, purchases listed by
# the test plugin merchant_currency, and a November cycle computed, approved by the treasurer,
# dispatched and confirmed, so allocations are credited. Then, with the researcher's token, four
# attempts, each its own check, and the pseudonyms: stable for one export key, unlinkable across
# two, never a registry id.
source "$(dirname "$0")/lib.sh"
TEST_PLUGIN_DIR=$6
copy_demo
use_test_database "e2e_research_$$"
caisse=nantes-ouest
data="$WORK/demo/sample-data/$caisse"
exchange="$WORK/demo/exchange/$caisse"
operator=$(cat "$WORK/demo/secrets/operator.token")
treasurer=$(cat "$WORK/demo/secrets/treasurer.token")
researcher=$(cat "$WORK/demo/secrets/researcher.token")
ctl() { CAISSE_TOKEN=$operator "$CAISSECTL" --url "$BASE_URL" "$@"; }
cycle() { ctl cycle "$1" --caisse $caisse --month 2026-11 "${@:2}"; }

add_test_backend $caisse "$TEST_PLUGIN_DIR"
backend="$WORK/backend"
start_daemon "$WORK/demo/caissed.toml" daemon

import_sample_registry "$operator" $caisse
# October: only three households contributed.
{
  echo "reference,date,source,household_id,funder_id,amount"
  for h in H-0001 H-0002 H-0003; do echo "C-2026-10-$h,2026-10-05,contribution,$h,,10.00"; done
} >"$WORK/october.csv"
out=$(ctl import receipts --caisse $caisse "$WORK/october.csv") || fail "import october: $out"

# A market stall carries its holder's name, the first member's.
member_name=$(sed -n '2p' "$data/members.csv" | cut -d, -f3)
cat >"$WORK/merchants.csv" <<CSV
merchant_id,name,accredited,kind,ref:app
M-SHOP,Épicerie du Coin,yes,shop,acc-1
M-PROD,Ferme des Lilas,yes,producer,acc-2
M-STALL,Étal de $member_name,yes,market_stall,acc-3
CSV
out=$(ctl import merchants --caisse $caisse "$WORK/merchants.csv") || fail "import merchants: $out"

# November (2026-11-10T09:00:00Z): 30 households at the shop, 10 at the farm, 2 at the stall.
{
  for n in $(seq 1 30); do printf 'S-%d;H-%04d;acc-1;%d;MNK;1794301200000\n' "$n" "$n" $((1000 + n)); done
  for n in $(seq 1 10); do printf 'P-%d;H-%04d;acc-2;2000;MNK;1794301200000\n' "$n" "$n"; done
  for n in 1 2; do printf 'T-%d;H-%04d;acc-3;500;MNK;1794301200000\n' "$n" "$n"; done
} >"$backend/purchases.txt"
purchases=$(wc -l <"$backend/purchases.txt")
out=$(ctl --json purchases import --caisse $caisse --from 2026-11-01 --to 2026-12-01) ||
  fail "purchases import: $out"
echo "$out" | grep -q "\"instance\":\"app\",\"status\":\"ok\",\"listed\":$purchases" ||
  fail "the purchases were not imported: $out"

# The November cycle, credited: every line confirmed by the currency operator.
out=$(cycle compute) || fail "compute: $out"
out=$(CAISSE_TOKEN=$treasurer "$CAISSECTL" --url "$BASE_URL" cycle approve --caisse $caisse \
  --month 2026-11) || fail "approve: $out"
out=$(cycle dispatch) || fail "dispatch: $out"
{
  echo "operation_id;status;reference;message"
  tail -n +2 "$exchange/outbox/credits.csv" | awk -F';' '{ print $1 ";OK;MNK-" NR ";" }'
} >"$exchange/inbox/confirmation-2026-11.csv"
out=$(cycle reconcile) || fail "reconcile: $out"
cycle status --json | grep -q '"state":"settled"' || fail "the cycle is not settled"

# What the researcher gets.
research() {
  curl -sS -o "$WORK/$1" -w '%{http_code}' -H "Authorization: Bearer $researcher" "$BASE_URL$2"
}
base="/api/v1/caisses/$caisse/research"
[ "$(research tx1.csv "$base/transactions?from=2026-10&to=2026-11&export_key=etude-a")" = 200 ] ||
  fail "transactions: $(cat "$WORK/tx1.csv")"
[ "$(research tx2.csv "$base/transactions?from=2026-10&to=2026-11&export_key=etude-a")" = 200 ] ||
  fail "transactions again: $(cat "$WORK/tx2.csv")"
[ "$(research tx3.csv "$base/transactions?from=2026-10&to=2026-11&export_key=etude-b")" = 200 ] ||
  fail "transactions, other key: $(cat "$WORK/tx3.csv")"
[ "$(research indicators.csv "$base/indicators?from=2026-10&to=2026-11")" = 200 ] ||
  fail "indicators: $(cat "$WORK/indicators.csv")"
[ "$(research dictionary.csv /api/v1/research/dictionary)" = 200 ] ||
  fail "dictionary: $(cat "$WORK/dictionary.csv")"
[ "$(research bad.csv "$base/transactions?from=2026-10&to=2026-11")" = 422 ] ||
  fail "a missing export_key was accepted"
grep -q '"export_key: required' "$WORK/bad.csv" || fail "the missing parameter is not named: $(cat "$WORK/bad.csv")"
exports=("$WORK/tx1.csv" "$WORK/tx3.csv" "$WORK/indicators.csv" "$WORK/dictionary.csv")
headers=$(curl -sS -D - -o /dev/null -H "Authorization: Bearer $researcher" \
  "$BASE_URL$base/indicators?from=2026-10&to=2026-11")
echo "$headers" | grep -qi '^content-type: text/csv; charset=utf-8' || fail "not CSV: $headers"
echo "$headers" | grep -qi "^content-disposition: attachment; filename=\"$caisse-2026-10-2026-11-indicators.csv\"" ||
  fail "no file name: $headers"

# Every route a researcher might try for personal data answers 403 (a typo would be 404).
refused() {
  local what=$1 path
  shift
  for path in "$@"; do
    local code
    code=$(curl -sS -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $researcher" "$BASE_URL$path")
    [ "$code" = 403 ] || fail "$what: $path answered $code to the researcher, not 403"
  done
}
# not_in_exports WHAT FILE_OF_VALUES: no line of the file appears in any research export.
not_in_exports() {
  local what=$1 values=$2 value
  [ -s "$values" ] || fail "$what: no values to look for"
  while IFS= read -r value; do
    [ -n "$value" ] || continue
    if grep -qF -- "$value" "${exports[@]}"; then fail "$what: \"$value\" is in a research export"; fi
  done <"$values"
}
c="/api/v1/caisses/$caisse"
people_routes=("$c/exports/members" "$c/exports/households" "$c/exports/merchants"
  "$c/bank-lines" "$c/merchants" "$c/merchants/M-STALL" "$c/merchants/report?month=2026-11"
  "$c/cycles/2026-11/report" "$c/collections/2026-11" "$c/webhooks/dead" "$c/purchases?month=2026-11")

# (1) A name.
refused "name" "${people_routes[@]}"
tail -n +2 "$data/members.csv" | cut -d, -f3 >"$WORK/names.txt"
echo "Étal de $member_name" >>"$WORK/names.txt"
not_in_exports "name" "$WORK/names.txt"
echo "check 1 (a name): refused"

# (2) An email.
refused "email" "${people_routes[@]}"
tail -n +2 "$data/members.csv" | cut -d, -f4 >"$WORK/emails.txt"
not_in_exports "email" "$WORK/emails.txt"
if grep -q '@' "${exports[@]}"; then fail "email: an address is in a research export"; fi
echo "check 2 (an email): refused"

# (3) An IBAN.
refused "IBAN" "${people_routes[@]}"
tail -n +2 "$data/members.csv" | cut -d, -f5 >"$WORK/ibans.txt"
not_in_exports "IBAN" "$WORK/ibans.txt"
if grep -qE '[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}' "${exports[@]}"; then
  fail "IBAN: something shaped like an IBAN is in a research export"
fi
echo "check 3 (an IBAN): refused"

# (4) A single household's contribution.
refused "contribution" "$c/exports/contributions" "$c/collections/2026-11" \
  "$c/cycles/2026-11/report" "$c/bank-lines" "$c/contribution-suggestion?adults=1" \
  "$c/dashboard/2026-11"
# No published indicator row describes fewer than 5 households.
awk -F, 'NR > 1 && $7 == "false" && $4 < 5 { print; bad = 1 } END { exit bad }' \
  "$WORK/indicators.csv" || fail "contribution: a published row describes fewer than 5 households"
awk -F, 'NR > 1 && $7 == "true" && ($4 != "" || $5 != "") { print; bad = 1 } END { exit bad }' \
  "$WORK/indicators.csv" || fail "contribution: a suppressed row kept its figures"
grep -qx 'contributing_households,2026-10,,,,households,true' "$WORK/indicators.csv" ||
  fail "contribution: October's three contributors are not suppressed: $(cat "$WORK/indicators.csv")"
grep -qx 'contribution_share_of_allocation,2026-10,,,,basis_points,true' "$WORK/indicators.csv" ||
  fail "contribution: October's share is not suppressed"
# November is published: every household of the sample contributed, and each was credited.
households=$(tail -n +2 "$data/households.csv" | wc -l)
grep -qx "contributing_households,2026-11,,$households,$households,households,false" "$WORK/indicators.csv" ||
  fail "November's contributors are not published: $(cat "$WORK/indicators.csv")"
# Share = received × 10000 / credited, at parity 1.00, worked out from the sample files.
received=$(awk -F, '$2 ~ /^2026-11/ && $3 == "contribution" { split($6, a, "."); s += a[1] * 100 + a[2] } END { print s }' "$data/receipts.csv")
credited=$(tail -n +2 "$data/households.csv" | awk -F, '{ n = $2 + $3; s += 10000 + 5000 * (n - 1) } END { print s }')
grep -qx "contribution_share_of_allocation,2026-11,,$households,$((received * 10000 / credited)),basis_points,false" \
  "$WORK/indicators.csv" || fail "November's share is not $((received * 10000 / credited)): $(cat "$WORK/indicators.csv")"
grep -qx "amounts_redistributed,2026-11,,$households,$credited,minor:MNK,false" "$WORK/indicators.csv" ||
  fail "amounts redistributed are not $credited"
# The stall's two customers are hidden, and so is the smallest other kind (the farm, 20000 <
# the shop's 30465), or the stall would be the total minus the others.
grep -qx 'spending_by_merchant_kind,2026-11,market_stall,,,minor:MNK,true' "$WORK/indicators.csv" ||
  fail "the stall's two households are not suppressed"
grep -qx 'spending_by_merchant_kind,2026-11,producer,,,minor:MNK,true' "$WORK/indicators.csv" ||
  fail "no complementary suppression of the farm"
shop=$(( $(seq 1 30 | awk '{ s += 1000 + $1 } END { print s }') ))
grep -qx "spending_by_merchant_kind,2026-11,shop,30,$shop,minor:MNK,false" "$WORK/indicators.csv" ||
  fail "the shop's spending is not $shop"
grep -qx "spending_total,2026-11,,30,$((shop + 20000 + 1000)),minor:MNK,false" "$WORK/indicators.csv" ||
  fail "the month's spending is not $((shop + 21000))"
echo "check 4 (a single household's contribution): refused"

# Pseudonyms: the same key twice gives the same file, another key other pseudonyms, and no
# household id of the registry is in the transactions.
cmp -s "$WORK/tx1.csv" "$WORK/tx2.csv" || fail "the same export key gave other pseudonyms"
[ "$(tail -n +2 "$WORK/tx1.csv" | wc -l)" -eq "$purchases" ] || fail "not one row per purchase"
[ "$(head -n 1 "$WORK/tx1.csv")" = "household,merchant,merchant_kind,day,amount_minor,currency" ] ||
  fail "transactions header: $(head -n 1 "$WORK/tx1.csv")"
tail -n +2 "$WORK/tx1.csv" | cut -d, -f1 | sort -u >"$WORK/p1.txt"
tail -n +2 "$WORK/tx3.csv" | cut -d, -f1 | sort -u >"$WORK/p3.txt"
[ "$(wc -l <"$WORK/p1.txt")" -eq 30 ] || fail "not 30 distinct pseudonyms"
grep -qvE '^h_[0-9a-f]{16}$' "$WORK/p1.txt" && fail "a pseudonym is not h_ and 16 hex digits"
[ -z "$(comm -12 "$WORK/p1.txt" "$WORK/p3.txt")" ] || fail "two export keys share a pseudonym"
tail -n +2 "$data/households.csv" | cut -d, -f1 >"$WORK/ids.txt"
exports=("$WORK/tx1.csv" "$WORK/tx3.csv")
not_in_exports "household id" "$WORK/ids.txt"
grep -q ',2026-11-10,' "$WORK/tx1.csv" || fail "the purchases' day is not 2026-11-10"
stop_daemon
echo "e2e research privacy: OK"
