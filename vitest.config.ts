import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    setupFiles: ['test/setup.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20000,
    env: { FORCE_COLOR: '0' },
  },
});
