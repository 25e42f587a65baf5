#!/usr/bin/env bash
# openssl makes the throwaway certificate of the node adapter's TLS test (test/adapters/node/serve.test.ts).
set -eu
command -v openssl >/dev/null 2>&1 || { { [ -n "${TSGI_APT_UPDATED:-}" ] || apt-get update -qq; }; apt-get install -y -qq openssl >/dev/null; }
