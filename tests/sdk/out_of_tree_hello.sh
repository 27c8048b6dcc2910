#!/bin/sh
# Proves that a plugin author needs nothing but the installed SDK: installs the `sdk` component
# of this build into an empty prefix, checks nothing else was installed, builds
# examples/plugins/hello out of tree against that prefix only, and has the host load the result.
# Usage: out_of_tree_hello.sh BUILD_DIR HELLO_SOURCE_DIR CHECKER CMAKE CXX_COMPILER
set -eu
build_dir=$1 hello_src=$2 checker=$3 cmake=$4 cxx=$5

work=$(mktemp -d "${TMPDIR:-/tmp}/caisse-sdk-XXXXXX")
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix

"$cmake" --install "$build_dir" --component sdk --prefix "$prefix"

unexpected=$(cd "$prefix" && find . -type f | grep -v -e '^\./include/caisse/' \
  -e '^\./lib[^/]*/cmake/CaisseSDK/' || true)
if [ -n "$unexpected" ]; then
  echo "FAIL: the sdk component installed more than the SDK:" >&2
  echo "$unexpected" >&2
  exit 1
fi

generator=
if command -v ninja >/dev/null 2>&1; then generator="-G Ninja"; fi
# shellcheck disable=SC2086 # $generator is empty or two words
"$cmake" -S "$hello_src" -B "$work/build" $generator \
  -DCMAKE_CXX_COMPILER="$cxx" \
  -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF \
  -DCMAKE_FIND_USE_SYSTEM_PACKAGE_REGISTRY=OFF

found=$(sed -n 's/^CaisseSDK_DIR:PATH=//p' "$work/build/CMakeCache.txt")
case $found in
  "$prefix"/*) ;;
  *) echo "FAIL: CaisseSDK found at '$found', not in $prefix" >&2; exit 1 ;;
esac

"$cmake" --build "$work/build"
"$checker" "$work/build"
