import { defineConfig } from 'vitest/config';

// The benchmarks' own unit tests (pure helpers): `npx vitest run -c bench/vitest.config.ts`.
// Not part of `npm test`'s projects; `npm run bench` itself is the integration run.
export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['**/*.test.ts'],
    exclude: ['tmp/**', 'node_modules/**'],
    environment: 'node',
  },
});
