import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

const src = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

export default defineConfig({
  resolve: {
    // Examples import the package by name; in tests that name means the source tree.
    alias: [
      { find: /^tsgi$/, replacement: src('index.ts') },
      { find: /^tsgi\/test$/, replacement: src('adapters/test/index.ts') },
      { find: /^tsgi\/node$/, replacement: src('adapters/node/index.ts') },
      { find: /^tsgi\/fetch$/, replacement: src('adapters/fetch/index.ts') },
      { find: /^tsgi\/middleware$/, replacement: src('middleware/index.ts') },
      { find: /^tsgi\/session$/, replacement: src('session/index.ts') },
      { find: /^tsgi\/routing$/, replacement: src('routing/index.ts') },
      { find: /^tsgi\/lambda$/, replacement: src('adapters/lambda/index.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    // A nested project with its own vitest 3 (test/toolchains/vite7.test.ts runs it).
    exclude: [...configDefaults.exclude, 'test/toolchains/vite7/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
