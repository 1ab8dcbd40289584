// The layers hold by themselves: the linter refuses a core file that does I/O
// or draws, and a UI file that reaches for the process. Each probe is a real
// file in the folder it tests, checked with the project's own lint settings.
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const biome = fileURLToPath(new URL('../../node_modules/.bin/biome', import.meta.url));

function lint(path: string, source: string): string {
  const file = `${root}${path}`;
  writeFileSync(file, source);
  try {
    const r = spawnSync(biome, ['lint', '--max-diagnostics=50', path], { cwd: root, encoding: 'utf8' });
    return `${r.stdout}${r.stderr}`;
  } finally {
    rmSync(file, { force: true });
  }
}

describe('the layers the linter enforces', () => {
  it('src/core imports no Node module, no React or Ink, nothing from the layers above, and uses no process', () => {
    const out = lint(
      'src/core/lint-probe.ts',
      [
        "import { readFileSync } from 'node:fs';",
        "import { Box } from 'ink';",
        "import { ScreenOutput } from '../node/screen-output.js';",
        "import { renderApp } from '../ui/render-app.js';",
        'export const probe = [readFileSync, Box, ScreenOutput, renderApp, process.env.HOME];',
      ].join('\n'),
    );
    expect(out.match(/lint\/style\/noRestrictedImports/g)).toHaveLength(4);
    expect(out).toMatch(/lint\/style\/noRestrictedGlobals/);
  });

  it('src/ui uses no process: streams and sizes come from Ink', () => {
    expect(lint('src/ui/lint-probe.ts', 'export const columns = process.stdout.columns;\n')).toMatch(
      /lint\/style\/noRestrictedGlobals/,
    );
  });

  it('a clean core file passes', () => {
    const out = lint('src/core/lint-probe.ts', 'export const probe = 1;\n');
    expect(out).toMatch(/Checked 1 file/);
    expect(out).not.toMatch(/noRestricted|error/i);
  });
});
