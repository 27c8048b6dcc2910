#!/usr/bin/env bash
# Configures and builds caissed into build/ (Ninja, ccache when present). Extra arguments are
# passed to CMake's configure step, e.g. -DCAISSE_SANITIZE=ON.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${CAISSE_BUILD_DIR:-build}
cmake -S . -B "$build_dir" -G Ninja "$@"
cmake --build "$build_dir" -j "$(nproc)"
