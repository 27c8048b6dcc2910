# Starts and stops a throwaway PostgreSQL cluster listening only on a unix socket in DIR.
# PostgreSQL refuses to run as root, so as root the server runs as the `postgres` user.

pg_bin_dir() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$d" ] || [ ! -x "$d/initdb" ]; then
    echo "PostgreSQL server binaries not found in /usr/lib/postgresql/*/bin: apt-get install postgresql" >&2
    return 1
  fi
  echo "$d"
}

as_pg_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_test_postgres() {
  local dir=$1 bin
  bin=$(pg_bin_dir)
  if [ "$(id -u)" -eq 0 ]; then chown postgres: "$dir"; fi
  chmod 0700 "$dir"
  as_pg_owner "$bin/initdb" -D "$dir/data" -U caissed -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; return 1; }
  as_pg_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
    -o "-c listen_addresses= -k $dir -c fsync=off -c max_connections=200" start >/dev/null \
    || { cat "$dir/server.log" >&2; return 1; }
  CAISSE_TEST_PG_URL="host=$dir dbname=postgres user=caissed"
  echo "test PostgreSQL running: $CAISSE_TEST_PG_URL"
}

stop_test_postgres() {
  local dir=$1 bin
  bin=$(pg_bin_dir) || return 0
  [ -f "$dir/data/postmaster.pid" ] && as_pg_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
}
