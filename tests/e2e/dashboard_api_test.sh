# The web dashboard's host side on the demo: Nantes Ouest's sample data imported and November's
# allocations computed, the dashboard's month answers the same cycle total and money in as
# `caissectl cycle report --json`; every role lists the caisses, a researcher cannot read the
# dashboard; and caissed serves a dashboard folder given in [http] dashboard_dir without a token.
source "$(dirname "$0")/lib.sh"
copy_demo
use_test_database "e2e_dashboard_api_$$"
month=2026-11
caisse=nantes-ouest
operator=$(cat "$WORK/demo/secrets/operator.token")
committee=$(cat "$WORK/demo/secrets/committee.token")
researcher=$(cat "$WORK/demo/secrets/researcher.token")
ctl() { CAISSE_TOKEN=$operator "$CAISSECTL" --url "$BASE_URL" "$@"; }
# get TOKEN PATH: the body, then the status on a line of its own.
get() { curl -s -w '\n%{http_code}' -H "Authorization: Bearer $1" "$BASE_URL$2"; }
status_of() { tail -n 1 <<<"$1"; }
body_of() { sed '$d' <<<"$1"; }
# The first "KEY":NUMBER after the first occurrence of MARKER in the text on stdin.
number_after() { sed -n "s/.*$1[^}]*\"$2\":\\([0-9-]*\\).*/\\1/p" | head -n 1; }
# The "money_in":[...] array of a JSON text, without the dashboard's funder names.
money_in_of() { grep -o '"money_in":\[[^]]*\]' | sed 's/,"funder_name":\("[^"]*"\|null\)//g'; }

# A dashboard folder as the build would write it.
mkdir -p "$WORK/dashboard"
echo '<!doctype html><title>tableau de bord</title><script src="app.js"></script>' \
  >"$WORK/dashboard/index.html"
echo 'console.log("dashboard");' >"$WORK/dashboard/app.js"
sed -i "s|^\[http\]|[http]\ndashboard_dir = \"$WORK/dashboard\"|" "$WORK/demo/caissed.toml"

start_daemon "$WORK/demo/caissed.toml" daemon

import_sample_registry "$operator" $caisse

# Before any cycle: nulls and zeros, not an error.
answer=$(get "$committee" "/api/v1/caisses/$caisse/dashboard/$month")
[ "$(status_of "$answer")" = 200 ] || fail "dashboard before the cycle: $answer"
body_of "$answer" | grep -q '"cycle":null,"bonus_cycle":null' || fail "no null cycle: $answer"

out=$(ctl cycle compute --caisse $caisse --month $month) || fail "compute: $out"
report=$(ctl --json cycle report --caisse $caisse --month $month) || fail "report: $report"
answer=$(get "$committee" "/api/v1/caisses/$caisse/dashboard/$month")
[ "$(status_of "$answer")" = 200 ] || fail "dashboard: $answer"
dashboard=$(body_of "$answer")

reported_total=$(number_after '"summary":' total_minor <<<"$report")
shown_total=$(number_after '"cycle":' total_minor <<<"$dashboard")
[ -n "$reported_total" ] && [ "$reported_total" -gt 0 ] || fail "no total in the report: $report"
[ "$shown_total" = "$reported_total" ] ||
  fail "dashboard cycle total $shown_total, report $reported_total"
reported_in=$(money_in_of <<<"$report")
shown_in=$(money_in_of <<<"$dashboard")
[ -n "$reported_in" ] || fail "no money_in in the report: $report"
[ "$shown_in" = "$reported_in" ] || fail "money in differs: dashboard $shown_in, report $reported_in"
grep -q '"funder":"metropole","currency":"EUR","amount_minor":[0-9]*,"funder_name":"Métropole (démo)"' \
  <<<"$dashboard" || fail "the grant has no funder name: $dashboard"
[ "$(number_after '"allocations_vs_spending":' allocated_minor <<<"$dashboard")" = "$reported_total" ] ||
  fail "allocated differs from the cycle total: $dashboard"

# Roles and errors.
answer=$(get "$researcher" "/api/v1/caisses")
[ "$(status_of "$answer")" = 200 ] || fail "a researcher cannot list the caisses: $answer"
body_of "$answer" | grep -q '^{"caisses":\[{"id":"montpellier",.*{"id":"nantes-ouest",' ||
  fail "caisses not listed in config order: $answer"
[ "$(status_of "$(get "$researcher" "/api/v1/caisses/$caisse/dashboard/$month")")" = 403 ] ||
  fail "a researcher read the dashboard"
[ "$(status_of "$(get "" "/api/v1/caisses/$caisse/dashboard/$month")")" = 401 ] ||
  fail "the dashboard answered without a token"
answer=$(get "$committee" "/api/v1/caisses/$caisse/dashboard/2026-13")
[ "$(status_of "$answer")" = 400 ] || fail "a bad month is not 400: $answer"
grep -q 'month' <<<"$answer" || fail "the error does not name the month: $answer"
[ "$(status_of "$(get "$committee" "/api/v1/caisses/lyon/dashboard/$month")")" = 404 ] ||
  fail "an unknown caisse is not 404"

# The files, without a token.
page=$(curl -s -D "$WORK/headers" "$BASE_URL/dashboard/") || fail "GET /dashboard/ failed"
grep -q "tableau de bord" <<<"$page" || fail "/dashboard/ is not index.html: $page"
grep -qi '^content-security-policy: default-src' "$WORK/headers" || fail "no CSP: $(cat "$WORK/headers")"
etag=$(sed -n 's/^[Ee][Tt][Aa][Gg]: *\([^[:space:]]*\).*/\1/p' "$WORK/headers")
[ -n "$etag" ] || fail "no ETag: $(cat "$WORK/headers")"
code=$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $etag" "$BASE_URL/dashboard/")
[ "$code" = 304 ] || fail "If-None-Match with the ETag gave $code"
[ "$(curl -s "$BASE_URL/dashboard/app.js")" = 'console.log("dashboard");' ] || fail "app.js not served"
code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE_URL/dashboard/..%2Fcaissed.toml")
[ "$code" = 404 ] || fail "a path outside the folder gave $code"
curl -s "$BASE_URL/" | grep -q 'href="/dashboard/"' || fail "the landing page does not link the dashboard"

stop_daemon
echo "e2e dashboard api: OK (cycle total $reported_total)"
