#!/bin/sh
# Proves that a plugin author needs nothing but the installed SDK: installs the `sdk` component
# of this build into an empty prefix, checks nothing else was installed, builds
# examples/plugins/hello out of tree against that prefix only, and has the host load the result.
# Usage: out_of_tree_hello.sh BUILD_DIR HELLO_SOURCE_DIR CHECKER CMAKE CXX_COMPILER
set -eu
. "$(dirname "$0")/out_of_tree_lib.sh"
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

configure_against_sdk "$cmake" "$hello_src" "$work/build" "$cxx" "$prefix"

"$cmake" --build "$work/build"
"$checker" "$work/build"
