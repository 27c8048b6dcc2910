# A required plugin that cannot load stops the daemon with a clear line; an optional one is
# reported and the daemon runs.
source "$(dirname "$0")/lib.sh"
copy_demo
export CAISSE_TOKEN
CAISSE_TOKEN=$(cat "$WORK/demo/secrets/operator.token")

cat >>"$WORK/demo/caissed.toml" <<'TOML'

[plugins.missing]
required = true
TOML
code=0
"$CAISSED" --config "$WORK/demo/caissed.toml" --listen 127.0.0.1:0 --data-dir "$WORK/data" \
  >"$WORK/required.out" 2>"$WORK/required.log" || code=$?
[ "$code" -eq 1 ] || fail "a missing required plugin should stop caissed with 1, got $code"
grep -q "required plugin missing: plugin missing: not found in" "$WORK/required.log" \
  || fail "no clear line about the missing required plugin"

sed -i 's/^required = true$/required = false/' "$WORK/demo/caissed.toml"
start_daemon "$WORK/demo/caissed.toml" optional
list=$("$CAISSECTL" --url "$BASE_URL" --json plugin list) || fail "plugin list failed"
echo "$list" | grep -q '"name":"missing"[^}]*"status":"failed"' || fail "missing plugin not reported failed: $list"
[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE_URL/readyz")" = 200 ] || fail "/readyz should ignore optional plugins"
stop_daemon
echo "e2e plugin failure: OK"
