#!/usr/bin/env bash
# pain.008 generation, side by side: the sepa plugin (pain008_bench) and the npm package `sepa`
# (../shared/bench-peers/sepa-peer.mjs) each write one file of DEBITS direct debits with the same
# content, under /usr/bin/time -v (wall time, CPU, peak RSS). Each file is then validated with
# xmllint against the official pain.008.001.02 XSD, and its transaction count and control sum
# are checked against DEBITS x 45.50 EUR.
#
#   bench/pain008_file.sh BUILD_DIR
#
# BUILD_DIR holds bench/pain008_bench and plugins/sepa.so (this script builds nothing).
# Environment: DEBITS=100000, KEEP=1 keeps the work folder (both files).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "$0")/lib.sh"

start_bench pain008-bench "$@"
BENCH=$(need_built bench/pain008_bench pain008_bench)
DEBITS=${DEBITS:-100000}
XSD="$SOURCE_DIR/../shared/reference/xsd/pain.008.001.02.xsd"
[ -f "$XSD" ] || die "$XSD is missing"

need_command xmllint libxml2-utils
[ -x /usr/bin/time ] || need_command /usr/bin/time time
NPM_DIR="$BUILD/bench/npm-peers"
install_peer_packages "$NPM_DIR"

# check_file NAME: the XSD, then NbOfTxs and CtrlSum of the group header.
check_file() {
  local xml="$WORK/$1.xml" count sum
  xmllint --noout --stream --schema "$XSD" "$xml" 2>"$WORK/$1.xmllint" \
    || { tail -n 5 "$WORK/$1.xmllint" >&2; die "$1: $xml does not validate against $XSD"; }
  count=$(xmllint --xpath "string(//*[local-name()='GrpHdr']/*[local-name()='NbOfTxs'])" "$xml")
  sum=$(xmllint --xpath "string(//*[local-name()='GrpHdr']/*[local-name()='CtrlSum'])" "$xml")
  [ "$count" = "$DEBITS" ] || die "$1: NbOfTxs $count, expected $DEBITS"
  # 45.50 EUR each: compared in cents, as integers.
  [ "$(echo "$sum" | tr -d .)" -eq $((DEBITS * 4550)) ] \
    || die "$1: CtrlSum $sum, expected $DEBITS x 45.50"
  echo "$1: valid pain.008.001.02 (xmllint, official XSD), $count debits, CtrlSum $sum"
}

# report NAME: "wall s, CPU s, peak RSS MiB" from /usr/bin/time -v.
report() {
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); for (i = 1; i <= n; i++) w = w * 60 + t[i] }
    /(User|System) time \(seconds\)/ { c += $2 }
    /Maximum resident set size/ { r = $2 / 1024 }
    END { printf "%.2f | %.2f | %.1f", w, c, r }' "$WORK/$1.time"
}

echo "=== sepa plugin, $DEBITS debits"
/usr/bin/time -v -o "$WORK/caissed.time" "$BENCH" --debits "$DEBITS" --out "$WORK/caissed.xml"
check_file caissed
echo "=== npm sepa (sepa-peer.mjs), $DEBITS debits"
(cd "$NPM_DIR" && /usr/bin/time -v -o "$WORK/npm.time" node sepa-peer.mjs "$DEBITS") >"$WORK/npm.xml"
check_file npm

echo
echo "| writer | debits | wall s | CPU s | peak RSS MiB |"
echo "| --- | ---: | ---: | ---: | ---: |"
echo "| sepa plugin (pain008_bench) | $DEBITS | $(report caissed) |"
echo "| npm sepa 3.0.0 (sepa-peer.mjs) | $DEBITS | $(report npm) |"
awk -v a="$(report caissed | cut -d'|' -f1)" -v b="$(report npm | cut -d'|' -f1)" \
  'BEGIN { printf "ratio npm sepa / sepa plugin, wall time: %.1f\n", b / a }'
