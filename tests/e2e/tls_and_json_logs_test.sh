# With [http] tls_cert/tls_key the daemon speaks HTTPS (and only HTTPS), caissectl verifies it
# against a CA file, and [log] format = "json" gives one JSON object per line with no token in it.
source "$(dirname "$0")/lib.sh"
copy_demo
export CAISSE_TOKEN
CAISSE_TOKEN=$(cat "$WORK/demo/secrets/operator.token")

openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 \
  -subj "/CN=127.0.0.1" -addext "subjectAltName=IP:127.0.0.1" \
  -keyout "$WORK/key.pem" -out "$WORK/cert.pem" 2>/dev/null || fail "openssl could not make a test certificate"
sed -i "s|^listen = .*|listen = \"127.0.0.1:0\"\ntls_cert = \"file:$WORK/cert.pem\"\ntls_key = \"file:$WORK/key.pem\"|" \
  "$WORK/demo/caissed.toml"
sed -i 's/^format = "text"/format = "json"/' "$WORK/demo/caissed.toml"

start_daemon "$WORK/demo/caissed.toml" tls
case $BASE_URL in https://*) ;; *) fail "ready line does not announce https: $BASE_URL" ;; esac

[ "$(curl -s --cacert "$WORK/cert.pem" -o /dev/null -w '%{http_code}' "$BASE_URL/readyz")" = 200 ] \
  || fail "/readyz over TLS not 200"
plain=${BASE_URL/https:/http:}
code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$plain/healthz" || true)
[ "$code" != 200 ] || fail "plain HTTP was answered on the TLS port"

status=$("$CAISSECTL" --url "$BASE_URL" --ca-file "$WORK/cert.pem" status) \
  || fail "caissectl over TLS failed: $status"
echo "$status" | grep -q "montpellier" || fail "caissectl status over TLS lacks montpellier: $status"
code=0
"$CAISSECTL" --url "$BASE_URL" status >/dev/null 2>&1 || code=$?
[ "$code" -eq 3 ] || fail "caissectl should refuse an untrusted certificate (exit 3), got $code"

stop_daemon
grep -q '^{"ts":"[^"]*","level":"info","event":"ready"' "$WORK/tls.log" \
  || fail "no JSON ready line in the log"
bad=$(grep -v '^{.*}$' "$WORK/tls.log" | head -n 3 || true)
[ -z "$bad" ] || fail "log lines that are not JSON objects: $bad"
! grep -q "$CAISSE_TOKEN" "$WORK/tls.log" || fail "the log contains a token"
echo "e2e TLS and JSON logs: OK"
