# `caissed --check-config` accepts the demo configuration and rejects a copy with an unknown key,
# naming the key with its line and column.
source "$(dirname "$0")/lib.sh"
copy_demo

out=$("$CAISSED" --check-config "$WORK/demo/caissed.toml" 2>&1) || fail "demo config rejected: $out"

# An unknown key on line 13 (inside [http]), column 1.
awk 'NR==13{print "listne = \"127.0.0.1:1\""} {print}' "$WORK/demo/caissed.toml" >"$WORK/bad.toml"
sed -n 12,13p "$WORK/bad.toml" | grep -q '^listne' || fail "test setup: unknown key not on line 13"
cp -r "$WORK/demo/caisses" "$WORK/demo/secrets" "$WORK/"
code=0
out=$("$CAISSED" --check-config "$WORK/bad.toml" 2>&1) || code=$?
[ "$code" -eq 1 ] || fail "check-config should exit 1 on an unknown key, got $code: $out"
echo "$out" | grep -q "bad.toml:13:1: http.listne" || fail "error does not name http.listne at 13:1: $out"

# An unknown key inside a plugin block of a caisse file is caught against the plugin's schema.
sed -i 's/^amount_per_person = .*/amount_per_persn = 10000/' "$WORK/demo/caisses/montpellier.toml"
code=0
out=$("$CAISSED" --check-config "$WORK/demo/caissed.toml" 2>&1) || code=$?
[ "$code" -eq 1 ] || fail "check-config should exit 1 on an unknown plugin key, got $code: $out"
echo "$out" | grep -q "montpellier.toml:[0-9]*:[0-9]*: .*amount_per_persn" || fail "plugin key error lacks position: $out"
echo "e2e check-config: OK"
