#!/usr/bin/env bash
# Installs what the end-to-end tests need (Debian packages such as chromium, nginx, python3-werkzeug).
# Each scripts/setup/*.sh is idempotent and fast when its tools are already there; a failure is
# reported and the tests that need the tool skip with a visible message.
set -u
cd "$(dirname "$0")/.."
for script in scripts/setup/*.sh; do
  [ -e "$script" ] || continue
  if ! bash "$script"; then
    echo "setup: $script failed; the tests that need it will be skipped" >&2
  fi
done
exit 0
