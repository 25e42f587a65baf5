#!/usr/bin/env bash
# nginx for test/e2e/nginx.test.ts (tsgi behind a real reverse proxy). Idempotent: does nothing
# when nginx is already installed.
set -eu
PATH="$PATH:/usr/sbin"
# openssl makes the self-signed certificate the test's TLS listener uses.
{ command -v nginx && command -v openssl; } >/dev/null 2>&1 || {
  export DEBIAN_FRONTEND=noninteractive
  [ -n "${TSGI_APT_UPDATED:-}" ] || apt-get update -qq
  apt-get install -y -qq --no-install-recommends nginx openssl >/dev/null
}
