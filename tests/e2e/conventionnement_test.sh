# Conventionnement through the real caissed and caissectl: the demo's Nantes Ouest caisse pays in
# Moneko through files written the Kohinos way (a file-mode adapter whose accredited-merchant
# file lists only the accredited), plus a cyclos instance against the Cyclos test peer that moves
# merchants between an accredited and a suspended group. The committee imports its merchants,
# records a visit scored with the Nantes grid, accredits, then suspends: the peer moves the
# merchant to the suspended group, the file no longer lists it, and a purchase imported
# afterwards is flagged. A visit on grid 2025-1 still scores the same once 2026-1 replaced it.
# Arguments: lib.sh's five, then the cyclos_peer executable.
source "$(dirname "$0")/lib.sh"
PEER=${6:?the cyclos_peer executable}
copy_demo
use_test_database "e2e_conventionnement_$$"
caisse=nantes-ouest
config="$WORK/demo/caisses/$caisse.toml"
grids="$WORK/demo/caisses/grids"
exchange="$WORK/demo/exchange/$caisse"
operator=$(cat "$WORK/demo/secrets/operator.token")
committee=$(cat "$WORK/demo/secrets/committee.token")
ctl() { CAISSE_TOKEN=$operator "$CAISSECTL" --url "$BASE_URL" "$@"; }
board() { CAISSE_TOKEN=$committee "$CAISSECTL" --url "$BASE_URL" "$@"; }
peer_group() {  # the group of the peer's user $1
  curl -sf "$cyclos/_peer/users" | grep -o "\"username\":\"$1\",\"group\":\"[^\"]*\"" |
    sed 's/.*"group":"//; s/"$//'
}

export CAISSE_CYCLOS_TOKEN=e2e-access-client
"$PEER" --port-file "$WORK/cyclos.port" --token "$CAISSE_CYCLOS_TOKEN" --currency MNK \
  --groups consumers,merchants,merchants_suspended --fault-rate 0 >"$WORK/cyclos_peer.log" 2>&1 &
PEER_PID=$!
trap "kill $PEER_PID 2>/dev/null || true; psql \"\$CAISSE_TEST_PG_URL\" -qAt -c 'DROP DATABASE IF EXISTS e2e_conventionnement_$$' >/dev/null 2>&1; cleanup" EXIT
for _ in $(seq 1 100); do [ -s "$WORK/cyclos.port" ] && break; sleep 0.1; done
[ -s "$WORK/cyclos.port" ] || fail "the Cyclos peer did not start"
cyclos="http://127.0.0.1:$(cat "$WORK/cyclos.port")"
for user in epicerie boulangerie; do
  curl -sf -X POST "$cyclos/_peer/users" \
    -d "{\"name\":\"$user\",\"group\":\"merchants_suspended\",\"username\":\"$user\"}" >/dev/null ||
    fail "cannot add the merchant $user to the peer"
done

# The Moneko instance writes its files the Kohinos way; a cyclos instance joins it; the grids.
mkdir -p "$exchange/import" "$grids"
cp "$SOURCE_DIR/examples/grids/nantes-2025.toml" "$grids/"
sed -i 's/^plugin = "file_exchange"/plugin = "kohinos"/' "$config"
sed -i "s|^inbox_dir = \"$exchange/inbox\"|&\nimport_dir = \"$exchange/import\"\ncurrency = \"MNK\"|" "$config"
printf '\n[plugins.cyclos]\nrequired = true\n\n[plugins.kohinos]\nrequired = true\n' >>"$WORK/demo/caissed.toml"
sed -i "s|^\[\[rules.allocation\]\]|[[plugin]]\ninstance = \"cyclos\"\nplugin = \"cyclos\"\nhttp_allow = [\"$cyclos\"]\n[plugin.config]\nbase_url = \"$cyclos/api\"\naccess_client_token = \"env:CAISSE_CYCLOS_TOKEN\"\ncurrency = \"MNK\"\npayment_type = \"debit.toUser\"\nhousehold_field = \"caisse_household\"\noperation_field = \"caisse_operation\"\naccreditation = \"group\"\naccredited_group = \"merchants\"\nsuspended_group = \"merchants_suspended\"\n\n&|" \
  "$config"
printf '\n[accreditation]\ngrids_dir = "grids"\n' >>"$config"

start_daemon "$WORK/demo/caissed.toml" daemon
for kind in households members; do
  out=$(ctl import "$kind" --caisse $caisse "$WORK/demo/sample-data/$caisse/$kind.csv") ||
    fail "import $kind: $out"
done

cat >"$WORK/merchants.csv" <<'CSV'
merchant_id,name,accredited,kind,location,ref:moneko,ref:cyclos
M-0031,Épicerie vrac,no,shop,Chantenay,KOH-31,epicerie
M-0040,Boulangerie bio,no,producer,Bellevue,KOH-40,boulangerie
CSV
out=$(ctl merchant add --caisse $caisse "$WORK/merchants.csv") || fail "merchant add: $out"
echo "$out" | grep -q "2 inserted" || fail "merchants not inserted: $out"
out=$(ctl merchant list --caisse $caisse) || fail "merchant list: $out"
echo "$out" | grep -q "M-0031 *shop *not_accredited *no *complete *Épicerie vrac" ||
  fail "merchant list: $out"

# The visit of docs/accreditation-grids.md, on grid 2025-1: 44 of 84 points (52.3 %), accredited.
visit="$SOURCE_DIR/examples/grids/evaluations/nantes-epicerie-vrac.toml"
code=0
out=$(board evaluation record --caisse $caisse --grid 2026-1 "$visit" 2>&1) || code=$?
[ $code -eq 2 ] || fail "a grid mismatch did not exit 2 ($code): $out"
echo "$out" | grep -q 'grid_version "2025-1" is not the --grid 2026-1' || fail "mismatch: $out"
out=$(board evaluation record --caisse $caisse --grid 2025-1 "$visit") || fail "evaluation: $out"
echo "$out" | grep -q "^evaluation [0-9]* recorded: merchant M-0031, 2025-09-20, grid nantes 2025-1" ||
  fail "evaluation: $out"
echo "$out" | grep -q "outcome: accredited, 44/84 points (52.3 %)" || fail "score: $out"
evaluation=$(echo "$out" | sed -n 's/^evaluation \([0-9]*\) .*/\1/p')

out=$(board decision record --caisse $caisse M-0031 --decision accredit --method vote --for 9 \
  --against 2 --abstain 1 --decided-on 2026-10-01 --next-evaluation 2027-09-01 \
  --evaluation "$evaluation" --note "Comité d'octobre") || fail "accredit: $out"
echo "$out" | grep -q "M-0031 *yes *yes *accredited" || fail "accredit changed no gate: $out"
echo "$out" | grep -q "cyclos *ok" || fail "accredit not pushed to cyclos: $out"
[ "$(peer_group epicerie)" = merchants ] || fail "cyclos group after accredit: $(peer_group epicerie)"
grep -q "KOH-31;Épicerie vrac;M-0031" "$exchange/outbox/accredited-merchants.csv" ||
  fail "accredited file: $(cat "$exchange/outbox/accredited-merchants.csv")"

out=$(board decision record --caisse $caisse M-0031 --decision suspend --method consensus \
  --decided-on 2026-11-20 --note "Hygiène") || fail "suspend: $out"
echo "$out" | grep -q "M-0031 *no *yes *suspended" || fail "suspend changed no gate: $out"
[ "$(peer_group epicerie)" = merchants_suspended ] ||
  fail "cyclos group after suspend: $(peer_group epicerie)"
grep -q "M-0031" "$exchange/outbox/accredited-merchants.csv" &&
  fail "the suspended merchant is still listed: $(cat "$exchange/outbox/accredited-merchants.csv")"

# A purchase at the suspended shop, imported afterwards, is flagged.
printf 'Date;Identifiant;Type;Expéditeur;Destinataire;Montant\n20/11/2026 10:15;KT-1;Transaction adhérent prestataire;H-0001;KOH-31;12,50\n' \
  >"$exchange/import/export-novembre.csv"
# (cyclos lists no purchases here: it answers unsupported, which is not a failure.)
out=$(ctl --json purchases import --caisse $caisse --from 2026-11-01 --to 2026-12-01) ||
  fail "purchases import: $out"
echo "$out" | grep -q '"instance":"moneko","status":"ok","listed":1,"new":1' ||
  fail "purchases import: $out"
report=$(board --json merchant report --caisse $caisse --month 2026-11) || fail "report: $report"
echo "$report" | grep -q '"external_ref":"KT-1"[^}]*"reason":"merchant suspended"' ||
  fail "the purchase at the suspended shop is not flagged: $report"
text=$(board merchant report --caisse $caisse --month 2026-11) || fail "report (text): $text"
echo "$text" | grep -q "flagged: 1 purchase, 12.50 MNK" || fail "text report: $text"

# The committee adopts grid 2026-1 (the folder no longer holds 2025-1): a new visit scores with
# it, and the first visit still scores 44/84 with the 2025-1 text stored with it.
rm "$grids/nantes-2025.toml"
cp "$SOURCE_DIR/examples/grids/nantes-2026.toml" "$grids/"
out=$(board evaluation record --caisse $caisse --grid 2026-1 \
  "$SOURCE_DIR/examples/grids/evaluations/nantes-boulangerie.toml") || fail "2026 visit: $out"
echo "$out" | grep -q "grid nantes 2026-1" || fail "2026 visit: $out"
shown=$(board merchant show --caisse $caisse M-0031) || fail "merchant show: $shown"
echo "$shown" | grep -q "^ *$evaluation *2025-09-20 *nantes *2025-1 *R-005,R-061 *accredited *44/84 points (52.3 %)" ||
  fail "the 2025-1 visit does not score as it did: $shown"
echo "$shown" | grep -q "standing: suspended; may be paid: no" || fail "merchant show: $shown"
stop_daemon
echo "e2e conventionnement: OK"
