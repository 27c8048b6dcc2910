#!/usr/bin/env bash
# Installs what caissed needs to build, run and test on Debian 12, from Debian's packages only.
# Runs `apt-get update` once, and skips both update and install when everything is present.
set -euo pipefail

# chromium: the browser tests drive it (tests/browser, through playwright-core).
packages=(
  g++ cmake ninja-build ccache pkg-config git curl procps
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev libboost-filesystem1.81-dev
  libssl-dev openssl libpq-dev postgresql postgresql-client
  libspdlog-dev libtomlplusplus-dev libxlsxwriter-dev zlib1g-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libxml2-dev libxml2-utils
  chromium
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

# Node.js and npm run the webhook signature test against the providers' own npm packages. A
# machine may have them from elsewhere (NodeSource ships npm inside its nodejs, which conflicts
# with Debian's npm package): the commands are what counts.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  missing+=(nodejs npm)
fi

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages and node/npm already installed"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update
"${sudo_cmd[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
