#!/usr/bin/env bash
# Installs what the end-to-end tests need from Debian (chromium, nginx, openssl, curl,
# python3-werkzeug). Each scripts/setup/*.sh is idempotent and does nothing when its tool is there;
# the package lists are fetched once for all of them. A failure is reported and the tests that need
# the tool skip with a visible message.
set -u
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive

missing=0
[ -x /usr/bin/chromium ] || missing=1
{ command -v nginx || [ -x /usr/sbin/nginx ]; } >/dev/null 2>&1 || missing=1
command -v openssl >/dev/null 2>&1 || missing=1
command -v curl >/dev/null 2>&1 || missing=1
{ python3 -c 'import werkzeug' || /usr/bin/python3 -c 'import werkzeug'; } >/dev/null 2>&1 || missing=1

if [ "$missing" = 1 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "setup: installing test tools from Debian (chromium, nginx, openssl, curl, python3-werkzeug)..."
  if apt-get update -qq; then export TSGI_APT_UPDATED=1; fi
fi

for script in scripts/setup/*.sh; do
  [ -e "$script" ] || continue
  if ! bash "$script"; then
    echo "setup: $script failed; the tests that need it will be skipped" >&2
  fi
done
exit 0
