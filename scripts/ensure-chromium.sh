#!/usr/bin/env bash
# Make sure Debian's Chromium is available for the browser specs.
# - Chromium present and working: print its version, exit 0.
# - Missing and running as root: install it with apt-get (non-interactive), verify, print the version.
# - Missing and not root: print the install command and exit 1. Never skips silently.
set -euo pipefail

CHROMIUM_BIN="${CHROMIUM_BIN:-/usr/bin/chromium}"

chromium_version() {
  # Chromium needs no display for --version; it may print warnings on stderr, which we drop.
  "$CHROMIUM_BIN" --version 2>/dev/null
}

if [[ -x "$CHROMIUM_BIN" ]] && version="$(chromium_version)"; then
  echo "chromium: ${version} (${CHROMIUM_BIN})"
  exit 0
fi

if [[ "$(id -u)" -ne 0 ]]; then
  echo "Chromium is needed for the browser specs. Install it with: sudo apt-get update && sudo apt-get install -y chromium" >&2
  exit 1
fi

echo "chromium: not found at ${CHROMIUM_BIN}; installing Debian's chromium package with apt-get"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium >/dev/null

if [[ -x "$CHROMIUM_BIN" ]] && version="$(chromium_version)"; then
  echo "chromium: ${version} (${CHROMIUM_BIN}, installed)"
  exit 0
fi

echo "chromium: installation finished but '${CHROMIUM_BIN} --version' still fails" >&2
exit 1
