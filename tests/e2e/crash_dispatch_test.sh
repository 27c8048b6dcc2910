# Crash test of the monthly cycle: while the daemon dispatches a month's 350 allocations to a
# currency backend that does not deduplicate (tests/peers/journal_currency: every credit it
# receives is applied and journaled), the daemon is killed with SIGKILL at many points and
# restarted. At the end every household has been credited exactly once (the journal holds each
# operation id once, for the line's amount), the cycle is settled with every line SUCCEEDED, and
# the ledger's invariants hold. Needs the test server of scripts/test.sh.
source "$(dirname "$0")/lib.sh"
[ -d "$PEER_PLUGIN_DIR" ] || fail "no test peer plugins in '$PEER_PLUGIN_DIR'"
copy_demo
month=2026-11
kills=${CAISSE_CRASH_KILLS:-12}

use_test_database "e2e_crash_$$"

# The demo's Montpellier caisse, its currency adapter swapped for the journaling peer. Each
# credit takes 10 ms and a dispatch sends batches of 10, so a whole dispatch lasts seconds, each
# kill lands inside a batch, and the next start resumes with the lines never sent.
journal="$WORK/journal.csv"
config="$WORK/demo/caissed.toml"
sed -i "s|^dirs = .*|dirs = [\"$PLUGIN_DIR\", \"$PEER_PLUGIN_DIR\"]|" "$config"
sed -i 's|^caisses = .*|caisses = ["caisses/montpellier.toml"]\ndispatch_batch_size = 10|' "$config"
printf '\n[plugins.journal_currency]\nrequired = true\n' >>"$config"
caisse="$WORK/demo/caisses/montpellier.toml"
sed -i "s|^adapter = .*|adapter = \"peer\"|" "$caisse"
printf '\n[[plugin]]\ninstance = "peer"\nplugin = "journal_currency"\n[plugin.config]\njournal = "%s"\ndelay_ms = 10\n' \
  "$journal" >>"$caisse"
grep -q '^adapter = "peer"' "$caisse" || fail "the demo caisse has no [currency] adapter line to swap"

operator=$(cat "$WORK/demo/secrets/operator.token")
treasurer=$(cat "$WORK/demo/secrets/treasurer.token")
ctl() { CAISSE_TOKEN=$operator "$CAISSECTL" --url "$BASE_URL" "$@"; }
data="$WORK/demo/sample-data/montpellier"

start_daemon "$config" setup
for kind in households funders receipts; do
  ctl import "$kind" --caisse montpellier "$data/$kind.csv" >/dev/null || fail "import $kind failed"
done
ctl cycle compute --caisse montpellier --month $month >/dev/null || fail "compute failed"
CAISSE_TOKEN=$treasurer "$CAISSECTL" --url "$BASE_URL" cycle approve --caisse montpellier \
  --month $month >/dev/null || fail "approve failed"
expected_lines=$(tail -n +2 "$data/households.csv" | wc -l)
total=$(ctl --json cycle status --caisse montpellier --month $month |
  sed -n 's/.*"total_minor":\([0-9]*\).*/\1/p')
[ -n "$total" ] && [ "$total" -gt 0 ] || fail "no total in the cycle status"
stop_daemon

journal_lines() { [ -f "$journal" ] && wc -l <"$journal" || echo 0; }

# Kill 1 waits for the first credit to reach the backend, so at least one kill is certainly in
# mid-dispatch; the others wait a random 0.1 to 0.9 s after the dispatch request.
mid_dispatch_kills=0
for ((i = 1; i <= kills; i++)); do
  start_daemon "$config" "run-$i"
  before=$(journal_lines)
  ctl cycle dispatch --caisse montpellier --month $month >"$WORK/dispatch-$i.out" 2>&1 &
  client=$!
  if [ "$i" -eq 1 ]; then
    for _ in $(seq 1 300); do [ "$(journal_lines)" -gt 0 ] && break; sleep 0.01; done
  else
    sleep "0.$((RANDOM % 9 + 1))"
  fi
  kill -KILL "$DAEMON_PID"
  wait "$DAEMON_PID" 2>/dev/null || true
  DAEMON_PID=""
  wait "$client" 2>/dev/null || true
  after=$(journal_lines)
  if [ "$after" -gt "$before" ] && [ "$after" -lt "$expected_lines" ]; then
    mid_dispatch_kills=$((mid_dispatch_kills + 1))
  fi
  echo "kill $i: journal $before -> $after lines"
done
[ "$mid_dispatch_kills" -ge 2 ] || fail "only $mid_dispatch_kills kill(s) landed in the middle of a dispatch"

# The last start runs to the end: reconcile asks the backend about the lines left UNKNOWN, which
# it either applied (SUCCEEDED) or never received (NOT_SENT, sent by the next dispatch).
start_daemon "$config" final
state=""
for _ in $(seq 1 20); do
  ctl cycle reconcile --caisse montpellier --month $month >/dev/null 2>&1 || true
  ctl cycle dispatch --caisse montpellier --month $month >/dev/null 2>&1 || true
  status=$(ctl --json cycle status --caisse montpellier --month $month) || fail "status failed"
  state=$(echo "$status" | sed -n 's/.*"state":"\([a-z]*\)".*/\1/p')
  [ "$state" = settled ] && break
done
[ "$state" = settled ] || fail "the cycle did not settle: $status"
echo "$status" | grep -q "\"SUCCEEDED\":{\"count\":$expected_lines,\"amount_minor\":$total}" \
  || fail "not every line SUCCEEDED for the total: $status"

# Exactly once: every operation id once in the journal, one per household, summing to the total.
duplicates=$(cut -d';' -f1 "$journal" | sort | uniq -d)
[ -z "$duplicates" ] || fail "credited more than once: $(echo "$duplicates" | head -n 5)"
[ "$(journal_lines)" -eq "$expected_lines" ] ||
  fail "the backend credited $(journal_lines) lines, expected $expected_lines"
credited=$(awk -F';' '{ s += $3 } END { print s }' "$journal")
[ "$credited" -eq "$total" ] || fail "the backend credited $credited, the cycle's total is $total"

check=$(ctl ledger check --caisse montpellier) || fail "ledger check failed: $check"
echo "$check" | grep -q "OK, 4 invariants hold" || fail "ledger invariants: $check"
stop_daemon
echo "e2e crash during dispatch: OK ($kills kills, $mid_dispatch_kills in mid-dispatch)"
