#!/usr/bin/env bash
# Werkzeug for the differential header tests (test/http/differential.test.ts): Debian's
# python3-werkzeug, installed only when no python3 on the machine can import werkzeug.
set -u
for python in python3 /usr/bin/python3; do
  if command -v "$python" >/dev/null 2>&1 && "$python" -c 'import werkzeug' >/dev/null 2>&1; then
    exit 0
  fi
done
if ! command -v apt-get >/dev/null 2>&1; then
  echo "werkzeug.sh: no apt-get; install python3-werkzeug by hand to run the differential tests" >&2
  exit 1
fi
SUDO=""
[ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && SUDO="sudo"
{ [ -n "${TSGI_APT_UPDATED:-}" ] || $SUDO apt-get update -qq; }; DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq python3-werkzeug >/dev/null
