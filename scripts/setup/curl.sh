#!/usr/bin/env bash
# curl drives the node adapter's socket tests (test/adapters/node, test/cli).
set -eu
command -v curl >/dev/null 2>&1 || { { [ -n "${TSGI_APT_UPDATED:-}" ] || apt-get update -qq; }; apt-get install -y -qq curl >/dev/null; }
