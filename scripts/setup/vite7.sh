#!/usr/bin/env bash
# vitest 3 on vite 7 (esbuild) for test/toolchains/vite7.test.ts: `npm ci` in that folder from its
# committed package-lock.json. Does nothing when what is installed came from the same lock file.
set -eu
cd "$(dirname "$0")/../../test/toolchains/vite7"
stamp=node_modules/.tsgi-installed-lock
if [ -x node_modules/.bin/vitest ] && [ -f "$stamp" ] && cmp -s package-lock.json "$stamp"; then
  exit 0
fi
echo "setup: installing vitest 3 and vite 7 in test/toolchains/vite7..."
npm ci --no-audit --no-fund --loglevel=error
cp package-lock.json "$stamp"
