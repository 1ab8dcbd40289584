// Builds dist/ once before any test runs (and again before each re-run in
// watch mode): the CLI and end-to-end tests run the built binary, so
// `npx vitest run` works on a fresh clone and never tests a stale bundle.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

const root = fileURLToPath(new URL('..', import.meta.url));

function build(): void {
  const r = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`the build failed (node scripts/build.mjs exited with ${r.status ?? r.signal})`);
}

export default function setup(project: TestProject): void {
  build();
  project.onTestsRerun(build);
}
