# The web dashboard in Debian's chromium, driven by playwright-core (dashboard.test.mjs), on the
# demo territory's current month: both caisses' sample registries imported, their allocations
# computed by one operator, purchases at merchants of three kinds listed by a currency backend.
# The browser logs in, is refused the approval as the operator who computed, approves as the
# second operator, and finds on the page the numbers `caissectl cycle report` prints.
#   dashboard_browser_test.sh CAISSED CAISSECTL PLUGIN_DIR SOURCE_DIR PEER_PLUGIN_DIR
#                             TEST_PLUGIN_DIR NPM NODE WORK_DIR
source "$(dirname "$0")/../e2e/lib.sh"
TEST_PLUGIN_DIR=$6
NPM=$7
NODE=$8
NPM_DIR=$9
[ -x /usr/bin/chromium ] || fail "no /usr/bin/chromium: scripts/install-deps.sh installs Debian's chromium"

# playwright-core as pinned in package-lock.json, installed into the build tree.
mkdir -p "$NPM_DIR"
cp "$SOURCE_DIR/tests/browser/package.json" "$SOURCE_DIR/tests/browser/package-lock.json" \
  "$SOURCE_DIR/tests/browser/dashboard.test.mjs" "$NPM_DIR/"
"$NPM" ci --no-audit --no-fund --prefix "$NPM_DIR" >"$WORK/npm.log" 2>&1 ||
  fail "npm ci of playwright-core failed (the npm registry must be reachable): $(tail -n 5 "$WORK/npm.log")"

copy_demo
use_test_database "e2e_browser_$$"
month=$(date +%Y-%m)
operator=$(cat "$WORK/demo/secrets/operator.token")
ctl() { CAISSE_TOKEN=$operator "$CAISSECTL" --url "$BASE_URL" "$@"; }
# The sample receipts are November 2026's; move them to the month the dashboard opens on.
sed -i "s/2026-11/$month/g" "$WORK"/demo/sample-data/*/receipts.csv

# Nantes Ouest's purchases come from a second currency instance, the test backend.
add_test_backend nantes-ouest "$TEST_PLUGIN_DIR"
backend="$WORK/backend"

start_daemon "$WORK/demo/caissed.toml" daemon
for caisse in montpellier nantes-ouest; do
  import_sample_registry "$operator" $caisse
  out=$(ctl cycle compute --caisse $caisse --month "$month") || fail "compute $caisse: $out"
done

cat >"$WORK/merchants.csv" <<'CSV'
merchant_id,name,accredited,kind,ref:app
M-001,Épicerie du Coin,yes,shop,acc-1
M-002,Ferme des Trois Chênes,yes,producer,acc-2
M-003,Épicerie coopérative La Clé,yes,cooperative_grocery,acc-3
CSV
out=$(ctl import merchants --caisse nantes-ouest "$WORK/merchants.csv") || fail "import merchants: $out"
# Purchases on the 10th of the month at noon UTC; one at a shop caissed does not know.
paid_ms=$(($(date -u -d "$month-10T12:00:00Z" +%s) * 1000))
cat >"$backend/purchases.txt" <<EOF
T-1;H-0001;acc-1;1250;MNK;$paid_ms
T-2;H-0002;acc-1;2375;MNK;$paid_ms
T-3;H-0003;acc-2;4000;MNK;$paid_ms
T-4;H-0004;acc-3;1815;MNK;$paid_ms
T-5;H-0005;acc-9;500;MNK;$paid_ms
EOF
next=$(date -u -d "$month-01 +1 month" +%Y-%m-01)
out=$(ctl purchases import --caisse nantes-ouest --from "$month-01" --to "$next") ||
  fail "purchases import: $out"

# What the browser must find: the reports as caissectl prints them, read by the test itself.
mkdir -p "$WORK/expected"
for caisse in montpellier nantes-ouest; do
  ctl cycle report --caisse $caisse --month "$month" >"$WORK/expected/$caisse.txt" ||
    fail "cycle report of $caisse failed"
done

export BASE_URL MONTH=$month EXPECTED_DIR="$WORK/expected"
export OPERATOR_TOKEN=$operator
export TREASURER_TOKEN=$(cat "$WORK/demo/secrets/treasurer.token")
export COMMITTEE_TOKEN=$(cat "$WORK/demo/secrets/committee.token")
export RESEARCHER_TOKEN=$(cat "$WORK/demo/secrets/researcher.token")
# Spending the backend listed, by merchant kind (worked out from purchases.txt above).
export EXPECTED_SPENDING='{"shop":3625,"producer":4000,"cooperative_grocery":1815,"unknown":500}'
export SCREENSHOT_DIR="$NPM_DIR/screenshots"
(cd "$NPM_DIR" && "$NODE" --test --test-reporter=spec dashboard.test.mjs) ||
  fail "the browser tests failed (screenshots in $SCREENSHOT_DIR)"
stop_daemon
echo "browser: OK (screenshots in $SCREENSHOT_DIR)"
