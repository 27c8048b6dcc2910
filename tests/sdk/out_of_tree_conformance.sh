#!/bin/sh
# Proves that a currency plugin's author can run the conformance kit with nothing but the
# installed SDK and GoogleTest: installs the `sdk` component of this build into an empty prefix,
# builds tests/sdk/conformance/out_of_tree (an adapter and its conformance test, as docs/sdk.md
# shows them) against that prefix only, and runs the kit's seven scenarios through CTest.
# Usage: out_of_tree_conformance.sh BUILD_DIR PROJECT_DIR CMAKE CTEST CXX_COMPILER
set -eu
. "$(dirname "$0")/out_of_tree_lib.sh"
build_dir=$1 project_dir=$2 cmake=$3 ctest=$4 cxx=$5

work=$(mktemp -d "${TMPDIR:-/tmp}/caisse-kit-XXXXXX")
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix

"$cmake" --install "$build_dir" --component sdk --prefix "$prefix"

for installed in include/caisse/testing/currency_conformance.hpp \
                 include/caisse/testing/fake_host.hpp \
                 include/caisse/testing/scripted_transport.hpp; do
  if [ ! -f "$prefix/$installed" ]; then
    echo "FAIL: the sdk component did not install $installed" >&2
    exit 1
  fi
done
if ! ls "$prefix"/lib*/cmake/CaisseSDK/CaisseSDKConformance.cmake >/dev/null 2>&1; then
  echo "FAIL: the sdk component did not install CaisseSDKConformance.cmake" >&2
  exit 1
fi

configure_against_sdk "$cmake" "$project_dir" "$work/build" "$cxx" "$prefix"

"$cmake" --build "$work/build"
"$ctest" --test-dir "$work/build" --output-on-failure -L conformance

listed=$("$ctest" --test-dir "$work/build" -N -L conformance | sed -n 's/^Total Tests: //p')
if [ "$listed" != 7 ]; then
  echo "FAIL: expected the kit's 7 scenarios, CTest lists '$listed'" >&2
  exit 1
fi
echo "OK: the conformance kit ran out of tree against $prefix"
