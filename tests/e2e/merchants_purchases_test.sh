# The committee's merchant list and the purchases made at merchants, through the real caissed and
# caissectl: the demo's Nantes Ouest caisse gets a second currency instance, merchant_currency
# (tests/host/plugins/test_plugins), whose backend is a file of purchases and a file where the
# pushed merchant list lands; its file_exchange instance has neither hook. A merchants import
# pushes the list, a malformed one changes nothing, a suspension reaches the backend, purchases
# are imported once however often they are asked for, the report flags those made at a
# suspended or unknown merchant, and the month's bonus (Vital'im-like: half the purchases at the
# bonus merchant) is computed from them and sent once, with its due date.
source "$(dirname "$0")/lib.sh"
TEST_PLUGIN_DIR=$6
copy_demo
use_test_database "e2e_merchants_$$"
caisse=nantes-ouest
operator=$(cat "$WORK/demo/secrets/operator.token")
ctl() { CAISSE_TOKEN=$operator "$CAISSECTL" --url "$BASE_URL" "$@"; }

add_test_backend $caisse "$TEST_PLUGIN_DIR"
backend="$WORK/backend"
printf '\n[plugins.tagged_purchases_bonus]\nrequired = true\n' >>"$WORK/demo/caissed.toml"

cat >>"$WORK/demo/caisses/$caisse.toml" <<'TOML'

[[plugin]]
instance = "bonus-2026"
plugin = "tagged_purchases_bonus"
[plugin.config]
rate_bp = 5000
cap_per_month = 2500

[[rules.bonus]]
from = "2026-01"
instance = "bonus-2026"

[bonus]
pay_within_days = 10
TOML

start_daemon "$WORK/demo/caissed.toml" daemon
# The sample registry, whose receipts fund the bonus.
import_sample_registry "$operator" $caisse

cat >"$WORK/merchants.csv" <<'CSV'
merchant_id,name,accredited,bonus,ref:app
M-001,Épicerie du Coin,yes,yes,acc-1
M-002,Boulangerie Martin,yes,yes,acc-2
CSV
out=$(ctl import merchants --caisse $caisse "$WORK/merchants.csv") || fail "import merchants: $out"
echo "$out" | grep -q "2 inserted" || fail "merchants not inserted: $out"
echo "$out" | grep -q "app *ok *2" || fail "the list was not pushed to app: $out"
echo "$out" | grep -q "moneko *unsupported" || fail "file_exchange not reported unsupported: $out"
[ "$(cat "$backend/synced.txt")" = "$(printf 'M-001;Épicerie du Coin;acc-1;yes\nM-002;Boulangerie Martin;acc-2;yes')" ] ||
  fail "the backend did not get the list: $(cat "$backend/synced.txt")"

# A malformed file names its line and column, and changes nothing.
printf 'merchant_id,name,accredited,ref:app\nM-001,Épicerie du Coin,no,acc-1\nM-003,Primeur,oui,acc-3\n' \
  >"$WORK/bad-merchants.csv"
out=$(ctl import merchants --caisse $caisse "$WORK/bad-merchants.csv" 2>&1) && fail "a bad file was imported: $out"
echo "$out" | grep -q 'bad-merchants.csv:3: column accredited: "oui" is not one of yes, no' ||
  fail "the bad line is not named: $out"
grep -q "M-001;Épicerie du Coin;acc-1;yes" "$backend/synced.txt" || fail "a refused file changed the backend"

# The committee suspends the bakery: the backend hears it at once.
printf 'merchant_id,name,accredited,ref:app\nM-002,Boulangerie Martin,no,acc-2\n' >"$WORK/suspend.csv"
out=$(ctl import merchants --caisse $caisse "$WORK/suspend.csv") || fail "suspension: $out"
grep -q "M-002;Boulangerie Martin;acc-2;no" "$backend/synced.txt" || fail "the suspension was not pushed"
out=$(ctl merchants sync --caisse $caisse) || fail "merchants sync: $out"
echo "$out" | grep -q "app *ok *2" || fail "sync did not push to app: $out"

# November at the app: one purchase at each merchant and one at a shop nobody told caissed of.
{
  echo "T-1;H-0001;acc-1;1250;MNK;1794301200000"  # 2026-11-10T09:00:00Z
  echo "T-2;H-0002;acc-2;800;MNK;1795199400000"   # 2026-11-20T18:30:00Z
  echo "T-3;H-0002;acc-9;500;MNK;1795199400000"
} >"$backend/purchases.txt"
for round in first second; do
  out=$(ctl --json purchases import --caisse $caisse --from 2026-11-01 --to 2026-12-01) ||
    fail "purchases import ($round): $out"
  case $round in
    first) echo "$out" | grep -q '"instance":"app","status":"ok","listed":3,"new":3,"already_known":0' ||
      fail "first import did not store the 3 purchases: $out" ;;
    second) echo "$out" | grep -q '"instance":"app","status":"ok","listed":3,"new":0,"already_known":3' ||
      fail "second import did not find them known: $out" ;;
  esac
  echo "$out" | grep -q '"instance":"moneko","status":"unsupported"' || fail "moneko not unsupported: $out"
done

report=$(ctl --json purchases report --caisse $caisse --month 2026-11) || fail "purchases report: $report"
echo "$report" | grep -q '"totals":{"purchases":3,"amount_minor":2550,"households":2,' ||
  fail "wrong totals: $report"
echo "$report" | grep -q '"external_ref":"T-2"[^}]*"reason":"merchant suspended"' ||
  fail "the purchase at the suspended bakery is not flagged: $report"
echo "$report" | grep -q '"external_ref":"T-3"[^}]*"reason":"unknown merchant"' ||
  fail "the purchase at the unknown shop is not flagged: $report"
echo "$report" | grep -q '"external_ref":"T-1"' && fail "an accredited purchase is flagged: $report"
text=$(ctl purchases report --caisse $caisse --month 2026-11) || fail "purchases report (text)"
echo "$text" | grep -q "flagged: 2 purchases, 13.00 MNK" || fail "text report: $text"

exported=$(curl -sf -H "Authorization: Bearer $operator" \
  "$BASE_URL/api/v1/caisses/$caisse/exports/merchants") || fail "export of merchants failed"
[ "$(echo "$exported" | head -n 1)" = "merchant_id,name,accredited,bonus,kind,location,account_opened,documents_received,qr_issued,ref:moneko,ref:app" ] ||
  fail "export header: $exported"
# The bonus: only T-1 counts (the bakery is suspended, the third shop unknown): 12.50 × 50 %.
treasurer=$(cat "$WORK/demo/secrets/treasurer.token")
out=$(ctl bonus compute --caisse $caisse --month 2026-11) || fail "bonus compute: $out"
out=$(CAISSE_TOKEN=$treasurer "$CAISSECTL" --url "$BASE_URL" bonus approve --caisse $caisse \
  --month 2026-11) || fail "bonus approve: $out"
for round in first second; do
  out=$(ctl bonus dispatch --caisse $caisse --month 2026-11) || fail "bonus dispatch ($round): $out"
done
status=$(ctl --json bonus status --caisse $caisse --month 2026-11) || fail "bonus status: $status"
echo "$status" | grep -q '"kind":"bonus"' || fail "not a bonus cycle: $status"
echo "$status" | grep -q '"total_minor":625' || fail "the bonus is not 6.25: $status"
echo "$status" | grep -q '"due_on":"2026-12-10"' || fail "wrong due date: $status"
credits=$(cat "$WORK"/demo/exchange/$caisse/outbox/*.csv)
[ "$(echo "$credits" | grep -c "^bonus/$caisse/2026-11/H-0001;")" -eq 1 ] ||
  fail "the bonus was not written once: $credits"
stop_daemon
echo "e2e merchants and purchases: OK"
