import { defineConfig } from 'vitest/config';

// Snapshots, like golden files, are written only when asked: a missing one
// fails instead of being written (vitest writes new ones by default outside CI).
// `UPDATE_GOLDEN=1 npm test` (or `vitest -u`) writes them.
const update = process.env.UPDATE_GOLDEN === '1' ? 'all' : 'none';

export default defineConfig({
  test: {
    update,
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // Builds dist/ first: the CLI and end-to-end tests run the built binary.
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['test/setup.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20000,
    env: { FORCE_COLOR: '0' },
  },
});
