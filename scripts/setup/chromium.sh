#!/usr/bin/env bash
# Installs Debian's chromium (and a basic font set) for test/e2e/chromium-upload.test.ts.
# Idempotent: does nothing when /usr/bin/chromium is already there.
set -eu
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; else
    echo "chromium.sh: not root and no sudo; cannot install chromium" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
[ -n "${TSGI_APT_UPDATED:-}" ] || $SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-liberation >/dev/null
test -x /usr/bin/chromium
