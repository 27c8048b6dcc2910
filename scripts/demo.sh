#!/usr/bin/env bash
# Command A: installs the dependencies, builds, and runs caissed on the demo territory
# (examples/demo/) with its embedded PostgreSQL. caissed prints the URL to open.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh -DCAISSE_BUILD_TESTS=OFF -DCAISSE_BUILD_BENCH=OFF
exec build/host/src/daemon/caissed --config examples/demo/caissed.toml "$@"
