# What the out-of-tree SDK tests share: configuring a plugin author's project against the
# prefix the `sdk` component was installed into, and nothing else.
# Sourced by out_of_tree_hello.sh and out_of_tree_conformance.sh (POSIX sh, `set -eu`).

# configure_against_sdk CMAKE SOURCE_DIR BINARY_DIR CXX_COMPILER PREFIX: fails unless CMake
# found CaisseSDK inside PREFIX (not in a package registry or a system folder).
configure_against_sdk() {
  generator=
  if command -v ninja >/dev/null 2>&1; then generator="-G Ninja"; fi
  # shellcheck disable=SC2086 # $generator is empty or two words
  "$1" -S "$2" -B "$3" $generator \
    -DCMAKE_CXX_COMPILER="$4" \
    -DCMAKE_PREFIX_PATH="$5" \
    -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF \
    -DCMAKE_FIND_USE_SYSTEM_PACKAGE_REGISTRY=OFF
  found=$(sed -n 's/^CaisseSDK_DIR:PATH=//p' "$3/CMakeCache.txt")
  case $found in
    "$5"/*) ;;
    *) echo "FAIL: CaisseSDK found at '$found', not in $5" >&2; exit 1 ;;
  esac
}
