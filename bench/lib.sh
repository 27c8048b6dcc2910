# shellcheck shell=bash
# Shared by the load scripts of bench/ (sourced): the tools they need, a private PostgreSQL, the
# peers' npm packages, CPU accounting. Every helper says what failed and stops the script.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SOURCE_DIR=$(dirname "$BENCH_DIR")
PEERS_DIR=${CAISSE_BENCH_PEERS:-$SOURCE_DIR/../shared/bench-peers}
APT_UPDATED=""

die() {
  echo "$(basename "$0"): $*" >&2
  exit 1
}

# start_bench NAME "$@": the script's only argument, the build folder, as an absolute path in
# BUILD; a work folder WORK (/tmp/caisse-NAME.XXXXXX) removed on exit unless KEEP is set, after
# bench_cleanup_hook (a script redefines it to stop what it started) and the bench PostgreSQL.
start_bench() {
  local name=$1
  shift
  [ $# -eq 1 ] || die "usage: $0 BUILD_DIR"
  BUILD=$(cd "$1" && pwd) || die "no folder $1"
  WORK=$(mktemp -d "/tmp/caisse-$name.XXXXXX")
  chmod 0755 "$WORK"  # the bench PostgreSQL runs as `postgres` when we are root
  trap bench_exit EXIT
}

bench_cleanup_hook() { :; }

bench_exit() {
  bench_cleanup_hook || true
  stop_bench_postgres
  if [ -n "${KEEP:-}" ]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
}

# need_built PATH TARGET: prints $BUILD/PATH; stops unless it exists (made by the ninja TARGET).
need_built() {
  [ -e "$BUILD/$1" ] || die "$BUILD/$1 is missing: build the $2 target (this script builds nothing)"
  echo "$BUILD/$1"
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# need_command COMMAND DEBIAN_PACKAGE: installs the package with apt-get when the command is
# missing; `apt-get update` runs at most once per script, and never when nothing is missing.
need_command() {
  local command=$1 package=$2
  command -v "$command" >/dev/null 2>&1 && return 0
  echo "installing $package (apt-get) for $command"
  if [ -z "$APT_UPDATED" ]; then
    as_root apt-get update -qq || die "apt-get update failed"
    APT_UPDATED=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null \
    || die "apt-get install $package failed"
  command -v "$command" >/dev/null 2>&1 || die "$package is installed but $command is not on PATH"
}

# start_bench_postgres WORK FSYNC: a private server in WORK/pg (scripts/lib/test-postgres.sh,
# Unix socket only), with fsync on or off; sets BENCH_PG_DIR and CAISSE_TEST_PG_URL.
# stop_bench_postgres stops it (call it from the script's EXIT trap).
start_bench_postgres() {
  local work=$1 fsync=$2
  # shellcheck source-path=SCRIPTDIR source=../scripts/lib/test-postgres.sh
  source "$SOURCE_DIR/scripts/lib/test-postgres.sh"
  BENCH_PG_DIR="$work/pg"
  mkdir -p "$BENCH_PG_DIR"
  start_test_postgres "$BENCH_PG_DIR" >/dev/null || die "cannot start PostgreSQL in $BENCH_PG_DIR"
  # The test server runs with fsync=off, given on its command line (which no ALTER SYSTEM
  # overrides): restarted with the fsync asked for, and pg_stat_statements to say where the
  # server's time went (statement_report).
  as_pg_owner "$(pg_bin_dir)/pg_ctl" -D "$BENCH_PG_DIR/data" -l "$BENCH_PG_DIR/server.log" -w \
    -o "-c listen_addresses= -k $BENCH_PG_DIR -c fsync=$fsync -c max_connections=200 \
        -c shared_preload_libraries=pg_stat_statements" \
    restart >/dev/null || die "cannot restart PostgreSQL with fsync = $fsync"
  [ "$(psql "$CAISSE_TEST_PG_URL" -qAt -c 'SHOW fsync')" = "$fsync" ] || die "fsync is not $fsync"
}

stop_bench_postgres() {
  if [ -n "${BENCH_PG_DIR:-}" ]; then stop_test_postgres "$BENCH_PG_DIR"; fi
  BENCH_PG_DIR=""
}

# create_bench_database NAME: prints the conninfo of a new database NAME on the bench server,
# with pg_stat_statements.
create_bench_database() {
  local url="${CAISSE_TEST_PG_URL/dbname=postgres/dbname=$1}"
  psql "$CAISSE_TEST_PG_URL" -qAt -c "CREATE DATABASE $1" >/dev/null || die "cannot create database $1"
  psql "$url" -qAt -c "CREATE EXTENSION pg_stat_statements" >/dev/null \
    || die "cannot create pg_stat_statements in $1"
  echo "$url"
}

# statement_report DB_URL [LIMIT]: the statements that took the server's time since the last
# pg_stat_statements_reset(), most first, whichever database ran them (DB_URL: one with the
# extension).
statement_report() {
  psql "$1" -qAt -F ' | ' -c "SELECT calls, round(total_exec_time)::bigint || ' ms',
      round((total_exec_time / calls * 1000)::numeric) || ' µs/call',
      regexp_replace(left(query, 90), '\s+', ' ', 'g')
    FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT ${2:-6}"
}

# install_peer_packages DIR: the peers' npm packages (bench/npm/package-lock.json) in DIR, and
# the peers' scripts copied next to them (Node resolves packages from the script's folder).
install_peer_packages() {
  local dir=$1
  need_command node nodejs
  need_command npm npm
  mkdir -p "$dir"
  cp "$BENCH_DIR/npm/package.json" "$BENCH_DIR/npm/package-lock.json" "$dir/"
  if ! (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >"$dir/npm.log" 2>&1); then
    cat "$dir/npm.log" >&2
    die "npm ci failed in $dir (it needs the npm registry)"
  fi
  cp "$PEERS_DIR"/*.mjs "$PEERS_DIR"/*.lua "$dir/"
}

# free_port: a TCP port free on 127.0.0.1 right now.
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# wait_for_port PORT PID: until something accepts on 127.0.0.1:PORT, or PID exits (20 s at most).
wait_for_port() {
  local port=$1 pid=$2
  for _ in $(seq 1 200); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
    kill -0 "$pid" 2>/dev/null || die "process $pid exited before it listened on port $port"
    sleep 0.1
  done
  die "nothing listens on port $port after 20 s"
}

# cpu_ticks PID...: user + system clock ticks used so far by these processes (0 for one gone).
cpu_ticks() {
  local total=0 pid fields
  for pid in "$@"; do
    fields=$(cut -d')' -f2- "/proc/$pid/stat" 2>/dev/null) || continue
    # After "pid (comm)": field 14 utime and 15 stime of stat are the 12th and 13th here.
    total=$((total + $(echo "$fields" | awk '{print $12 + $13}')))
  done
  echo "$total"
}

# postgres_pids: every process of the bench server, the postmaster (first line of its
# postmaster.pid) and its children (backends and background workers).
postgres_pids() {
  local postmaster
  postmaster=$(head -n 1 "$BENCH_PG_DIR/data/postmaster.pid") || die "no postmaster.pid in $BENCH_PG_DIR"
  echo "$postmaster"
  pgrep -P "$postmaster" || true
}
