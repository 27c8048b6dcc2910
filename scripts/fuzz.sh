#!/usr/bin/env bash
# Fuzzes the parsers of what outsiders send us (bank CSV, camt, pain.002, webhooks, HelloAsso
# notifications, the host's CSV reader) with libFuzzer. See fuzz/README.md.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]
#
# SECONDS per target (default 60); TARGETs by name (default: all of them, one after the other).
# Installs clang and the project's dependencies when missing, configures and builds the fuzz
# targets in ${CAISSE_FUZZ_BUILD_DIR:-build-fuzz} (clang, separate from the g++ build), runs each,
# and exits non-zero when any of them found a crash, a leak, a timeout or a broken property.
# Not part of scripts/test.sh: CI has a time budget.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
if ! [[ $seconds =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: scripts/fuzz.sh [SECONDS] [TARGET...]  (SECONDS a whole number, default 60)" >&2
  exit 2
fi
shift $(($# > 0 ? 1 : 0))

scripts/install-deps.sh
# libFuzzer comes with clang (its runtime is in libclang-rt-dev on Debian 12).
if ! command -v clang++ >/dev/null ||
  ! dpkg-query -W -f='${Status}' libclang-rt-dev 2>/dev/null | grep -q "install ok installed"; then
  echo "fuzz: installing clang and libclang-rt-dev"
  sudo_cmd=()
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update
  "${sudo_cmd[@]}" apt-get install -y --no-install-recommends clang libclang-rt-dev
fi

build_dir=${CAISSE_FUZZ_BUILD_DIR:-build-fuzz}
CC=clang CXX=clang++ cmake -S . -B "$build_dir" -G Ninja -DCAISSE_BUILD_FUZZ=ON \
  -DCAISSE_BUILD_TESTS=OFF -DCAISSE_BUILD_BENCH=OFF >/dev/null
cmake --build "$build_dir" --target fuzzers

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for dir in fuzz/corpus/*/; do targets+=("$(basename "$dir")"); done
fi

failed=()
for target in "${targets[@]}"; do
  binary=$build_dir/fuzz/$target
  if [ ! -x "$binary" ]; then
    echo "fuzz: no target $target (have: $(ls fuzz/corpus | tr '\n' ' '))" >&2
    exit 2
  fi
  # New inputs go to the build tree's corpus, which grows from one run to the next; the seeds in
  # fuzz/corpus/ are only read. Crashes land in fuzz-crashes/<target>/ of the build tree.
  work_corpus=$build_dir/fuzz-corpus/$target
  crashes=$build_dir/fuzz-crashes/$target
  log=$build_dir/fuzz-logs/$target.log
  mkdir -p "$work_corpus" "$crashes" "$(dirname "$log")"
  options=(-max_total_time="$seconds" -rss_limit_mb=2048 -timeout=30 -print_final_stats=1
           -artifact_prefix="$crashes/")
  if [ -f "fuzz/dicts/$target.dict" ]; then options+=(-dict="fuzz/dicts/$target.dict"); fi
  echo "fuzz: $target for ${seconds}s (log: $log)"
  if "$binary" "${options[@]}" "$work_corpus" "fuzz/corpus/$target" >"$log" 2>&1; then
    grep -E "DONE +cov:" "$log" | tail -1 || true  # runs, coverage, corpus size
  else
    failed+=("$target")
    echo "fuzz: $target FAILED, the end of its log:" >&2
    tail -n 40 "$log" >&2
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: ${#failed[@]} target(s) failed: ${failed[*]}; reproduce with $build_dir/fuzz/<target> <crash file>" >&2
  exit 1
fi
echo "fuzz: ${#targets[@]} target(s), ${seconds}s each, no crash"
