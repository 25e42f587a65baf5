// vitest 3 on vite 7: esbuild compiles ../standard/site.ts with the tsconfig.json nearest to it (the
// repository's: standard decorators). JavaScript, so that the repository's tsc and vitest skip it.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['decorated.test.js'],
    testTimeout: 20_000,
  },
});
