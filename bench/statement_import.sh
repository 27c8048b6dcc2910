#!/usr/bin/env bash
# Bank statement import, with its side-by-side peer. One run of each:
#   1. statement_bench on a LINES-line Crédit Agricole export (../shared/bench-peers/
#      gen-bank-csv.py): bankcsv.so reads it, bank::import_statement stores and reconciles every
#      line in one transaction on a private PostgreSQL;
#   2. statement_bench and hledger (the peers' hledger-bank.rules) on the same
#      PEER_LINES-line export, each under /usr/bin/time -v (wall time, peak RSS).
# Each import is checked against the CSV read independently here with awk: as many lines,
# the same money in and money out in cents.
#
#   bench/statement_import.sh BUILD_DIR
#
# BUILD_DIR holds bench/statement_bench and plugins/bankcsv.so (built with
# -DCAISSE_BUILD_TESTS=ON -DCAISSE_BUILD_BENCH=ON; this script builds nothing). Environment:
#   LINES=1000000 PEER_LINES=100000   sizes of the two exports
#   FSYNC=on                          the server's fsync (off is the test suite's setting)
#   KEEP=1                            keep the work folder (exports, reports)
# docs/performance.md ("Money coming in") has a run's figures.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "$0")/lib.sh"

start_bench statement-bench "$@"
BENCH=$(need_built bench/statement_bench statement_bench)
LINES=${LINES:-1000000}
PEER_LINES=${PEER_LINES:-100000}
FSYNC=${FSYNC:-on}

need_command hledger hledger
need_command iconv libc-bin
need_command python3 python3
need_command psql postgresql-client
[ -x /usr/bin/time ] || need_command /usr/bin/time time
start_bench_postgres "$WORK" "$FSYNC"
export CAISSE_TEST_PG_URL
psql "$CAISSE_TEST_PG_URL" -qAt -c "CREATE EXTENSION pg_stat_statements" >/dev/null

# csv_totals FILE: "lines money_in_cents money_out_cents" of a gen-bank-csv.py export, read
# with awk: ';' fields date;label;debit;credit; (labels hold no ';'), decimal comma.
csv_totals() {
  awk -F';' 'function cents(a,  p) { split(a, p, ","); return p[1] * 100 + p[2] }
    NR > 1 && NF >= 4 { n++; if ($4 != "") cin += cents($4); if ($3 != "") cout += cents($3) }
    END { printf "%d %.0f %.0f\n", n, cin, cout }' "$1"
}

# timed NAME COMMAND...: runs COMMAND under /usr/bin/time -v, its output in $WORK/NAME.out.
timed() {
  local name=$1
  shift
  /usr/bin/time -v -o "$WORK/$name.time" "$@" >"$WORK/$name.out" \
    || { cat "$WORK/$name.out" "$WORK/$name.time" >&2; die "$name failed"; }
}

# time_field NAME seconds|cpu|rss_mib: from /usr/bin/time -v's report (cpu: user + system).
time_field() {
  case $2 in
    cpu) awk -F': ' '/(User|System) time \(seconds\)/ { s += $2 } END { print s }' "$WORK/$1.time" ;;
    seconds) awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0
               for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$WORK/$1.time" ;;
    rss_mib) awk -F': ' '/Maximum resident set size/ { printf "%.1f\n", $2 / 1024 }' "$WORK/$1.time" ;;
  esac
}

# bench_import NAME FILE: statement_bench on FILE, checked against csv_totals.
bench_import() {
  local name=$1 file=$2 expected got
  psql "$CAISSE_TEST_PG_URL" -qAt -c "SELECT pg_stat_statements_reset()" >/dev/null
  timed "$name" "$BENCH" --file "$file"
  grep -v event=migration_applied "$WORK/$name.out"
  echo "$name: statements by server time (calls | total | mean | statement):"
  statement_report "$CAISSE_TEST_PG_URL" 4
  expected=$(csv_totals "$file")
  got=$(awk '/^lines / { print $2, $10, $12 }' "$WORK/$name.out")
  [ "$got" = "$expected" ] \
    || die "$name: imported \"$got\" (lines, in, out) but the CSV says \"$expected\""
  echo "$name: lines, money in and out (cents) agree with awk's reading of the CSV: $expected"
}

echo "=== statement_bench, $LINES lines (fsync $FSYNC)"
python3 "$PEERS_DIR/gen-bank-csv.py" "$LINES" "$WORK/bank-big.csv"
bench_import big "$WORK/bank-big.csv"

echo "=== side by side with hledger, $PEER_LINES lines"
python3 "$PEERS_DIR/gen-bank-csv.py" "$PEER_LINES" "$WORK/bank.csv"
bench_import small "$WORK/bank.csv"
iconv -f cp1252 -t utf-8 "$WORK/bank.csv" >"$WORK/bank.utf8.csv"
cp "$PEERS_DIR/hledger-bank.rules" "$WORK/bank.utf8.csv.rules"
timed hledger hledger -f "$WORK/bank.utf8.csv" print -O csv
# hledger's CSV output: a header, then one row per posting, two postings per transaction.
transactions=$(($(wc -l <"$WORK/hledger.out") / 2))
[ "$transactions" -eq "$PEER_LINES" ] || die "hledger printed $transactions transactions, not $PEER_LINES"

echo
# statement_bench's wall time includes a new database and its migrations (about a second) that
# the daemon does not pay per import; its "import" phase above is the daemon's work alone.
echo "| program | lines | wall s | lines/s | CPU s (the process) | peak RSS MiB |"
echo "| --- | ---: | ---: | ---: | ---: | ---: |"
for row in "big $LINES" "small $PEER_LINES" "hledger $PEER_LINES"; do
  read -r name n <<<"$row"
  awk -v name="$name" -v n="$n" -v s="$(time_field "$name" seconds)" \
    -v cpu="$(time_field "$name" cpu)" -v rss="$(time_field "$name" rss_mib)" \
    'BEGIN { printf "| %s | %d | %.2f | %.0f | %.2f | %s |\n", name, n, s, n / s, cpu, rss }'
done
import_seconds=$(awk '$1 == "import" { print $2 }' "$WORK/small.out")
awk -v a="$(time_field small seconds)" -v i="$import_seconds" -v b="$(time_field hledger seconds)" \
  'BEGIN { printf "ratio to hledger, lines per second: %.1f (import phase), %.1f (whole process)\n", b / i, b / a }'
