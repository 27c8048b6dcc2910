#!/usr/bin/env bash
# Fills the running demo (scripts/demo.sh) with its sample month, so that the dashboard has
# something to show: both caisses' sample registries imported and their allocations computed
# by demo-operator for MONTH (default: the current month). Run it again safely: imports of
# unchanged files change nothing and a computed month is computed again.
#   examples/demo/load-month.sh [MONTH]
set -euo pipefail
cd "$(dirname "$0")"
caissectl=../../build/host/src/ctl/caissectl
month=${1:-$(date +%Y-%m)}
export CAISSE_TOKEN
CAISSE_TOKEN=$(cat secrets/operator.token)
for caisse in montpellier nantes-ouest; do
  for kind in households members contributions funders receipts; do
    "$caissectl" import "$kind" --caisse "$caisse" "sample-data/$caisse/$kind.csv" >/dev/null
  done
  "$caissectl" cycle compute --caisse "$caisse" --month "$month" | head -n 2
done
echo
echo "Open http://127.0.0.1:8420/dashboard/ and log in with the token in"
echo "examples/demo/secrets/treasurer.token to approve a cycle as the second operator."
