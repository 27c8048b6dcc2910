#!/usr/bin/env bash
# Command A: installs the dependencies, builds, and runs caissed on the demo territory
# (examples/demo/) with its embedded PostgreSQL. caissed prints the URL to open.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh -DCAISSE_BUILD_TESTS=OFF -DCAISSE_BUILD_BENCH=OFF
# The demo's currency operators are folders: credit files go to exchange/*/outbox, their
# confirmations come back in exchange/*/inbox (examples/demo/README.md walks through a month).
mkdir -p examples/demo/exchange/{montpellier,nantes-ouest}/{outbox,inbox}
cd examples/demo
exec ../../build/host/src/daemon/caissed --config caissed.toml "$@"
