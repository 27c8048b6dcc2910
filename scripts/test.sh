#!/usr/bin/env bash
# Command B: installs the dependencies, builds, starts a private PostgreSQL for the tests and runs
# every test. Exits non-zero if anything fails. `.ci/run` runs exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh -DCAISSE_BUILD_TESTS=ON -DCAISSE_BUILD_BENCH=ON "$@"
build_dir=${CAISSE_BUILD_DIR:-build}

# One real PostgreSQL server for the whole run (tests create their own databases on it).
# Tests of the embedded-cluster code itself still start clusters of their own.
pg_dir=$(mktemp -d /tmp/caisse-test-pg.XXXXXX)
source scripts/lib/test-postgres.sh
start_test_postgres "$pg_dir"
trap 'stop_test_postgres "$pg_dir"; rm -rf "$pg_dir"' EXIT
export CAISSE_TEST_PG_URL

ctest --test-dir "$build_dir" --output-on-failure --timeout 600 -j 2
