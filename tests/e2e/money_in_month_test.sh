# A month of money coming in, through the real caissed, caissectl and plugins: the demo's
# Nantes Ouest caisse gets a SEPA collector (sepa), a statement reader (camt) and a card PSP
# sending Standard Webhooks (card). Six households: four pay by direct debit, one by transfer,
# one by card. The direct debits are drafted, written as a pain.008 (checked against the official
# XSD when the shared folder is there) and submitted; the bank rejects two (AC04, AM04) in a
# pain.002; its camt.053 brings the batch credit, the CCAS's grant, the transfer, the return of a
# debit (MD06) and its fees; the same statement again changes nothing; the fees are ignored by an
# operator and the ledger holds. Then a card payment arrives signed, again (a duplicate), and
# forged (401), and is booked once. Every expected figure is worked out by hand in the comments.
source "$(dirname "$0")/lib.sh"
copy_demo
use_test_database "e2e_money_in_$$"
caisse=nantes-ouest
month=2026-11
operator=$(cat "$WORK/demo/secrets/operator.token")
ctl() { CAISSE_TOKEN=$operator "$CAISSECTL" --url "$BASE_URL" "$@"; }
SHARED=$(cd "$SOURCE_DIR/.." && pwd)/shared

# The card PSP's signing secret: whsec_ and the base64 of 24 random bytes.
openssl rand -out "$WORK/card.key" 24
secret_hex=$(od -An -v -tx1 "$WORK/card.key" | tr -d ' \n')
export CARD_SECRET="whsec_$(base64 -w0 "$WORK/card.key")"

for plugin in sepa camt card; do
  printf '\n[plugins.%s]\nrequired = true\n' $plugin >>"$WORK/demo/caissed.toml"
done
cat >>"$WORK/demo/caisses/$caisse.toml" <<'TOML'

[[plugin]]
instance = "sepa"
plugin = "sepa"
[plugin.config]
creditor_name = "Caisse commune Nantes Ouest"
creditor_iban = "FR7630006000011234567890189"
creditor_id = "FR72ZZZ123456"

[[plugin]]
instance = "bank"
plugin = "camt"

[[plugin]]
instance = "card"
plugin = "card"
[plugin.config]
scheme = "standard_webhooks"
secret = "env:CARD_SECRET"
TOML

start_daemon "$WORK/demo/caissed.toml" daemon

# 1. The registry and the mandates. Contributions in cents: H-101 2500, H-102 1200, H-103 4000,
# H-104 850 by direct debit; H-105 3000 by transfer; H-106 2500 by card. IBANs: bank 30006,
# branch 00001, account 101..104, RIB key and check digits worked out as french_iban() does.
cat >"$WORK/households.csv" <<'CSV'
household_id,adults,children,joined_via,joined_on,left_on
H-101,1,0,self,2026-01-01,
H-102,1,0,self,2026-01-01,
H-103,2,1,ccas,2026-01-01,
H-104,1,2,self,2026-01-01,
H-105,1,0,association,2026-01-01,
H-106,2,0,self,2026-01-01,
CSV
cat >"$WORK/contributions.csv" <<'CSV'
household_id,amount,method,lock_in_months,from
H-101,25.00,sepa_debit,0,2026-11
H-102,12.00,sepa_debit,0,2026-11
H-103,40.00,sepa_debit,0,2026-11
H-104,8.50,sepa_debit,0,2026-11
H-105,30.00,transfer,0,2026-11
H-106,25.00,card,0,2026-11
CSV
cat >"$WORK/funders.csv" <<'CSV'
funder_id,name,kind,earmark,pledged_amount,note
ccas-nantes,CCAS de Nantes,public,allocations,36500.00,convention 2026
CSV
cat >"$WORK/mandates.csv" <<'CSV'
mandate_id,household_id,name,iban,bic,signed_on
RUM-101,H-101,Alice Martin,FR7630006000010000000010143,,2026-10-01
RUM-102,H-102,Bruno Petit,FR7630006000010000000010240,,2026-10-01
RUM-103,H-103,Chloé Durand,FR7630006000010000000010337,,2026-10-01
RUM-104,H-104,Djamel Moreau,FR7630006000010000000010434,,2026-10-01
CSV
for kind in households contributions funders; do
  out=$(ctl import $kind --caisse $caisse "$WORK/$kind.csv") || fail "import $kind: $out"
done
out=$(ctl mandates import --caisse $caisse "$WORK/mandates.csv") || fail "mandates import: $out"
[ "$out" = "mandates: 4 lines in the file; 4 inserted, 0 updated, 0 amended, 0 replaced, 0 unchanged" ] ||
  fail "mandates import: $out"
echo "$out" | grep -q "Martin\|FR76" && fail "a name or an IBAN was printed: $out"

# 2. The direct debits: 25.00 + 12.00 + 40.00 + 8.50 = 85.50 in 4 debits.
out=$(ctl collection draft --caisse $caisse --month $month --date 2026-12-05 --collector sepa) ||
  fail "collection draft: $out"
echo "$out" | grep -q "^direct-debit run $month ($caisse-202611-SDD): 4 debits, 4 added" ||
  fail "collection draft: $out"
ctl collection file --caisse $caisse --month $month --out "$WORK/sdd.xml" >"$WORK/file.out" ||
  fail "collection file: $(cat "$WORK/file.out")"
grep -q "written to $WORK/sdd.xml" "$WORK/file.out" || fail "collection file: $(cat "$WORK/file.out")"
grep -q "<NbOfTxs>4</NbOfTxs>" "$WORK/sdd.xml" || fail "not 4 debits in the file"
grep -q "<CtrlSum>85.50</CtrlSum>" "$WORK/sdd.xml" || fail "the file's control sum is not 85.50"
grep -q "<MsgId>$caisse-202611-SDD</MsgId>" "$WORK/sdd.xml" || fail "the file's MsgId"
if [ -f "$SHARED/reference/xsd/pain.008.001.02.xsd" ]; then
  xmllint --noout --schema "$SHARED/reference/xsd/pain.008.001.02.xsd" "$WORK/sdd.xml" \
    2>"$WORK/xmllint.txt" || fail "the pain.008 does not validate: $(cat "$WORK/xmllint.txt")"
fi
# The file is frozen: asked again (to standard output) it is the same bytes.
ctl collection file --caisse $caisse --month $month >"$WORK/sdd-again.xml" || fail "file again"
cmp -s "$WORK/sdd.xml" "$WORK/sdd-again.xml" || fail "the second file differs from the first"
out=$(ctl collection submitted --caisse $caisse --month $month) || fail "submitted: $out"
[ "$out" = "direct-debit run $month: submitted" ] || fail "submitted: $out"

# 3. The bank rejects H-102 (account closed) and H-103 (insufficient funds).
cat >"$WORK/pain002.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.03"><CstmrPmtStsRpt>
<GrpHdr><MsgId>BANK-RPT-1</MsgId><CreDtTm>2026-12-03T05:00:00</CreDtTm></GrpHdr>
<OrgnlGrpInfAndSts><OrgnlMsgId>$caisse-202611-SDD</OrgnlMsgId><OrgnlMsgNmId>pain.008.001.02</OrgnlMsgNmId><GrpSts>PART</GrpSts></OrgnlGrpInfAndSts>
<OrgnlPmtInfAndSts><OrgnlPmtInfId>$caisse-202611-SDD-FRST</OrgnlPmtInfId><PmtInfSts>PART</PmtInfSts>
<TxInfAndSts><StsId>S1</StsId><OrgnlEndToEndId>$caisse-202611-H-102</OrgnlEndToEndId><TxSts>RJCT</TxSts><StsRsnInf><Rsn><Cd>AC04</Cd></Rsn></StsRsnInf></TxInfAndSts>
<TxInfAndSts><StsId>S2</StsId><OrgnlEndToEndId>$caisse-202611-H-103</OrgnlEndToEndId><TxSts>RJCT</TxSts><StsRsnInf><Rsn><Cd>AM04</Cd></Rsn></StsRsnInf></TxInfAndSts>
</OrgnlPmtInfAndSts></CstmrPmtStsRpt></Document>
XML
out=$(ctl --json payment-report import --caisse $caisse --instance sepa "$WORK/pain002.xml") ||
  fail "payment-report import: $out"
echo "$out" | grep -q '"new_events":2' || fail "the report's 2 rejects are not new: $out"
out=$(ctl payment-report import --caisse $caisse --instance sepa "$WORK/pain002.xml") ||
  fail "payment-report import again: $out"
echo "$out" | grep -q "^pain002.xml: 2 event(s), 0 new" || fail "the report again: $out"
# AC04 left H-102's mandate waiting for bank details: the account was reopened, the operator
# reinstates it. H-103's member withdraws theirs; a revoked mandate cannot be reinstated.
out=$(ctl mandates reinstate --caisse $caisse H-102) || fail "reinstate: $out"
[ "$out" = "mandate RUM-102 of household H-102: active" ] || fail "reinstate: $out"
out=$(ctl mandates revoke --caisse $caisse H-103) || fail "revoke: $out"
[ "$out" = "mandate RUM-103 of household H-103: revoked" ] || fail "revoke: $out"
code=0
out=$(ctl mandates reinstate --caisse $caisse H-103 2>&1) || code=$?
[ "$code" -eq 1 ] && echo "$out" | grep -q "HTTP 409" || fail "a revoked mandate reinstated: $out"

# 4. The statement: the batch credit for what was not rejected (H-101 + H-104 = 25.00 + 8.50 =
# 33.50), the CCAS's 3,000.00, H-105's 30.00, H-104's 8.50 back (MD06) and 4.20 of fees.
# Money in 33.50 + 3,000.00 + 30.00 = 3,063.50; out 8.50 + 4.20 = 12.70.
entry() {  # REF CENTS_AS_EUROS CRDT|DBIT DATE DETAILS
  echo "<Ntry><Amt Ccy=\"EUR\">$2</Amt><CdtDbtInd>$3</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>$4</Dt></BookgDt><AcctSvcrRef>$1</AcctSvcrRef><BkTxCd/><NtryDtls><TxDtls>$5</TxDtls></NtryDtls></Ntry>"
}
{
  echo '<?xml version="1.0" encoding="UTF-8"?>'
  echo '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>'
  echo '<GrpHdr><MsgId>STMT-2026-12</MsgId><CreDtTm>2026-12-10T18:00:00</CreDtTm></GrpHdr>'
  echo '<Stmt><Id>STMT-1</Id><CreDtTm>2026-12-10T18:00:00</CreDtTm>'
  echo '<Acct><Id><IBAN>FR7630006000011234567890189</IBAN></Id><Ccy>EUR</Ccy></Acct>'
  entry R1 33.50 CRDT 2026-12-05 "<RmtInf><Ustrd>REMISE PRLV SEPA $caisse-202611-SDD</Ustrd></RmtInf>"
  entry R2 3000.00 CRDT 2026-12-06 "<RltdPties><Dbtr><Nm>CCAS DE NANTES</Nm></Dbtr></RltdPties><RmtInf><Ustrd>Subvention novembre</Ustrd></RmtInf>"
  entry R3 30.00 CRDT 2026-12-07 "<RmtInf><Ustrd>COTISATION H-105 NOVEMBRE</Ustrd></RmtInf>"
  entry R4 8.50 DBIT 2026-12-09 "<Refs><EndToEndId>$caisse-202611-H-104</EndToEndId></Refs><RtrInf><Rsn><Cd>MD06</Cd></Rsn></RtrInf>"
  entry R5 4.20 DBIT 2026-12-10 "<RmtInf><Ustrd>FRAIS TENUE DE COMPTE</Ustrd></RmtInf>"
  echo '</Stmt></BkToCstmrStmt></Document>'
} >"$WORK/releve-2026-12.xml"
out=$(ctl statement import --caisse $caisse --instance bank "$WORK/releve-2026-12.xml") ||
  fail "statement import: $out"
[ "$out" = "$(printf '%s\n%s' \
  "releve-2026-12.xml read by bank: 5 lines, 5 new; 4 matched, 1 unmatched (see 'bank queue')" \
  "money in 3063.50 EUR, money out 12.70 EUR")" ] || fail "statement import: $out"
cp "$WORK/releve-2026-12.xml" "$WORK/copie-releve.xml"
before=$(ctl --json ledger check --caisse $caisse) || fail "ledger check: $before"
out=$(ctl statement import --caisse $caisse --instance bank "$WORK/copie-releve.xml") ||
  fail "statement import again: $out"
echo "$out" | grep -q "^copie-releve.xml: already imported as releve-2026-12.xml at .*; nothing changed$" ||
  fail "the same statement again: $out"
after=$(ctl --json ledger check --caisse $caisse) || fail "ledger check: $after"
[ "$before" = "$after" ] || fail "the same statement changed the book: $before / $after"

status=$(ctl collection status --caisse $caisse --month $month) || fail "collection status: $status"
for line in "  paid            1   25.00" "  rejected        2   52.00" "  returned        1    8.50" \
  "  H-102       12.00  rejected  AC04  no     compte clôturé" \
  "  H-103       40.00  rejected  AM04  yes" "  H-104        8.50  returned  MD06"; do
  echo "$status" | grep -qF -- "$line" || fail "collection status lacks '$line': $status"
done

# 5. The fees wait for an operator, who says they are none of the caisse's business.
queue=$(ctl bank queue --caisse $caisse --status unmatched) || fail "bank queue: $queue"
[ "$(echo "$queue" | grep -c "unmatched")" -eq 1 ] || fail "not one unmatched line: $queue"
fees=$(echo "$queue" | awk '$3 == "-4.20" && $5 == "unmatched" { print $1 }')
[ -n "$fees" ] || fail "the fees (-4.20) are not in the queue: $queue"
echo "$queue" | grep -q "CCAS\|FRAIS" && fail "the queue printed a name or a label: $queue"
out=$(ctl bank decide --caisse $caisse "$fees" --ignore --note "frais bancaires") ||
  fail "bank decide: $out"
[ "$out" = "bank line $fees: decided" ] || fail "bank decide: $out"
out=$(ctl bank queue --caisse $caisse --status unmatched) || fail "bank queue: $out"
[ "$out" = "bank lines of $caisse: none" ] || fail "the queue is not empty: $out"
out=$(ctl bank queue --caisse $caisse --status ignored) || fail "bank queue ignored: $out"
echo "$out" | grep -q "^ *$fees  2026-12-10  *-4.20  EUR  *ignored" || fail "the fees are not ignored: $out"
out=$(ctl ledger check --caisse $caisse) || fail "ledger check: $out"

# 6. H-106 pays 25.00 by card: a Standard Webhooks delivery signed over "id.timestamp.body"
# with the secret's decoded bytes.
send_webhook() {  # ID BODY KEY_HEX: prints the HTTP status, the answer in $WORK/webhook.out
  local timestamp signature
  timestamp=$(date +%s)
  signature=$(printf '%s.%s.%s' "$1" "$timestamp" "$2" |
    openssl dgst -sha256 -mac HMAC -macopt "hexkey:$3" -binary | base64)
  curl -s -o "$WORK/webhook.out" -w '%{http_code}' -X POST \
    -H "Content-Type: application/json" -H "webhook-id: $1" \
    -H "webhook-timestamp: $timestamp" -H "webhook-signature: v1,$signature" \
    --data-binary "$2" "$BASE_URL/webhooks/$caisse/card"
}
body='{"type":"payment.succeeded","timestamp":"2026-11-24T10:00:00+01:00","data":{"payment_ref":"card-202611-H-106","household_id":"H-106","amount_minor":2500,"currency":"EUR","reason":""}}'
code=$(send_webhook msg_card_1 "$body" "$secret_hex")
[ "$code" = 200 ] || fail "the card payment was not kept ($code): $(cat "$WORK/webhook.out")"
grep -q '"event_id":"msg_card_1","duplicate":false' "$WORK/webhook.out" ||
  fail "first delivery: $(cat "$WORK/webhook.out")"
code=$(send_webhook msg_card_1 "$body" "$secret_hex")
[ "$code" = 200 ] || fail "the redelivery was refused ($code): $(cat "$WORK/webhook.out")"
grep -q '"duplicate":true' "$WORK/webhook.out" || fail "redelivery: $(cat "$WORK/webhook.out")"
code=$(send_webhook msg_card_2 "${body/2500/250000}" "$(openssl rand -hex 24)")
[ "$code" = 401 ] || fail "a forged delivery got $code: $(cat "$WORK/webhook.out")"

# Booked by the processor, within its 5 s round: the card account holds 25.00, once.
booked=""
for _ in $(seq 1 60); do
  check=$(ctl --json ledger check --caisse $caisse) || fail "ledger check: $check"
  if echo "$check" | grep -q "actual term bank:psp:card = "; then booked=yes; break; fi
  sleep 0.5
done
[ -n "$booked" ] || fail "the card payment was not booked within 30 s: $check"
sleep 6  # one more round of the processor: nothing more may be booked
check=$(ctl --json ledger check --caisse $caisse) || fail "ledger check: $check"
echo "$check" | grep -q '"ok":true' || fail "the ledger does not hold: $check"
[ "$(echo "$check" | grep -o "actual term bank:psp:card = [0-9.]* EUR")" = \
  "actual term bank:psp:card = 25.00 EUR" ] || fail "the card payment is not booked once: $check"
out=$(ctl webhooks dead --caisse $caisse) || fail "webhooks dead: $out"
[ "$out" = "notifications of $caisse that failed 5 times: none" ] || fail "webhooks dead: $out"
stop_daemon
echo "e2e money in, a month: OK"
